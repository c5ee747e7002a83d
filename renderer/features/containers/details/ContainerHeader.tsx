import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { orpc } from '../../../api/client';
import { navigate } from '../../../api/use-hash-route';
import { portLabel } from '../format';
import { isRunning } from '../list-filter';
import { PortLink } from '../PortLink';
import { RowActions } from '../RowActions';
import { localizeState } from '../status-text';

/**
 * The details page's header: the container's state, the list row's own
 * actions (each with its docker command), and its published ports as links.
 * It reads the same list the rows do, so engine events keep it live.
 */
/** `state`: inspect's, shown until the list has this container. */
export function ContainerHeader({ id, name, state, failed }: { id: string; name: string; state?: string; failed: boolean }) {
  const { t } = useTranslation();
  const list = useQuery(orpc.containers.list.queryOptions({ input: { all: true } }));
  const containers = list.data ?? [];
  const container = containers.find((candidate) => candidate.id === id || candidate.id.startsWith(id) || candidate.name === id);
  const running = container ? isRunning(container) : false;
  return (
    <header className="flex flex-wrap items-start justify-between gap-3" data-testid="details-header">
      <div className="min-w-0 space-y-1">
        <h1 id="details-title" className="break-all text-2xl font-semibold">
          {name}
          {/* After a failed look (removed from another window) the last state is no longer true. */}
          {(container?.state ?? state) && !failed && (
            <span className="ml-3 align-middle text-sm font-normal text-slate-700 dark:text-slate-300" data-testid="details-state">
              {localizeState(container?.state ?? state ?? '', t)}
            </span>
          )}
        </h1>
        {container && container.ports.length > 0 && (
          <ul aria-label={t('containers.details.ports')} className="flex flex-wrap gap-3" data-testid="details-ports">
            {container.ports.map((port) => (
              <li key={portLabel(port)}>
                <PortLink port={port} running={running} />
              </li>
            ))}
          </ul>
        )}
      </div>
      {container && !failed && (
        <div role="group" aria-label={t('containers.details.actions')} data-testid="details-actions">
          <RowActions
            container={container}
            takenNames={containers.map((candidate) => candidate.name)}
            onRemoved={() => navigate('#containers')}
          />
        </div>
      )}
    </header>
  );
}
