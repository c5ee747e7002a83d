import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orpc } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ContainerRow } from './ContainerRow';

export function ContainersPage() {
  const { t } = useTranslation();
  const [all, setAll] = useState(true);
  const query = useQuery(orpc.containers.list.queryOptions({ input: { all } }));
  const containers = query.data ?? [];

  return (
    <section aria-labelledby="containers-title" className="space-y-4 p-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 id="containers-title" className="text-2xl font-semibold">
            {t('containers.title')}
          </h1>
          {query.isSuccess && (
            <p className="text-sm text-slate-700 dark:text-slate-300">{t('containers.count', { count: containers.length })}</p>
          )}
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={all} onChange={(event) => setAll(event.target.checked)} className="size-4" />
          {t('containers.showAll')}
        </label>
      </header>
      {query.isError && <ErrorNotice error={query.error} />}
      {query.isPending && <p aria-busy="true">{t('containers.loading')}</p>}
      {query.isSuccess && containers.length === 0 && (
        <p className="text-slate-700 dark:text-slate-300">{all ? t('containers.empty') : t('containers.emptyRunning')}</p>
      )}
      {containers.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-700 dark:bg-slate-900 dark:text-slate-300">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t('containers.column.name')}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t('containers.column.image')}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t('containers.column.state')}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t('containers.column.status')}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t('containers.column.ports')}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t('containers.column.created')}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t('containers.column.actions')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {containers.map((container) => (
                <ContainerRow key={container.id} container={container} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
