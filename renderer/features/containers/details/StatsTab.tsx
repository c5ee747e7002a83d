import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsSample } from '../../../../electron/api/schemas';
import { client } from '../../../api/client';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatBytes } from '../format';
import { formatPercent } from '../../../i18n/format';
import { useFollowStream } from '../../../api/use-follow-stream';
import { Sparkline } from './Sparkline';

/** Two minutes at the engine's one sample a second. */
const KEEP = 120;

function rate(samples: StatsSample[], pick: (s: StatsSample) => number): number[] {
  return samples.slice(1).map((sample, index) => {
    const previous = samples[index];
    const seconds = Math.max((sample.time - previous.time) / 1000, 0.001);
    return Math.max(0, (pick(sample) - pick(previous)) / seconds);
  });
}

export function StatsTab({ id, running }: { id: string; running: boolean }) {
  const { t, i18n } = useTranslation();
  const bytes = (value: number) => formatBytes(value, i18n.language);
  const [samples, setSamples] = useState<StatsSample[]>([]);
  const stream = useFollowStream(
    (signal) => client.containers.stats({ id }, { signal }),
    (sample) => setSamples((previous) => [...previous.slice(-(KEEP - 1)), sample]),
    `${id}:${running}`,
  );
  if (!running) return <p>{t('containers.stats.notRunning')}</p>;
  const last = samples.at(-1);
  const rx = rate(samples, (s) => s.networkRx);
  const tx = rate(samples, (s) => s.networkTx);
  const reads = rate(samples, (s) => s.blockRead);
  const writes = rate(samples, (s) => s.blockWrite);

  const cards = [
    // CPU on a 0–100 % scale (of one CPU), so an idle container does not look busy.
    { key: 'cpu', value: last ? formatPercent(last.cpuPercent, i18n.language) : '…', values: samples.map((s) => s.cpuPercent), max: 100 },
    {
      key: 'memory',
      value: last ? t('containers.stats.memoryOf', { used: bytes(last.memoryUsage), limit: bytes(last.memoryLimit) }) : '…',
      values: samples.map((s) => s.memoryUsage),
      max: last?.memoryLimit,
    },
    { key: 'network', value: t('containers.stats.inOut', { in: `${bytes(rx.at(-1) ?? 0)}/s`, out: `${bytes(tx.at(-1) ?? 0)}/s` }), values: rx },
    { key: 'disk', value: t('containers.stats.readWrite', { read: `${bytes(reads.at(-1) ?? 0)}/s`, write: `${bytes(writes.at(-1) ?? 0)}/s` }), values: writes },
  ];

  return (
    <div className="space-y-3">
      {Boolean(stream.error) && <ErrorNotice error={stream.error} />}
      <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="stats-samples" data-count={samples.length}>
        {t('containers.stats.window', { count: samples.length })}
        {last ? ` · ${t('containers.stats.pids', { count: last.pids })}` : ''}
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        {cards.map((card) => (
          <figure key={card.key} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
            <figcaption className="mb-2 flex justify-between text-sm">
              <span className="font-medium">{t(`containers.stats.${card.key}`)}</span>
              <span data-testid={`stat-${card.key}`}>{card.value}</span>
            </figcaption>
            <Sparkline values={card.values} max={card.max} label={t(`containers.stats.${card.key}`)} />
          </figure>
        ))}
      </div>
    </div>
  );
}
