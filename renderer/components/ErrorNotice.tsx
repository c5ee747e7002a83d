import { useTranslation } from 'react-i18next';

/**
 * An engine error as a sentence in the user's language (errors.CODE), with
 * an optional sentence more (or a caller's own first sentence), and the engine's own text one click away.
 */
export function ErrorNotice({ error, onDismiss, more, sentence: own }: { error: unknown; onDismiss?: () => void; more?: string; sentence?: string }) {
  const { t, i18n } = useTranslation();
  const code = (error as { code?: string } | null)?.code;
  // Any code with a sentence in the catalogue gets it; others a general one.
  // A caller that knows better (the same code in another situation) may word it itself.
  const sentence = own ?? (code && i18n.exists(`errors.${code}`) ? t(`errors.${code}`) : t('errors.unknown'));
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div
      role="alert"
      data-code={code}
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <div className="flex items-start justify-between gap-4">
        <p>
          {sentence}
          {more && <> {more}</>}
        </p>
        {onDismiss && (
          <button type="button" onClick={onDismiss} className="underline">
            {t('errors.dismiss')}
          </button>
        )}
      </div>
      <details className="mt-1">
        <summary className="cursor-pointer">{t('errors.details')}</summary>
        <pre className="mt-1 whitespace-pre-wrap break-all font-mono text-xs">{detail}</pre>
      </details>
    </div>
  );
}
