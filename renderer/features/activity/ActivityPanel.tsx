import { useEffect, useRef, useState } from 'react';
import { Breakable, WRAP_WORDS } from '../../components/Breakable';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../i18n/format';
import type { ActivityEntry } from '../../../electron/api/activity-contract';
import { activityScript } from './activity-script';
import { useActivity } from './use-activity';

const OUTCOME_STYLE: Record<ActivityEntry['outcome'], string> = {
  ok: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
  failed: 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100',
  running: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
};

/** The sidebar button and the drawer it opens: every change of this run, as docker commands. */
export function ActivityButton() {
  const { t } = useTranslation();
  const entries = useActivity();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="activity-drawer"
        onClick={() => setOpen((value) => !value)}
        className="w-full rounded-md border border-slate-300 px-3 py-1.5 text-left font-medium hover:bg-slate-200 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        {t('learn.activity.button', { count: entries.length })}
      </button>
      {open && <ActivityDrawer entries={entries} onClose={() => setOpen(false)} />}
    </>
  );
}

function ActivityDrawer({ entries, onClose }: { entries: ActivityEntry[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>();
  useEffect(() => heading.current?.focus(), []);
  const script = activityScript(entries, {
    header: t('learn.activity.scriptHeader'),
    ok: t('learn.activity.outcome.ok'),
    failed: t('learn.activity.outcome.failed'),
    running: t('learn.activity.outcome.running'),
  });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(script);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  const time = (value: number) => formatTime(value, i18n.language);

  return (
    <section
      id="activity-drawer"
      aria-labelledby="activity-title"
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
      className="fixed inset-y-0 right-0 z-30 flex w-[32rem] max-w-full flex-col gap-3 overflow-auto border-l border-slate-300 bg-white p-4 text-slate-900 shadow-2xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex items-center justify-between">
        <h2 id="activity-title" ref={heading} tabIndex={-1} className="text-lg font-semibold">
          {t('learn.activity.title')}
        </h2>
        <button type="button" onClick={onClose} className="rounded-md border border-slate-300 px-3 py-1 dark:border-slate-600">
          {t('learn.close')}
        </button>
      </div>
      <p className="text-sm text-slate-700 dark:text-slate-300">{t('learn.activity.help')}</p>
      {entries.length === 0 ? (
        <p className="text-sm">{t('learn.activity.empty')}</p>
      ) : (
        <ol className="space-y-2" data-testid="activity-list">
          {entries.map((entry) => (
            <li key={entry.seq} data-testid="activity-entry" data-outcome={entry.outcome} className="rounded-md border border-slate-200 p-2 dark:border-slate-700">
              <div className="flex items-center gap-2 text-xs">
                <time dateTime={new Date(entry.startedAt).toISOString()}>{time(entry.startedAt)}</time>
                <span className={`rounded px-1.5 py-0.5 font-medium ${OUTCOME_STYLE[entry.outcome]}`}>{t(`learn.activity.outcome.${entry.outcome}`)}</span>
              </div>
              <code className={`mt-1 block whitespace-pre-wrap ${WRAP_WORDS} font-mono text-sm`}>
                <Breakable text={entry.command} />
              </code>
              {entry.error && <p className="mt-1 text-xs text-red-800 dark:text-red-300">{entry.error}</p>}
            </li>
          ))}
        </ol>
      )}
      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={() => void copy()}
          disabled={entries.length === 0}
          className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {t('learn.activity.copy')}
        </button>
        {copied && (
          <span role="status" className="text-sm">
            {t(copied === 'yes' ? 'learn.activity.copied' : 'learn.activity.copyFailed')}
          </span>
        )}
      </div>
      <details>
        <summary className="cursor-pointer text-sm">{t('learn.activity.showScript')}</summary>
        <pre data-testid="activity-script" className={`mt-1 whitespace-pre-wrap ${WRAP_WORDS} rounded-md bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800`}>
          <Breakable text={script} />
        </pre>
      </details>
    </section>
  );
}
