import { useTranslation } from 'react-i18next';

/** The docker command that does the same thing, for people learning the CLI. */
export function CommandHint({ command }: { command: string }) {
  const { t } = useTranslation();
  return (
    <p className="text-xs text-slate-700 dark:text-slate-300">
      {t('images.sameAs')}{' '}
      <code data-testid="command-hint" className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-900 dark:bg-slate-800 dark:text-slate-100">
        {command}
      </code>
    </p>
  );
}
