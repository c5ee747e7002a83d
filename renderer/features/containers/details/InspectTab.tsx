import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUTTON } from '../../../components/Dialog';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** True when the key path or the value contains the needle. */
function matches(path: string, value: Json, needle: string): boolean {
  if (!needle) return true;
  if (path.toLowerCase().includes(needle)) return true;
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, child]) => matches(`${path}.${key}`, child, needle));
  }
  return String(value).toLowerCase().includes(needle);
}

function Node({ name, value, path, needle }: { name: string; value: Json; path: string; needle: string }) {
  if (!matches(path, value, needle)) return null;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return (
      <details open={Boolean(needle) || path.split('.').length < 2} className="ml-4">
        <summary className="min-h-6 cursor-pointer font-mono">
          {name}{' '}
          <span className="text-slate-600 dark:text-slate-400">{Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`}</span>
        </summary>
        {entries.map(([key, child]) => (
          <Node key={key} name={key} value={child} path={`${path}.${key}`} needle={needle} />
        ))}
      </details>
    );
  }
  return (
    <div className="ml-8 break-all font-mono">
      {name}: <span className="text-emerald-800 dark:text-emerald-300">{JSON.stringify(value)}</span>
    </div>
  );
}

/** `docker inspect`, as a tree that filters by key or value. */
export function InspectTab({ info }: { info: Record<string, unknown> }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const text = useMemo(() => JSON.stringify(info, null, 2), [info]);
  return (
    <div className="flex h-full flex-col gap-2 text-sm">
      <div className="flex items-end gap-3">
        <label className="flex flex-col gap-1">
          <span>{t('containers.inspect.search')}</span>
          <input
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-800"
          />
        </label>
        <button type="button" className={BUTTON} onClick={() => void navigator.clipboard.writeText(text)}>
          {t('containers.inspect.copy')}
        </button>
      </div>
      <div data-testid="inspect-tree" role="region" aria-label={t('containers.inspect.treeLabel')} tabIndex={0} className="min-h-0 flex-1 overflow-auto rounded-md border border-slate-200 p-2 dark:border-slate-800">
        <Node name="container" value={info as Json} path="" needle={query.trim().toLowerCase()} />
      </div>
    </div>
  );
}
