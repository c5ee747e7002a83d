import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../electron/api/schemas';
import { portLabel, relativeTime } from './format';
import { PortLink } from './PortLink';
import { StoppedReason } from './StoppedReason';
import { isRunning } from './list-filter';
import { RowActions } from './RowActions';
import { Breakable, WRAP_WORDS } from '../../components/Breakable';
import { localizeState, localizeStatus } from './status-text';
import { showControls } from '../../components/visible-text';

const STATE_STYLE: Record<string, string> = {
  running: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100',
  paused: 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100',
};
const DEFAULT_STATE_STYLE = 'bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200';

/** Shared by the header and every row so the columns line up. */
export const ROW_GRID = 'grid grid-cols-[1.5rem_minmax(7rem,1.2fr)_minmax(7rem,1fr)_5.5rem_minmax(7rem,1fr)_minmax(8rem,1fr)_6.5rem_8.5rem] items-center gap-x-3 px-3';

interface Props {
  container: ContainerSummary;
  /** 1-based position among all rows, header included, for screen readers. */
  rowIndex: number;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  takenNames: string[];
}

export function ContainerRow({ container, rowIndex, selected, onSelect, takenNames }: Props) {
  const { t, i18n } = useTranslation();
  const running = isRunning(container);
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      data-testid="container-row"
      data-name={container.name}
      data-state={container.state}
      className={`${ROW_GRID} min-h-14 border-b border-slate-200 py-2 text-sm dark:border-slate-800`}
    >
      <div role="cell">
        <input
          type="checkbox"
          className="size-4"
          checked={selected}
          onChange={(event) => onSelect(event.target.checked)}
          aria-label={t('containers.selectLabel', { name: container.name })}
        />
      </div>
      <div role="rowheader" className="break-all font-medium">
        <a href={`#containers/${encodeURIComponent(container.id)}/summary`} className="text-sky-800 hover:underline dark:text-sky-300">
          {showControls(container.name)}
        </a>
      </div>
      <div role="cell" className={`${WRAP_WORDS} font-mono text-xs`}>
        <Breakable text={showControls(container.image)} />
      </div>
      <div role="cell">
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATE_STYLE[container.state] ?? DEFAULT_STATE_STYLE}`}>
          {localizeState(container.state, t)}
        </span>
      </div>
      <div role="cell" className="text-slate-700 dark:text-slate-300" title={container.status}>
        {localizeStatus(container.status, t)}
        <StoppedReason status={container.status} />
      </div>
      <div role="cell" className="min-w-0">
        {container.ports.length === 0 ? (
          <span aria-label={t('containers.noPortsLabel')}>{t('containers.noPorts')}</span>
        ) : (
          <ul>
            {container.ports.map((port) => (
              <li key={portLabel(port)} className="whitespace-nowrap">
                <PortLink port={port} running={running} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div role="cell" className="text-slate-700 dark:text-slate-300">
        <time dateTime={new Date(container.created * 1000).toISOString()}>{relativeTime(container.created, i18n.language)}</time>
      </div>
      <div role="cell" className="justify-self-end">
        <RowActions container={container} takenNames={takenNames} />
      </div>
    </div>
  );
}
