import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orpc } from '../../api/client';
import { useHashPath } from '../../api/use-hash-route';
import { ErrorNotice } from '../../components/ErrorNotice';
import { BulkBar } from './BulkBar';
import { ContainerList } from './ContainerList';
import { ContainerDetails, TABS, type Tab } from './details/ContainerDetails';
import { viewContainers, type SortKey } from './list-filter';
import { RunPage } from './run/RunPage';
import { HeadingWithTerm } from '../glossary/Term';

const FIELD = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-800';

/** The list, or one container's details when the address names it (#containers/ID/TAB). */
export function ContainersPage() {
  const [, id, tab, command] = useHashPath();
  // #containers/~run/IMAGE/COMMAND: the form prefilled, e.g. to keep a bare shell's image running.
  if (id === '~run') return <RunPage initialImage={tab ?? ''} initialCommand={command} />;
  if (id) return <ContainerDetails id={id} tab={(TABS as readonly string[]).includes(tab) ? (tab as Tab) : 'summary'} />;
  return <ContainerListPage />;
}

function ContainerListPage() {
  const { t } = useTranslation();
  const [all, setAll] = useState(true);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('created');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const list = useQuery(orpc.containers.list.queryOptions({ input: { all } }));
  const containers = useMemo(() => list.data ?? [], [list.data]);
  const shown = useMemo(() => viewContainers(containers, { query, sort }), [containers, query, sort]);
  const takenNames = useMemo(() => containers.map((c) => c.name), [containers]);
  // Forget selections of containers that are gone or hidden.
  const chosen = shown.filter((c) => selected.has(c.id));

  const select = (id: string, value: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (value) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <section aria-labelledby="containers-title" className="space-y-4 p-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <HeadingWithTerm id="containers-title" level={1} word="container">
            {t('containers.title')}
          </HeadingWithTerm>
          {list.isSuccess && (
            <p className="text-sm text-slate-700 dark:text-slate-300">{t('containers.count', { count: containers.length })}</p>
          )}
        </div>
        <div className="flex flex-wrap items-end gap-3 text-sm">
          <label className="flex flex-col gap-1">
            <span>{t('containers.search')}</span>
            <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} className={FIELD} />
          </label>
          <label className="flex flex-col gap-1">
            <span>{t('containers.sortBy')}</span>
            <select value={sort} onChange={(event) => setSort(event.target.value as SortKey)} className={FIELD}>
              {(['created', 'name', 'image', 'state'] as const).map((key) => (
                <option key={key} value={key}>
                  {t(`containers.sort.${key}`)}
                </option>
              ))}
            </select>
          </label>
          <a href="#containers/~run" className="rounded-md bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800">
            {t('containers.run.open')}
          </a>
          <label className="flex items-center gap-2 pb-1">
            <input type="checkbox" checked={all} onChange={(event) => setAll(event.target.checked)} className="size-4" />
            {t('containers.showAll')}
          </label>
        </div>
      </header>
      {chosen.length > 0 && <BulkBar containers={chosen} onDone={() => setSelected(new Set())} />}
      {list.isError && <ErrorNotice error={list.error} />}
      {list.isPending && <p aria-busy="true">{t('containers.loading')}</p>}
      {list.isSuccess && shown.length === 0 && (
        <p className="text-slate-700 dark:text-slate-300">
          {query ? t('containers.noMatch', { query }) : all ? t('containers.empty') : t('containers.emptyRunning')}
        </p>
      )}
      {shown.length > 0 && (
        <ContainerList
          containers={shown}
          selected={selected}
          onSelect={select}
          onSelectAll={(value) => setSelected(value ? new Set(shown.map((c) => c.id)) : new Set())}
          takenNames={takenNames}
        />
      )}
    </section>
  );
}
