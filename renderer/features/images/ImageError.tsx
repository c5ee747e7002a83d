import { useTranslation } from 'react-i18next';

/**
 * An images error as a sentence (errors.CODE, with the exact problem of an
 * invalid name), the engine's own text one click away.
 */
export function ImageError({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  const { t, i18n } = useTranslation();
  const { code, data } = (error ?? {}) as { code?: string; data?: { problem?: string; containers?: string[] } };
  const sentence = code && i18n.exists(`errors.${code}`) ? t(`errors.${code}`) : t('errors.unknown');
  const problem = data?.problem && i18n.exists(`images.problem.${data.problem}`) ? t(`images.problem.${data.problem}`) : undefined;
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
          {problem && <> {problem}</>}
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
