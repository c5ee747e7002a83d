import { ClosablePanel } from './ClosablePanel';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orpc } from '../../api/client';
import { ImageError } from './ImageError';
import { button, input, muted, primaryButton } from './ui';

const REGISTRIES_KEY = 'cais.registries';
const HUB = 'hub';

function savedRegistries(): string[] {
  try {
    const list = JSON.parse(localStorage.getItem(REGISTRIES_KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Find an image: Docker Hub through the engine (needs internet), or the
 * catalog of a registry the user added (its address only is remembered).
 */
export function SearchPanel({ onClose, onPull }: { onClose: () => void; onPull: (reference: string) => void }) {
  const { t } = useTranslation();
  const [registries, setRegistries] = useState(savedRegistries);
  const [source, setSource] = useState<string>(() => savedRegistries()[0] ?? HUB);
  const [draftRegistry, setDraftRegistry] = useState('');
  const [term, setTerm] = useState('');
  const [submitted, setSubmitted] = useState<{ source: string; term: string } | undefined>();

  const hub = useQuery({
    ...orpc.images.search.queryOptions({ input: { term: submitted?.term ?? '' } }),
    enabled: submitted?.source === HUB && Boolean(submitted.term),
  });
  const catalog = useQuery({
    ...orpc.images.catalog.queryOptions({ input: { registry: submitted?.source ?? '', term: submitted?.term ?? '' } }),
    enabled: submitted !== undefined && submitted.source !== HUB,
    staleTime: 0,
  });

  const addRegistry = () => {
    const address = draftRegistry.trim();
    if (!/^(?:[a-zA-Z0-9.-]+|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?$/.test(address)) return;
    const next = [address, ...registries.filter((item) => item !== address)];
    localStorage.setItem(REGISTRIES_KEY, JSON.stringify(next));
    setRegistries(next);
    setSource(address);
    setDraftRegistry('');
  };

  return (
    <ClosablePanel id="search" title={t('images.search.title')} onClose={onClose}>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted({ source, term: term.trim() });
        }}
      >
        <label className="flex flex-col gap-1 text-sm">
          {t('images.search.where')}
          <select className={input} value={source} onChange={(e) => setSource(e.target.value)}>
            <option value={HUB}>{t('images.search.hub')}</option>
            {registries.map((registry) => (
              <option key={registry} value={registry}>
                {registry}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-60 flex-1 flex-col gap-1 text-sm">
          {t('images.search.term')}
          <input className={input} value={term} onChange={(e) => setTerm(e.target.value)} placeholder={t('images.example.search')} spellCheck={false} />
        </label>
        <button type="submit" className={primaryButton}>
          {t('images.search.go')}
        </button>
      </form>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm">
          {t('images.search.addRegistry')}
          <input className={input} value={draftRegistry} onChange={(e) => setDraftRegistry(e.target.value)} placeholder="127.0.0.1:5000" spellCheck={false} />
        </label>
        <button type="button" className={button} onClick={addRegistry}>
          {t('images.search.add')}
        </button>
      </div>
      <p className={muted}>{source === HUB ? t('images.search.hubHelp') : t('images.search.catalogHelp')}</p>

      {submitted?.source === HUB && hub.isPending && hub.fetchStatus !== 'idle' && <p aria-busy="true">{t('images.search.searching')}</p>}
      {submitted?.source === HUB && hub.isError && <ImageError error={hub.error} />}
      {submitted?.source === HUB && hub.data?.state === 'no-network' && (
        <p role="status" data-testid="search-state" data-state="no-network" className="rounded-md bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-50">
          {t('images.search.noNetwork')}
        </p>
      )}
      {submitted?.source === HUB && hub.data?.state === 'ok' && (
        <Results
          empty={hub.data.results.length === 0}
          items={hub.data.results.map((r) => ({ name: r.name, detail: `${r.official ? `${t('images.search.official')} · ` : ''}★ ${r.stars} · ${r.description}`, pull: r.name }))}
          onPull={onPull}
        />
      )}

      {submitted && submitted.source !== HUB && catalog.isPending && <p aria-busy="true">{t('images.search.searching')}</p>}
      {submitted && submitted.source !== HUB && catalog.isError && <ImageError error={catalog.error} />}
      {submitted && submitted.source !== HUB && catalog.data && catalog.data.state !== 'ok' && (
        <div role="status" data-testid="search-state" data-state={catalog.data.state} className="rounded-md bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-50">
          <p>{t(`images.search.catalog.${catalog.data.state}`, { registry: submitted.source })}</p>
          <details>
            <summary className="cursor-pointer">{t('errors.details')}</summary>
            <pre className="whitespace-pre-wrap break-all font-mono text-xs">{catalog.data.detail}</pre>
          </details>
        </div>
      )}
      {submitted && submitted.source !== HUB && catalog.data?.state === 'ok' && (
        <Results
          empty={catalog.data.repositories.length === 0}
          items={catalog.data.repositories.flatMap((repo) =>
            (repo.tags.length ? repo.tags : ['latest']).map((tag) => ({ name: `${repo.name}:${tag}`, detail: '', pull: `${submitted.source}/${repo.name}:${tag}` })),
          )}
          onPull={onPull}
        />
      )}
    </ClosablePanel>
  );
}

function Results({ items, empty, onPull }: { items: { name: string; detail: string; pull: string }[]; empty: boolean; onPull: (reference: string) => void }) {
  const { t } = useTranslation();
  if (empty) {
    return (
      <p role="status" data-testid="search-state" data-state="empty" className={muted}>
        {t('images.search.none')}
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-700 dark:border-slate-700" data-testid="search-results">
      {items.map((item) => (
        <li key={item.pull} className="flex items-center justify-between gap-3 p-2 text-sm" data-testid="search-result" data-reference={item.pull}>
          <div className="min-w-0">
            <p className="break-all font-medium">{item.name}</p>
            {item.detail && <p className="truncate text-xs text-slate-700 dark:text-slate-300">{item.detail}</p>}
          </div>
          <button type="button" className={button} onClick={() => onPull(item.pull)} aria-label={t('images.search.pullLabel', { name: item.pull })}>
            {t('images.search.pull')}
          </button>
        </li>
      ))}
    </ul>
  );
}
