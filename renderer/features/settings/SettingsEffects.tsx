import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAcknowledgeRecovery, useSettingsResult } from '../../api/settings';
import { applyTheme } from '../../api/theme';
import { hasLocalLanguage, rememberLanguage } from '../../i18n';

/**
 * Applies the saved theme and language, and tells the user once when a
 * damaged settings file was replaced by defaults.
 */
export function SettingsEffects() {
  const { t } = useTranslation();
  const result = useSettingsResult();
  const acknowledge = useAcknowledgeRecovery();
  const theme = result?.settings.theme;
  const language = result?.settings.language;

  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);
  // A browser that has its own choice keeps it; a fresh one takes the saved language.
  useEffect(() => {
    if (language && !hasLocalLanguage()) rememberLanguage(language);
  }, [language]);

  if (!result?.recoveredFrom) return null;
  return (
    <div role="alert" className="flex items-start gap-3 border-b border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
      <p className="flex-1">
        {t('settings.recovered', { file: result.recoveredFrom })}
      </p>
      <button
        type="button"
        onClick={() => acknowledge.mutate()}
        className="rounded-md border border-amber-400 px-3 py-1 font-medium hover:bg-amber-100 dark:border-amber-600 dark:hover:bg-amber-900"
      >
        {t('settings.recoveredOk')}
      </button>
    </div>
  );
}
