import { useTranslation } from 'react-i18next';
import { Breakable, WRAP_WORDS } from './Breakable';
import type { ConnectionState } from '../../electron/api/schemas';

const DOT: Record<ConnectionState['status'], string> = {
  connected: 'bg-emerald-500',
  connecting: 'bg-amber-400',
  offline: 'bg-red-500',
};

/** The engine indicator: always visible, says which engine is in use. */
export function EngineStatus({ state }: { state: ConnectionState | undefined }) {
  const { t } = useTranslation();
  const status = state?.status ?? 'connecting';
  const label =
    state?.status === 'connected'
      ? t('status.connected', { product: state.product, version: state.engineVersion, endpoint: state.endpoint.address })
      : t(`status.${status}`);
  return (
    <div role="status" data-testid="engine-status" data-status={status} className="flex items-start gap-2">
      <span aria-hidden="true" className={`mt-1.5 inline-block size-2.5 shrink-0 rounded-full ${DOT[status]}`} />
      <span className={`${WRAP_WORDS} text-slate-700 dark:text-slate-300`}>
        <Breakable text={label} />
      </span>
    </div>
  );
}
