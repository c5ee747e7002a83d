import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, orpc } from '../../../api/client';
import { showControls } from '../../../components/visible-text';
import { explainExit, KEEP_RUNNING_COMMAND, killedBy } from '../exit-reason';
import type { InspectInfo } from './ContainerDetails';

/** A run that ended this soon after it began "stopped at once": the quick-run surprise worth naming. */
const AT_ONCE_MS = 2000;

/** Why this stopped container stopped, in words; with help to keep a bare shell running, or its last log lines. */
export function ExitExplanationPanel({ info }: { info: InspectInfo }) {
  const { t } = useTranslation();
  const command = [...(info.Config.Entrypoint ?? []), ...(info.Config.Cmd ?? [])];
  // Who sent a SIGKILL is in the engine's recent events only; asked for a 137 alone.
  const sigkill = info.State.ExitCode === 137 && !info.State.OOMKilled;
  const ends = useQuery({ ...orpc.containers.endEvents.queryOptions({ input: { id: info.Id } }), enabled: sigkill });
  const explanation = explainExit({
    killedBy: ends.data ? killedBy(ends.data) : undefined,
    exitCode: info.State.ExitCode,
    oomKilled: info.State.OOMKilled,
    command,
    tty: info.Config.Tty,
    openStdin: info.Config.OpenStdin,
  });
  const ranFor = Date.parse(info.State.FinishedAt) - Date.parse(info.State.StartedAt);
  // No lower bound: an instant exit can be stamped a hair before its start.
  // A signal someone sent (Stop, Kill) is not the container's own doing, however soon it came.
  const signalled = explanation.reason.startsWith('killed') || explanation.reason === 'terminated';
  const atOnce = !signalled && !info.State.FinishedAt.startsWith('0001-') && Number.isFinite(ranFor) && ranFor < AT_ONCE_MS;
  const keepRunning = `#containers/~run/${encodeURIComponent(info.Config.Image)}/${encodeURIComponent(KEEP_RUNNING_COMMAND)}`;
  return (
    <div data-testid="exit-reason" className="max-w-4xl space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-slate-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-slate-100">
      <p data-testid="exit-sentence">
        {atOnce && `${t('containers.exit.quickExited')} `}
        {t(`containers.exit.${explanation.reason}`, { code: explanation.code, command: command.join(' '), keep: KEEP_RUNNING_COMMAND })}
      </p>
      {explanation.offerKeepRunning && (
        <a href={keepRunning} className="inline-block font-medium text-sky-800 underline dark:text-sky-300">
          {t('containers.exit.keepRunning')}
        </a>
      )}
      {explanation.showLogs && <LastLines id={info.Id} />}
    </div>
  );
}

const LAST_LINES = 5;

/** The program's last words: a stopped container's log ends, so one batch read without following. */
function LastLines({ id }: { id: string }) {
  const { t } = useTranslation();
  const lines = useQuery({
    queryKey: ['exit-reason', 'last-lines', id],
    queryFn: async ({ signal }) => {
      const all: string[] = [];
      const stream = await client.containers.logs({ id, tail: LAST_LINES, timestamps: false, follow: false }, { signal });
      for await (const batch of stream) all.push(...batch.map((line) => line.text));
      return all.slice(-LAST_LINES);
    },
  });
  if (!lines.data) return null;
  return (
    <figure>
      <figcaption className="text-xs font-medium">{t('containers.exit.lastLines')}</figcaption>
      {lines.data.length === 0 ? (
        <p className="text-xs">{t('containers.exit.noLines')}</p>
      ) : (
        <pre data-testid="exit-last-lines" className="mt-1 whitespace-pre-wrap break-all rounded bg-slate-900 p-2 font-mono text-xs text-slate-100">
          {lines.data.map((line) => showControls(line.replace(/\n$/, ''))).join('\n')}
        </pre>
      )}
    </figure>
  );
}
