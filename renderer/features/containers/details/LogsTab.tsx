import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../../api/client';
import { useSettings } from '../../../api/settings';
import { BUTTON } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useFollowStream } from '../../../api/use-follow-stream';
import { clampMatch } from './log-search';
import { LogText, plainText } from './log-text';

/** The window keeps at most this many lines (Settings → log lines), however long the container talks. */
export const MAX_LOG_LINES = 10_000;
const FIELD = 'rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-800';

interface Line {
  stream: 'stdout' | 'stderr';
  text: string;
}

export function LogsTab({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const [follow, setFollow] = useState(true);
  const [tail, setTail] = useState<number | 'all'>(1000);
  const [timestamps, setTimestamps] = useState(false);
  const [wrap, setWrap] = useState(true);
  const [query, setQuery] = useState('');
  const [chosen, setCurrent] = useState(0);
  const [lines, setLines] = useState<Line[]>([]);
  const pending = useRef<Line[]>([]);
  const frame = useRef<number | undefined>(undefined);
  const scroller = useRef<HTMLDivElement>(null);
  const maxLines = useSettings()?.logLines ?? MAX_LOG_LINES;

  // Batches arrive fast on a chatty container: paint at most once a frame.
  const flush = () => {
    frame.current = undefined;
    const batch = pending.current;
    pending.current = [];
    setLines((previous) => {
      const next = previous.concat(batch);
      return next.length > maxLines ? next.slice(next.length - maxLines) : next;
    });
  };
  // Lines beyond maxLines would be dropped on arrival: the engine need not send them (the whole log may be millions).
  const requested = tail === 'all' ? maxLines : Math.min(tail, maxLines);
  const stream = useFollowStream(
    (signal) => {
      pending.current = [];
      setLines([]);
      return client.containers.logs({ id, tail: requested, timestamps, follow }, { signal });
    },
    (batch) => {
      // Not push(...batch): a log that is not followed arrives as one batch, too long to spread as arguments.
      for (const line of batch) pending.current.push(line);
      // No frames in a hidden window: keep what would be shown, not everything that arrived.
      if (pending.current.length > maxLines) pending.current.splice(0, pending.current.length - maxLines);
      frame.current ??= requestAnimationFrame(flush);
    },
    `${id}:${requested}:${timestamps}:${follow}`,
  );
  useEffect(() => () => cancelAnimationFrame(frame.current ?? 0), []);

  const needle = query.trim().toLowerCase();
  const matches = useMemo(
    () => (needle ? lines.flatMap((line, index) => (plainText(line.text).toLowerCase().includes(needle) ? [index] : [])) : []),
    [lines, needle],
  );
  // Old lines trimmed away can take the chosen hit with them.
  const current = clampMatch(chosen, matches.length);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is fine without the compiler.
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 20,
    overscan: 20,
  });

  // Following: stay at the bottom as lines arrive, unless the user is searching.
  useEffect(() => {
    if (follow && !needle && lines.length) virtualizer.scrollToIndex(lines.length - 1, { align: 'end' });
  }, [lines.length, follow, needle, virtualizer]);

  const goTo = (step: number) => {
    if (!matches.length) return;
    const next = (current + step + matches.length) % matches.length;
    setCurrent(next);
    virtualizer.scrollToIndex(matches[next], { align: 'center' });
  };
  const allText = () => lines.map((line) => plainText(line.text)).join('\n');
  const download = () => {
    const url = URL.createObjectURL(new Blob([allText()], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${name}.log`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div className="flex h-full flex-col gap-2 text-sm">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex items-center gap-2">
          <input type="checkbox" className="size-4" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
          {t('containers.logs.follow')}
        </label>
        <label className="flex flex-col gap-1">
          <span>{t('containers.logs.tail')}</span>
          <select className={FIELD} value={String(tail)} onChange={(e) => setTail(e.target.value === 'all' ? 'all' : Number(e.target.value))}>
            {[100, 1000, 10000].map((n) => (
              <option key={n} value={n}>
                {t('containers.logs.lastLines', { count: n })}
              </option>
            ))}
            <option value="all">{t('containers.logs.allLines')}</option>
          </select>
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" className="size-4" checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} />
          {t('containers.logs.timestamps')}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" className="size-4" checked={wrap} onChange={(e) => setWrap(e.target.checked)} />
          {t('containers.logs.wrap')}
        </label>
        <label className="flex flex-col gap-1">
          <span>{t('containers.logs.search')}</span>
          <input
            type="search"
            className={FIELD}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setCurrent(0);
            }}
            onKeyDown={(e) => e.key === 'Enter' && goTo(e.shiftKey ? -1 : 1)}
          />
        </label>
        <span role="status" className="pb-1">
          {needle ? t('containers.logs.matches', { current: matches.length ? current + 1 : 0, count: matches.length }) : ''}
        </span>
        <button type="button" className={BUTTON} disabled={!matches.length} onClick={() => goTo(-1)}>
          {t('containers.logs.previous')}
        </button>
        <button type="button" className={BUTTON} disabled={!matches.length} onClick={() => goTo(1)}>
          {t('containers.logs.next')}
        </button>
        <button type="button" className={BUTTON} onClick={() => void navigator.clipboard.writeText(allText())}>
          {t('containers.logs.copy')}
        </button>
        <button type="button" className={BUTTON} onClick={download}>
          {t('containers.logs.download')}
        </button>
      </div>
      {Boolean(stream.error) && <ErrorNotice error={stream.error} />}
      <div
        ref={scroller}
        data-testid="log-view"
        data-lines={lines.length}
        role="log"
        aria-label={t('containers.logs.label', { name })}
        // Focusable, so a keyboard user can scroll it (arrows, Page Up/Down) when it holds more than it shows.
        tabIndex={0}
        className="min-h-64 flex-1 overflow-auto rounded-md bg-slate-950 p-2 font-mono text-xs text-slate-100"
      >
        {lines.length === 0 && <p className="text-slate-300">{stream.done ? t('containers.logs.empty') : t('containers.logs.waiting')}</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const line = lines[item.index];
            const isCurrent = matches[current] === item.index;
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                data-stream={line.stream}
                className={`${wrap ? 'whitespace-pre-wrap break-all' : 'whitespace-pre'} ${line.stream === 'stderr' ? 'text-red-300' : ''} ${isCurrent ? 'outline outline-1 outline-amber-300' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, minWidth: '100%', transform: `translateY(${item.start}px)` }}
              >
                <LogText text={line.text} needle={needle} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
