import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from './format';

export const BUTTON =
  'rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800';
export const PRIMARY = 'rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60';
export const INPUT =
  'rounded-md border border-slate-400 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';
export const PANEL = 'rounded-lg border border-slate-200 p-4 dark:border-slate-800';

/** A panel of the volume screens: a form named by its heading, submitted without a page load. */
export function PanelForm({ title, onSubmit, children }: { title: ReactNode; onSubmit: () => void; children: ReactNode }) {
  const id = useId();
  return (
    <form
      aria-labelledby={id}
      className={`${PANEL} space-y-3`}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </form>
  );
}

/** The docker command that does the same: the one shared component. */
export { CommandHint } from '../../components/CommandHint';

/** Progress of long work: files and bytes so far (a bar when the total is known), and Cancel. */
export function ProgressLine({
  label,
  files,
  bytes,
  totalBytes,
  onCancel,
  children,
}: {
  label: string;
  files?: number;
  bytes: number;
  totalBytes?: number;
  onCancel?: () => void;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const text =
    files !== undefined && files > 0
      ? t('volumes.progress.filesBytes', { count: files, bytes: formatBytes(bytes, i18n.language) })
      : t('volumes.progress.bytes', { bytes: formatBytes(bytes, i18n.language) });
  return (
    <div role="status" aria-live="polite" className="flex flex-wrap items-center gap-3 text-sm" data-testid="progress">
      <span className="font-medium">{label}</span>
      {totalBytes ? (
        <progress max={totalBytes} value={Math.min(bytes, totalBytes)} className="h-2 w-40" aria-label={label} />
      ) : (
        <span aria-hidden="true" className="inline-block size-3 animate-spin rounded-full border-2 border-sky-600 border-t-transparent" />
      )}
      <span className="tabular-nums text-slate-700 dark:text-slate-300">{text}</span>
      {children}
      {onCancel && (
        <button type="button" onClick={onCancel} className={BUTTON}>
          {t('volumes.cancel')}
        </button>
      )}
    </div>
  );
}
