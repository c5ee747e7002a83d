import { useTranslation } from 'react-i18next';

const KNOWN_CODES = ['ENGINE_OFFLINE', 'NOT_FOUND', 'CONFLICT', 'NOT_MODIFIED', 'BAD_REQUEST', 'ENGINE_ERROR',
  // volumes
  'VOLUME_IN_USE', 'VOLUME_EXISTS', 'VOLUME_NOT_EMPTY', 'NOT_A_BACKUP', 'DESTINATION_UNWRITABLE', 'DESTINATION_EXISTS', 'DISK_FULL', 'BINARY_FILE', 'NOT_A_FILE'];

/** An engine error as a sentence in the user's language, the engine's text one click away. */
export function ErrorNotice({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  const { t } = useTranslation();
  const code = (error as { code?: string } | null)?.code;
  const sentence = code && KNOWN_CODES.includes(code) ? t(`errors.${code}`) : t('errors.unknown');
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <div className="flex items-start justify-between gap-4">
        <p>{sentence}</p>
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
