import { useQuery } from '@tanstack/react-query';
import { Breakable, WRAP_WORDS } from '../../components/Breakable';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiskKind } from '../../../electron/api/system-schemas';
import { orpc } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Term } from '../glossary/Term';
import { formatBytes } from '../images/format';
import { DiskUsageChart } from './DiskUsageChart';
import { PruneDialog } from './PruneDialog';

const card = 'rounded-lg border border-slate-200 p-4 dark:border-slate-700';

/** The engine at a glance: what it is, what it holds, and the disk it takes. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const overview = useQuery(orpc.system.overview.queryOptions());
  const disk = useQuery(orpc.system.diskUsage.queryOptions());
  const [pruning, setPruning] = useState<DiskKind | undefined>();
  const engine = overview.data?.engine;
  const facts: [string, string][] = engine
    ? [
        ['version', t('learn.dashboard.versionValue', { version: engine.version, api: engine.apiVersion })],
        ['os', `${engine.os} (${engine.osType}, ${engine.architecture})`],
        ['kernel', engine.kernel],
        ['cpus', String(engine.cpus)],
        ['memory', formatBytes(engine.memoryBytes, i18n.language)],
        ['storageDriver', engine.storageDriver],
        ['rootDir', engine.rootDir],
        ['endpoint', engine.endpoint],
      ]
    : [];

  return (
    <section aria-labelledby="dashboard-title" className="space-y-6 p-6">
      <h1 id="dashboard-title" className="text-2xl font-semibold">
        {t('learn.dashboard.title')}
      </h1>
      {overview.isError && <ErrorNotice error={overview.error} />}
      {overview.isSuccess && engine && (
        <div className="grid gap-4 lg:grid-cols-2">
          <section aria-labelledby="engine-title" className={card}>
            <h2 id="engine-title" className="mb-2 font-semibold">
              {t('learn.dashboard.engine')}
            </h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="engine-facts">
              {facts.map(([key, value]) => (
                <div key={key} className="contents">
                  <dt className="text-slate-700 dark:text-slate-300">{t(`learn.dashboard.fact.${key}`)}</dt>
                  <dd className={`${WRAP_WORDS} font-mono`} data-fact={key}>
                    {typeof value === 'string' ? <Breakable text={value} /> : value}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="counts-title" className={card}>
            <h2 id="counts-title" className="mb-2 font-semibold">
              {t('learn.dashboard.contents')}
            </h2>
            <ul className="grid grid-cols-2 gap-3 text-sm" data-testid="engine-counts">
              <Count label={<Term word="container">{t('learn.dashboard.count.running')}</Term>} value={overview.data.containers.running} id="running" />
              <Count label={t('learn.dashboard.count.paused')} value={overview.data.containers.paused} id="paused" />
              <Count label={t('learn.dashboard.count.stopped')} value={overview.data.containers.stopped} id="stopped" />
              <Count label={t('learn.dashboard.count.total')} value={overview.data.containers.total} id="total" />
              <Count label={<Term word="image">{t('learn.dashboard.count.images')}</Term>} value={overview.data.images} id="images" />
              <Count label={<Term word="volume">{t('learn.dashboard.count.volumes')}</Term>} value={overview.data.volumes} id="volumes" />
            </ul>
          </section>
        </div>
      )}
      <section aria-labelledby="disk-title" className={card}>
        <h2 id="disk-title" className="mb-1 font-semibold">
          {t('learn.dashboard.disk')}
        </h2>
        <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">{t('learn.dashboard.diskHelp')}</p>
        {disk.isError && <ErrorNotice error={disk.error} />}
        {disk.isSuccess && <DiskUsageChart rows={disk.data} onPrune={setPruning} />}
      </section>
      {pruning && <PruneDialog kind={pruning} onClose={() => setPruning(undefined)} />}
    </section>
  );
}

function Count({ label, value, id }: { label: ReactNode; value: number; id: string }) {
  return (
    <li className="rounded-md bg-slate-100 p-3 dark:bg-slate-800" data-count={id}>
      <span className="block text-2xl font-semibold tabular-nums">{value}</span>
      <span className="text-slate-700 dark:text-slate-300">{label}</span>
    </li>
  );
}
