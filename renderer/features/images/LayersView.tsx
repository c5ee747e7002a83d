import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { orpc } from '../../api/client';
import { relativeTime } from '../containers/format';
import { formatBytes } from './format';
import { ImageError } from './ImageError';
import { HeadingWithTerm } from '../glossary/Term';
import { Breakable, WRAP_WORDS } from '../../components/Breakable';

/** The image's history, oldest first: each instruction, its size and a bar; shared layers named. */
export function LayersView({ reference }: { reference: string }) {
  const { t, i18n } = useTranslation();
  const query = useQuery(orpc.images.layers.queryOptions({ input: { reference } }));
  if (query.isPending) return <p aria-busy="true">{t('images.layers.loading')}</p>;
  if (query.isError) return <ImageError error={query.error} />;
  const { entries, layerCount, size, os, architecture } = query.data;
  const largest = Math.max(1, ...entries.map((entry) => entry.size));
  return (
    <section aria-labelledby="layers-title" className="space-y-3">
      <HeadingWithTerm id="layers-title" level={3} word="layer">
        {t('images.layers.title')}
      </HeadingWithTerm>
      <p className="text-sm" data-testid="layers-summary">
        {t('images.layers.summary', {
          count: layerCount,
          instructions: t('images.layers.instructions', { count: entries.length }),
          size: formatBytes(size, i18n.language),
          platform: `${os}/${architecture}`,
        })}
      </p>
      <details className="rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-900">
        <summary className="cursor-pointer font-medium">{t('images.layers.whatTitle')}</summary>
        <p className="mt-2">{t('images.layers.what')}</p>
        <p className="mt-2">{t('images.layers.cow')}</p>
      </details>
      <ol className="space-y-2" data-testid="layers">
        {entries.map((entry, index) => (
          <li
            key={index}
            data-testid="layer-entry"
            data-layer={entry.layer ? entry.layer.index : 'none'}
            className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700"
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <code className={`min-w-0 flex-1 ${WRAP_WORDS} font-mono text-xs`} data-testid="layer-instruction">
                {entry.instruction ? <Breakable text={entry.instruction} /> : <span className="font-sans italic">{t('images.layers.noInstruction')}</span>}
              </code>
              <span className="whitespace-nowrap text-xs">
                {entry.layer ? formatBytes(entry.size, i18n.language) : t('images.layers.noLayer')}
                {' · '}
                {entry.created > 0 ? relativeTime(entry.created, i18n.language) : '—'}
              </span>
            </div>
            {entry.layer && (
              <div className="mt-1 h-2 rounded-full bg-slate-200 dark:bg-slate-700" aria-hidden="true">
                <div className="h-full rounded-full bg-violet-600 dark:bg-violet-400" style={{ width: `${Math.max(1, (entry.size / largest) * 100)}%` }} />
              </div>
            )}
            {entry.layer && entry.layer.sharedWith.length > 0 && (
              <p className="mt-1 text-xs text-emerald-800 dark:text-emerald-300" data-testid="shared-with">
                {t('images.layers.shared', { count: entry.layer.sharedWith.length, names: entry.layer.sharedWith.slice(0, 5).join(', ') })}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
