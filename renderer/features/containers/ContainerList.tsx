import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../electron/api/schemas';
import { ContainerRow, ROW_GRID } from './ContainerRow';
import { TermHelp } from '../glossary/Term';

interface Props {
  containers: ContainerSummary[];
  selected: Set<string>;
  onSelect: (id: string, selected: boolean) => void;
  onSelectAll: (selected: boolean) => void;
  takenNames: string[];
}

/** Only the rows in view are in the DOM, so thousands of containers scroll smoothly. */
export function ContainerList({ containers, selected, onSelect, onSelectAll, takenNames }: Props) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is fine without the compiler.
  const virtualizer = useVirtualizer({
    count: containers.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 57,
    overscan: 8,
    getItemKey: (index) => containers[index].id,
  });
  const allSelected = containers.length > 0 && containers.every((c) => selected.has(c.id));

  return (
    <div role="table" aria-label={t('containers.title')} aria-rowcount={containers.length + 1} className="rounded-lg border border-slate-200 dark:border-slate-800">
      <div role="rowgroup">
        <div role="row" className={`${ROW_GRID} border-b border-slate-200 bg-slate-50 py-2 text-sm font-medium text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300`}>
          <div role="columnheader">
            <input
              type="checkbox"
              className="size-4"
              checked={allSelected}
              onChange={(event) => onSelectAll(event.target.checked)}
              aria-label={t('containers.selectAll')}
            />
          </div>
          <div role="columnheader">{t('containers.column.name')}</div>
          <div role="columnheader" className="flex items-center gap-1">{t('containers.column.image')} <TermHelp word="image" /></div>
          <div role="columnheader">{t('containers.column.state')}</div>
          <div role="columnheader">{t('containers.column.status')}</div>
          <div role="columnheader" className="flex items-center gap-1">{t('containers.column.ports')} <TermHelp word="port" /></div>
          <div role="columnheader">{t('containers.column.created')}</div>
          <div role="columnheader" className="justify-self-end">{t('containers.column.actions')}</div>
        </div>
      </div>
      <div ref={scroller} role="rowgroup" data-testid="container-scroller" className="max-h-[calc(100vh-14rem)] overflow-auto">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const container = containers[item.index];
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              >
                <ContainerRow
                  container={container}
                  rowIndex={item.index + 2}
                  selected={selected.has(container.id)}
                  onSelect={(value) => onSelect(container.id, value)}
                  takenNames={takenNames}
                />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
