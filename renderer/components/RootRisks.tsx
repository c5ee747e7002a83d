import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RootRisk } from '../../electron/api/root-risks';

export const WARNING_TEXT = 'text-amber-900 dark:text-amber-200';

/** What a risky setting gives the container, in words; `leftOut` for a pasted flag Cais did not carry over. */
export function useRiskText(): (risk: RootRisk, leftOut?: boolean) => string {
  const { t } = useTranslation();
  return (risk, leftOut = false) => t(leftOut ? `rootRisk.leftOut.${risk.code}` : `rootRisk.${risk.code}`, { subject: risk.subject });
}

/** Each risk as a sentence, in a list. */
export function RiskList({ risks, leftOut, testId }: { risks: readonly RootRisk[]; leftOut?: boolean; testId?: string }) {
  const text = useRiskText();
  return (
    <ul className="list-disc space-y-1 pl-5" data-testid={testId}>
      {risks.map((risk) => (
        <li key={`${risk.code}:${risk.subject}:${risk.field ?? ''}`} data-risk={risk.code}>
          {text(risk, leftOut)}
        </li>
      ))}
    </ul>
  );
}

/**
 * The confirm-level step before creating (or changing) a container with
 * root-equivalent settings: what each gives, and a box the user must tick.
 */
export function RiskConfirm({ risks, accepted, onAccept, showNeeded }: { risks: readonly RootRisk[]; accepted: boolean; onAccept: (accepted: boolean) => void; showNeeded?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div role="group" aria-labelledby={`${id}-title`} data-testid="root-risk-confirm" className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
      <p id={`${id}-title`} className="font-semibold">
        <span aria-hidden="true">⚠ </span>
        {t('rootRisk.confirmTitle')}
      </p>
      <RiskList risks={risks} />
      <p>{t('rootRisk.confirmBody')}</p>
      <label className="flex items-center gap-2 font-medium">
        <input type="checkbox" className="size-4" checked={accepted} onChange={(event) => onAccept(event.target.checked)} aria-describedby={showNeeded && !accepted ? `${id}-needed` : undefined} />
        {t('rootRisk.confirmTick')}
      </label>
      {showNeeded && !accepted && <p id={`${id}-needed`}>{t('rootRisk.confirmNeeded')}</p>}
    </div>
  );
}
