import { useTranslation } from 'react-i18next';
import { explainExit, exitCodeOfStatus, KEEP_RUNNING_COMMAND } from './exit-reason';

/**
 * The list row's word on why a container stopped: a short phrase, the full
 * sentence as its tooltip. The list knows only the exit code; the details
 * page adds what inspect knows (out of memory, a bare shell).
 */
export function StoppedReason({ status }: { status: string }) {
  const { t } = useTranslation();
  const code = exitCodeOfStatus(status);
  if (code === undefined) return null;
  const { reason } = explainExit({ exitCode: code });
  const sentence = t(`containers.exit.${reason}`, { code, command: '', keep: KEEP_RUNNING_COMMAND });
  return (
    <span data-testid="row-exit-reason" className="block text-xs" title={sentence}>
      {t(`containers.exit.short.${reason}`)}
      <span className="sr-only"> — {sentence}</span>
    </span>
  );
}
