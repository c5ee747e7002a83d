import { useTranslation } from 'react-i18next';
import { useUpdateSettings } from '../api/settings';
import { LANGUAGES, rememberLanguage, type Language } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const update = useUpdateSettings();
  return (
    <label className="flex flex-col gap-1">
      <span className="text-slate-700 dark:text-slate-300">{t('language.label')}</span>
      <select
        value={i18n.language}
        onChange={(event) => {
          rememberLanguage(event.target.value as Language);
          update.mutate({ language: event.target.value as Language });
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-800"
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
