import { useTranslation } from 'react-i18next';
import type { DiskKind, DiskUsageRow } from '../../../electron/api/system-schemas';
import { useEngineGaps } from '../../api/engine-supports';
import { EngineGap } from '../../components/EngineGap';
import { formatBytes } from '../images/format';

/**
 * One bar per kind, as long as its share of the biggest; the striped part is
 * what a prune could give back. Plain CSS: the numbers are also written out.
 */
export function DiskUsageChart({ rows, onPrune }: { rows: DiskUsageRow[]; onPrune: (kind: DiskKind) => void }) {
  const { t, i18n } = useTranslation();
  const largest = Math.max(1, ...rows.map((row) => row.size));
  const bytes = (value: number) => formatBytes(value, i18n.language);
  // What the engine does not report is said, not shown as 0 B.
  const gaps = useEngineGaps();
  const unreported: Partial<Record<DiskKind, 'imageDiskUsage' | 'buildCache'>> = {
    ...(gaps.includes('imageDiskUsage') ? { images: 'imageDiskUsage' } : {}),
    ...(gaps.includes('buildCache') ? { buildCache: 'buildCache' } : {}),
  };
  return (
    <ul className="space-y-4">
      {rows.map((row) => {
        const width = (row.size / largest) * 100;
        const reclaimableShare = row.size > 0 ? (row.reclaimable / row.size) * 100 : 0;
        const gap = unreported[row.kind];
        return (
          <li
            key={row.kind}
            data-testid="disk-row"
            data-kind={row.kind}
            data-size={row.size}
            data-reclaimable={row.reclaimable}
            data-total={row.total}
            data-active={row.active}
            className="grid gap-1 sm:grid-cols-[10rem_1fr_auto] sm:items-center sm:gap-4"
          >
            <span className="font-medium">{t(`learn.dashboard.kind.${row.kind}`)}</span>
            <div>
              <div className="h-4 w-full rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
                <div className="flex h-4 overflow-hidden rounded bg-sky-700 dark:bg-sky-500" style={{ width: `${Math.max(width, row.size > 0 ? 1 : 0)}%` }}>
                  <div
                    className="ml-auto h-4 bg-[repeating-linear-gradient(45deg,#f59e0b_0_6px,#fbbf24_6px_12px)]"
                    style={{ width: `${reclaimableShare}%` }}
                  />
                </div>
              </div>
              {gap ? (
                <EngineGap feature={gap} />
              ) : (
                <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                  {t('learn.dashboard.rowText', {
                    size: bytes(row.size),
                    reclaimable: bytes(row.reclaimable),
                    total: row.total,
                    active: row.active,
                  })}
                </p>
              )}
            </div>
            <button
              type="button"
              onClick={() => onPrune(row.kind)}
              disabled={gap === 'buildCache'}
              className="rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              {t('learn.dashboard.prune', { kind: t(`learn.dashboard.kindInSentence.${row.kind}`) })}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
