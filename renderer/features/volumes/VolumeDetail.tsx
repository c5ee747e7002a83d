import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { relativeTime } from '../containers/format';
import { AttachPanel } from './AttachPanel';
import { BackupPanel } from './BackupPanel';
import { FileBrowser } from './FileBrowser';
import { RemoveVolumeDialog } from './RemoveVolumeDialog';
import { BUTTON } from './ui';
import { SizeCell, UsedBy } from './VolumeRow';
import { volumeHref } from './VolumesPage';
import { useVolumesWithUsage } from './use-volumes';

const TABS = ['files', 'backup', 'attach'] as const;

export function VolumeDetail({ name, tab }: { name: string; tab?: string }) {
  const { t, i18n } = useTranslation();
  const { list: query, volumes } = useVolumesWithUsage();
  const volume = volumes.find((candidate) => candidate.name === name);
  const current = (TABS as readonly string[]).includes(tab ?? '') ? (tab as (typeof TABS)[number]) : 'files';
  const [removing, setRemoving] = useState(false);

  return (
    <section aria-labelledby="volume-title" className="space-y-4 p-6">
      <a href="#volumes" className="text-sm text-sky-800 underline dark:text-sky-300">
        ← {t('volumes.back')}
      </a>
      {query.isError && <ErrorNotice error={query.error} />}
      {query.isSuccess && !volume && (
        <div>
          <h1 id="volume-title" className="text-2xl font-semibold break-all">{name}</h1>
          <p role="alert">{t('volumes.gone', { name })}</p>
        </div>
      )}
      {volume && (
        <>
          <header className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0 space-y-1">
              <h1 id="volume-title" className="text-2xl font-semibold break-all">
                {t('volumes.detailTitle', { name })}
              </h1>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="text-slate-700 dark:text-slate-300">{t('volumes.column.driver')}</dt>
                <dd>{volume.driver}</dd>
                <dt className="text-slate-700 dark:text-slate-300">{t('volumes.column.mountpoint')}</dt>
                <dd className="font-mono text-xs break-all">{volume.mountpoint}</dd>
                {volume.createdAt && (
                  <>
                    <dt className="text-slate-700 dark:text-slate-300">{t('volumes.column.created')}</dt>
                    <dd>
                      <time dateTime={volume.createdAt}>{relativeTime(Date.parse(volume.createdAt) / 1000, i18n.language)}</time>
                    </dd>
                  </>
                )}
                <dt className="text-slate-700 dark:text-slate-300">{t('volumes.column.usedBy')}</dt>
                <dd>
                  <UsedBy volume={volume} />
                </dd>
                <dt className="text-slate-700 dark:text-slate-300">{t('volumes.column.size')}</dt>
                <dd>
                  <SizeCell name={name} />
                </dd>
              </dl>
            </div>
            <button type="button" className={BUTTON} onClick={() => setRemoving(true)} aria-label={t('volumes.remove.label', { name })}>
              {t('volumes.remove.button')}
            </button>
          </header>
          <div role="tablist" aria-label={t('volumes.tabs.label')} className="flex gap-1 border-b border-slate-200 dark:border-slate-800">
            {TABS.map((id) => (
              <a
                key={id}
                role="tab"
                id={`tab-${id}`}
                aria-selected={current === id}
                aria-controls={`panel-${id}`}
                href={volumeHref(name, id)}
                className={
                  current === id
                    ? '-mb-px rounded-t-md border border-b-white border-slate-200 px-4 py-2 font-medium dark:border-slate-800 dark:border-b-slate-950'
                    : 'px-4 py-2 text-slate-700 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white'
                }
              >
                {t(`volumes.tabs.${id}`)}
              </a>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${current}`} aria-labelledby={`tab-${current}`}>
            {current === 'files' && <FileBrowser name={name} />}
            {current === 'backup' && <BackupPanel volume={volume} existing={query.data ?? []} />}
            {current === 'attach' && <AttachPanel volume={volume} />}
          </div>
          {removing && <RemoveVolumeDialog volume={volume} onClose={() => setRemoving(false)} onRemoved={() => (window.location.hash = '#volumes')} />}
        </>
      )}
    </section>
  );
}
