import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { relativeTime } from '../containers/format';
import { formatBytes, shortId, type ImageRow } from './format';

const ROW_HEIGHT = 48;

/** "2 containers", or a short placeholder while the usage is still on its way (rows are drawn before it). */
export function UsedByCount({ count }: { count: number | undefined }) {
  const { t } = useTranslation();
  if (count === undefined) {
    return (
      <span aria-busy="true" data-testid="usage-loading" className="text-slate-700 dark:text-slate-300">
        {t('images.usageLoading')}
      </span>
    );
  }
  return <>{t('images.usedBy', { count })}</>;
}
const COLUMNS = 'grid grid-cols-[minmax(0,3fr)_minmax(0,1.2fr)_minmax(0,1fr)_minmax(0,1.2fr)_minmax(0,1fr)_auto] items-center gap-3 px-3';

/**
 * The images as `docker images` lists them, one row per name. Only the rows
 * in view are in the page (thousands of images scroll smoothly).
 */
export function ImageList({ rows, selected, highlight, onSelect }: { rows: ImageRow[]; selected?: string; highlight?: string; onSelect: (row: ImageRow) => void }) {
  const { t, i18n } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used this way
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });

  return (
    <div role="table" aria-label={t('images.title')} aria-rowcount={rows.length + 1} className="rounded-lg border border-slate-200 text-sm dark:border-slate-700">
      <div role="rowgroup" className="bg-slate-50 text-slate-700 dark:bg-slate-900 dark:text-slate-300">
        <div role="row" aria-rowindex={1} className={`${COLUMNS} py-2 font-medium`}>
          <span role="columnheader">{t('images.column.name')}</span>
          <span role="columnheader">{t('images.column.id')}</span>
          <span role="columnheader">{t('images.column.size')}</span>
          <span role="columnheader">{t('images.column.created')}</span>
          <span role="columnheader">{t('images.column.containers')}</span>
          <span role="columnheader" className="sr-only">
            {t('images.column.actions')}
          </span>
        </div>
      </div>
      <div ref={scroller} role="rowgroup" className="max-h-[55vh] overflow-auto" data-testid="image-list">
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => {
            const row = rows[item.index];
            const isSelected = row.key === selected;
            const isNew = highlight !== undefined && (row.id === highlight || row.reference === highlight);
            return (
              <div
                key={row.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                data-testid="image-row"
                data-reference={row.reference}
                data-id={row.id}
                className={`${COLUMNS} absolute inset-x-0 border-t border-slate-200 dark:border-slate-800 ${
                  isSelected ? 'bg-sky-50 dark:bg-sky-950' : isNew ? 'bg-emerald-50 dark:bg-emerald-950' : ''
                }`}
                style={{ top: item.start, height: ROW_HEIGHT }}
              >
                <span role="cell" className="truncate font-medium" title={row.reference}>
                  {row.dangling ? (
                    <span className="text-slate-700 italic dark:text-slate-300">{t('images.untagged')}</span>
                  ) : (
                    <>
                      {row.repository}
                      <span className="text-slate-600 dark:text-slate-400">:{row.tag}</span>
                    </>
                  )}
                  {row.caisOwn && (
                    <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs text-slate-900 dark:bg-slate-700 dark:text-slate-100" title={t('images.caisOwn.explain')} data-testid="cais-own">
                      {t('images.caisOwn.badge')}
                      <span className="sr-only">: {t('images.caisOwn.explain')}</span>
                    </span>
                  )}
                  {isNew && <span className="ml-2 rounded bg-emerald-200 px-1.5 text-xs text-emerald-950">{t('images.new')}</span>}
                </span>
                <span role="cell" className="font-mono text-xs">
                  {shortId(row.id)}
                </span>
                <span role="cell">{formatBytes(row.size, i18n.language)}</span>
                <span role="cell" className="text-slate-700 dark:text-slate-300">
                  <time dateTime={new Date(row.created * 1000).toISOString()}>{relativeTime(row.created, i18n.language)}</time>
                </span>
                <span role="cell">
                  <UsedByCount count={row.containers} />
                </span>
                <span role="cell">
                  <button
                    type="button"
                    onClick={() => onSelect(row)}
                    aria-label={t('images.openLabel', { name: row.reference })}
                    aria-pressed={isSelected}
                    className="rounded-md border border-slate-300 px-2 py-1 font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
                  >
                    {t('images.open')}
                  </button>
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
