import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The `docker` command that does what the action beside it does, for people
 * learning the CLI: the command in <code>, and a button that copies it. The
 * strings come from electron/api/docker-commands.ts, the module the activity
 * log uses too, so the hint and the log always agree.
 *
 * `compact`: inside a menu item, where a second button cannot go; the command
 * alone, in the same type.
 */
export function CommandHint({ command, compact = false }: { command: string; compact?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'no'>();
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(undefined), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const code = (
    <code
      id={`${id}-code`}
      data-testid="command-hint"
      className="whitespace-pre-wrap break-all rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-900 dark:bg-slate-800 dark:text-slate-100"
    >
      {command}
    </code>
  );
  if (compact) return <span className="mt-0.5 block">{code}</span>;
  return (
    <div role="group" aria-labelledby={`${id}-label`} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-700 dark:text-slate-300" data-command={command}>
      <span id={`${id}-label`}>{t('learn.command.label')}</span>
      {code}
      <button
        type="button"
        aria-label={t('learn.command.copy')}
        aria-describedby={`${id}-code`}
        onClick={() => {
          navigator.clipboard.writeText(command).then(
            () => setCopied('yes'),
            () => setCopied('no'),
          );
        }}
        className="rounded border border-slate-300 px-1.5 py-0.5 font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800"
      >
        {t('learn.command.copyShort')}
      </button>
      <span role="status" aria-live="polite" className={copied === 'no' ? 'text-red-800 dark:text-red-300' : ''}>
        {copied === 'yes' ? t('learn.command.copied') : copied === 'no' ? t('learn.command.copyFailed') : ''}
      </span>
    </div>
  );
}
