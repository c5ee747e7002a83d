import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { CreateVolumeForm } from './CreateVolumeForm';
import { PruneButton } from './PruneButton';
import { RestorePanel } from './RestorePanel';
import { BUTTON, INPUT, PRIMARY } from './ui';
import { VolumeRow } from './VolumeRow';
import { useVolumesWithUsage } from './use-volumes';
import { HeadingWithTerm } from '../glossary/Term';

export function VolumeList() {
  const { t } = useTranslation();
  const { list: query, usage, volumes: all } = useVolumesWithUsage();
  const [search, setSearch] = useState('');
  const [panel, setPanel] = useState<'none' | 'create' | 'restore'>('none');
  const deferred = useDeferredValue(search.trim().toLowerCase());
  const volumes = useMemo(() => {
    if (!deferred) return all;
    return all.filter(
      (volume) =>
        volume.name.toLowerCase().includes(deferred) ||
        volume.usedBy?.some((user) => user.name.toLowerCase().includes(deferred)) ||
        Object.entries(volume.labels).some(([key, value]) => `${key}=${value}`.toLowerCase().includes(deferred)),
    );
  }, [all, deferred]);
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used this way
  const virtualizer = useVirtualizer({
    count: volumes.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 76,
    overscan: 8,
    getItemKey: (index) => volumes[index].name,
  });

  return (
    <section aria-labelledby="volumes-title" className="flex h-full flex-col gap-4 p-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <HeadingWithTerm id="volumes-title" level={1} word="volume">
            {t('volumes.title')}
          </HeadingWithTerm>
          <p className="text-sm text-slate-700 dark:text-slate-300">{t('volumes.intro')}</p>
          {query.isSuccess && (
            <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="volume-count">
              {t('volumes.count', { count: query.data.length })}
            </p>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-2 text-sm">
            <span>{t('volumes.search')}</span>
            <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} className={INPUT} />
          </label>
          <button type="button" className={PRIMARY} aria-expanded={panel === 'create'} onClick={() => setPanel(panel === 'create' ? 'none' : 'create')}>
            {t('volumes.create.open')}
          </button>
          <button type="button" className={BUTTON} aria-expanded={panel === 'restore'} onClick={() => setPanel(panel === 'restore' ? 'none' : 'restore')}>
            {t('volumes.restore.open')}
          </button>
          <PruneButton />
        </div>
      </header>
      {panel === 'create' && <CreateVolumeForm existing={query.data ?? []} onDone={() => setPanel('none')} />}
      {panel === 'restore' && <RestorePanel existing={query.data ?? []} onDone={() => setPanel('none')} />}
      {query.isError && <ErrorNotice error={query.error} />}
      {usage.isError && !query.isError && <ErrorNotice error={usage.error} />}
      {query.isPending && <p aria-busy="true">{t('volumes.loading')}</p>}
      {query.isSuccess && query.data.length === 0 && <p className="text-slate-700 dark:text-slate-300">{t('volumes.empty')}</p>}
      {query.isSuccess && query.data.length > 0 && volumes.length === 0 && (
        <p className="text-slate-700 dark:text-slate-300">{t('volumes.noMatch')}</p>
      )}
      {volumes.length > 0 && (
        <div ref={scroller} className="min-h-0 flex-1 overflow-auto rounded-lg border border-slate-200 dark:border-slate-800">
          <ul aria-label={t('volumes.title')} className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => (
              <li
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="absolute left-0 top-0 w-full border-b border-slate-200 dark:border-slate-800"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <VolumeRow volume={volumes[item.index]} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
