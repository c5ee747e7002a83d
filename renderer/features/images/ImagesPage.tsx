import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orpc } from '../../api/client';
import { useHashPath } from '../../api/use-hash-route';
import { BuildPanel } from './BuildPanel';
import { formatBytes, imageRows, matchesFilter } from './format';
import { ImageDetail } from './ImageDetail';
import { ImageError } from './ImageError';
import { ImageList } from './ImageList';
import { LoadPanel } from './LoadPanel';
import { PrunePanel } from './PrunePanel';
import { PullPanel } from './PullPanel';
import { RegistriesPanel } from './RegistriesPanel';
import { SearchPanel } from './SearchPanel';
import { button, input, muted, primaryButton } from './ui';
import { HeadingWithTerm } from '../glossary/Term';

type Panel = 'pull' | 'search' | 'build' | 'load' | 'prune' | 'registries';

export function ImagesPage() {
  const { t, i18n } = useTranslation();
  // The list is one cheap engine call; who uses each image comes beside it and fills the column in.
  const query = useQuery(orpc.images.list.queryOptions());
  const usage = useQuery(orpc.images.usage.queryOptions());
  const [panel, setPanel] = useState<Panel | undefined>();
  const [pullRequest, setPullRequest] = useState<{ reference: string; start: boolean } | undefined>();
  const [filter, setFilter] = useState('');
  const [showDangling, setShowDangling] = useState(false);
  const [selectedKey, setSelectedKey] = useState<string | undefined>();
  // #images/KEY (from the command palette) opens that image; a new link wins over a click.
  const [, linkedKey] = useHashPath();
  const [seenLink, setSeenLink] = useState<string | undefined>();
  if (linkedKey !== seenLink) {
    setSeenLink(linkedKey);
    if (linkedKey) setSelectedKey(linkedKey);
  }
  const [highlight, setHighlight] = useState<string | undefined>();

  const allRows = useMemo(() => imageRows(query.data ?? [], usage.data), [query.data, usage.data]);
  const rows = useMemo(() => allRows.filter((row) => (showDangling || !row.dangling) && matchesFilter(row, filter)), [allRows, showDangling, filter]);
  const selected = allRows.find((row) => row.key === selectedKey);
  const totalSize = (query.data ?? []).reduce((sum, image) => sum + image.size, 0);
  const danglingCount = allRows.filter((row) => row.dangling).length;

  const open = (next: Panel) => {
    setPanel((current) => (current === next ? undefined : next));
    if (next === 'pull') setPullRequest(undefined);
  };
  const toolbar: { id: Panel; label: string }[] = [
    { id: 'pull', label: t('images.action.pull') },
    { id: 'search', label: t('images.action.search') },
    { id: 'build', label: t('images.action.build') },
    { id: 'load', label: t('images.action.load') },
    { id: 'prune', label: t('images.action.prune') },
    { id: 'registries', label: t('images.action.registries') },
  ];

  return (
    <section aria-labelledby="images-title" className="space-y-4 p-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <HeadingWithTerm id="images-title" level={1} word="image">
            {t('images.title')}
          </HeadingWithTerm>
          {query.isSuccess && <p className={muted}>{t('images.count', { count: query.data.length, size: formatBytes(totalSize, i18n.language) })}</p>}
        </div>
        <div className="flex flex-wrap gap-2" role="toolbar" aria-label={t('images.actions')}>
          {toolbar.map((item) => (
            <button key={item.id} type="button" aria-expanded={panel === item.id} className={item.id === 'pull' ? primaryButton : button} onClick={() => open(item.id)}>
              {item.label}
            </button>
          ))}
        </div>
      </header>

      {panel === 'pull' && <PullPanel key={pullRequest?.reference ?? 'new'} initial={pullRequest} onClose={() => setPanel(undefined)} />}
      {panel === 'search' && (
        <SearchPanel
          onClose={() => setPanel(undefined)}
          onPull={(reference) => {
            setPullRequest({ reference, start: true });
            setPanel('pull');
            setHighlight(reference);
          }}
        />
      )}
      {panel === 'build' && <BuildPanel onClose={() => setPanel(undefined)} onBuilt={setHighlight} />}
      {panel === 'load' && <LoadPanel onClose={() => setPanel(undefined)} onLoaded={setHighlight} />}
      {panel === 'prune' && <PrunePanel onClose={() => setPanel(undefined)} />}
      {panel === 'registries' && <RegistriesPanel onClose={() => setPanel(undefined)} />}

      {selected && <ImageDetail key={selected.key} row={selected} onClose={() => setSelectedKey(undefined)} />}

      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2 text-sm">
          <span>{t('images.filter')}</span>
          <input type="search" className={input} value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('images.filterPlaceholder')} />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="size-4" checked={showDangling} onChange={(e) => setShowDangling(e.target.checked)} />
          {t('images.showDangling', { count: danglingCount })}
        </label>
      </div>
      {query.isError && <ImageError error={query.error} />}
      {usage.isError && !query.isError && <ImageError error={usage.error} />}
      {query.isPending && <p aria-busy="true">{t('images.loading')}</p>}
      {query.isSuccess && rows.length === 0 && <p className={muted}>{allRows.length === 0 ? t('images.empty') : t('images.noMatch')}</p>}
      {rows.length > 0 && <ImageList rows={rows} selected={selectedKey} highlight={highlight} onSelect={(row) => setSelectedKey(row.key === selectedKey ? undefined : row.key)} />}
    </section>
  );
}
