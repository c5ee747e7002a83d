import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../electron/api/schemas';
import { openExternal } from '../../api/bridge';
import { orpc } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { browserAddress, portLabel, relativeTime } from './format';
import { localizeStatus } from './status-text';

const STATE_STYLE: Record<string, string> = {
  running: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100',
  paused: 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100',
};
const DEFAULT_STATE_STYLE = 'bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200';

export function ContainerRow({ container }: { container: ContainerSummary }) {
  const { t, i18n } = useTranslation();
  // The list refreshes from the engine's own events; no manual invalidation.
  const start = useMutation(orpc.containers.start.mutationOptions());
  const stop = useMutation(orpc.containers.stop.mutationOptions());
  const running = container.state === 'running' || container.state === 'restarting';
  const action = running ? stop : start;
  const busy = start.isPending || stop.isPending;
  const error = start.error ?? stop.error;

  return (
    <tr data-testid="container-row" data-name={container.name} data-state={container.state}>
      <th scope="row" className="px-3 py-2 font-medium">
        {container.name}
        {error && (
          <div className="mt-2 font-normal">
            <ErrorNotice error={error} onDismiss={() => (start.error ? start.reset() : stop.reset())} />
          </div>
        )}
      </th>
      <td className="px-3 py-2 font-mono text-xs break-all">{container.image}</td>
      <td className="px-3 py-2">
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATE_STYLE[container.state] ?? DEFAULT_STATE_STYLE}`}>
          {t(`containers.state.${container.state}`, { defaultValue: container.state })}
        </span>
      </td>
      <td className="px-3 py-2 text-slate-700 dark:text-slate-300" title={container.status}>
        {localizeStatus(container.status, t)}
      </td>
      <td className="px-3 py-2">
        {container.ports.length === 0 ? (
          <span aria-hidden="true">{t('containers.noPorts')}</span>
        ) : (
          <ul className="space-y-0.5">
            {container.ports.map((port) => {
              const address = browserAddress(port);
              const label = portLabel(port);
              return (
                <li key={label}>
                  {address && running ? (
                    <a
                      href={address}
                      onClick={(event) => {
                        event.preventDefault();
                        openExternal(address);
                      }}
                      aria-label={t('containers.openPort', { address })}
                      className="font-mono text-xs text-sky-800 underline dark:text-sky-300"
                    >
                      {label}
                    </a>
                  ) : (
                    <span className="font-mono text-xs">{label}</span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </td>
      <td className="px-3 py-2 text-slate-700 dark:text-slate-300">
        <time dateTime={new Date(container.created * 1000).toISOString()}>{relativeTime(container.created, i18n.language)}</time>
      </td>
      <td className="px-3 py-2">
        <button
          type="button"
          disabled={busy}
          aria-label={t(running ? 'containers.stopLabel' : 'containers.startLabel', { name: container.name })}
          title={`docker ${running ? 'stop' : 'start'} ${container.name}`}
          onClick={() => action.mutate({ id: container.id })}
          className="rounded-md border border-slate-300 px-3 py-1 font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          {running ? t('containers.stop') : t('containers.start')}
        </button>
      </td>
    </tr>
  );
}
