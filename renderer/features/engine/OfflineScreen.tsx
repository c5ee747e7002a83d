import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../../../electron/api/schemas';
import { client } from '../../api/client';
import { runningWork, subscribeRunningWork } from '../../api/running-work';
import { formatTime } from '../../i18n/format';
import { offlineReasonKey } from './offline-reason';

type Offline = Extract<ConnectionState, { status: 'offline' }>;

/** How long Retry shows "Trying…" at most before it reports that no answer came. */
const RETRY_FEEDBACK_MS = 15_000;

export function ConnectingScreen() {
  const { t } = useTranslation();
  return (
    <div className="p-8 text-slate-700 dark:text-slate-300" aria-busy="true">
      {t('offline.connecting')}
    </div>
  );
}

/** Says what happened, what to do on this OS, and keeps retrying by itself. */
export function OfflineScreen({ state }: { state: Offline }) {
  const { t, i18n } = useTranslation();
  // Retry's own feedback: "Trying…", then when it tried and what it found; never a spinner forever.
  const [retrying, setRetrying] = useState(false);
  const [lastTry, setLastTry] = useState<{ at: number; timedOut: boolean }>();
  // An ssh address with its scheme: the sentences say "ssh ENDPOINT", and ssh takes ssh://user@host:port, not host:port.
  const address = state.endpoint?.kind === 'ssh' && !state.endpoint.address.startsWith('ssh://') ? `ssh://${state.endpoint.address}` : state.endpoint?.address;
  const endpoint = address ?? t('offline.unknownEndpoint');
  // What the engine was doing for this window when it went away.
  const cutOff = useSyncExternalStore(subscribeRunningWork, runningWork);

  const retry = async () => {
    setRetrying(true);
    let timedOut = false;
    try {
      await Promise.race([
        client.engine.retry(),
        new Promise<void>((resolve) =>
          setTimeout(() => {
            timedOut = true;
            resolve();
          }, RETRY_FEEDBACK_MS),
        ),
      ]);
    } catch {
      // The answer is the connection state itself; this screen stays while it is offline.
    } finally {
      setRetrying(false);
      setLastTry({ at: Date.now(), timedOut });
    }
  };

  return (
    <section aria-labelledby="offline-title" className="mx-auto max-w-2xl space-y-5 p-8" data-testid="offline-screen">
      <h1 id="offline-title" className="text-2xl font-semibold">
        {t('offline.title')}
      </h1>
      <p data-testid="offline-trouble" data-trouble={state.trouble} className="text-lg">
        <span className="sr-only">{t('offline.troubleLabel')}: </span>
        {t(`offline.trouble.${state.trouble}`, { endpoint })}
      </p>
      <p>{t(offlineReasonKey(state.reason, state.endpoint?.kind), { endpoint })}</p>
      {cutOff.length > 0 && (
        <div role="alert" data-testid="offline-cut-off" className="rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-800 dark:bg-amber-950">
          <p className="font-medium">{t('offline.cutOff', { count: cutOff.length })}</p>
          <ul className="mt-1 list-disc pl-5">
            {cutOff.map((work) => (
              <li key={work}>{work}</li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <h2 className="font-semibold">{t('offline.whatToDo')}</h2>
        <p className="mt-1 rounded-md bg-slate-100 p-3 font-mono text-sm dark:bg-slate-800" data-testid="offline-advice">
          {t(`offline.advice.${state.platform}.${state.trouble}`)}
        </p>
      </div>
      <p className="text-slate-700 dark:text-slate-300">{t('offline.autoRetry')}</p>
      <button
        type="button"
        onClick={() => void retry()}
        disabled={retrying}
        className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 disabled:opacity-60"
      >
        {t('offline.retry')}
      </button>
      <p role="status" data-testid="offline-retry-result" className="text-sm text-slate-700 dark:text-slate-300">
        {retrying
          ? t('offline.trying')
          : lastTry && t(lastTry.timedOut ? 'offline.triedNoAnswer' : 'offline.triedStillOffline', { time: formatTime(lastTry.at, i18n.language) })}
      </p>
      <p>
        <a href="#settings" className="text-sky-800 underline hover:text-sky-950 dark:text-sky-300 dark:hover:text-sky-100">
          {t('offline.chooseEngine')}
        </a>
      </p>
      <details className="text-sm">
        <summary className="cursor-pointer">{t('offline.engineSaid')}</summary>
        <pre className="mt-1 whitespace-pre-wrap break-all font-mono text-xs">{state.detail}</pre>
      </details>
    </section>
  );
}
