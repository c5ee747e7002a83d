import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsPatch } from '../../../electron/api/settings-schemas';
import { useSettings, useUpdateSettings } from '../../api/settings';
import { ErrorNotice } from '../../components/ErrorNotice';
import { forgetLanguage, hasLocalLanguage, LANGUAGES, rememberLanguage, type Language } from '../../i18n';
import { button, input, muted, panel } from '../images/ui';
import { EnginesSection } from './EnginesSection';

const THEMES: Settings['theme'][] = ['system', 'light', 'dark'];

/** Settings: engines first (what users come for), then the app's preferences. */
export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-4xl space-y-6 p-6">
      <h1 className="text-2xl font-semibold">{t('settings.title')}</h1>
      <EnginesSection />
      <GeneralSection />
    </div>
  );
}

function GeneralSection() {
  const { t, i18n } = useTranslation();
  const saved = useSettings();
  const update = useUpdateSettings();
  // The user's choices show at once, inside the click (a controlled checkbox must not wait for the answer).
  const [local, setLocal] = useState<SettingsPatch>({});
  if (!saved) return <p aria-busy="true">{t('settings.loading')}</p>;
  const settings = { ...saved, ...local, confirmations: { ...saved.confirmations, ...local.confirmations } } as Settings;
  const change = (patch: SettingsPatch) => {
    setLocal((old) => ({ ...old, ...patch, confirmations: { ...old.confirmations, ...patch.confirmations } }));
    update.mutate(patch, { onError: () => setLocal({}) });
  };
  const language = settings.language === null && !hasLocalLanguage() ? 'system' : i18n.language;

  const chooseLanguage = (value: string) => {
    if (value === 'system') {
      forgetLanguage();
      change({ language: null });
    } else {
      rememberLanguage(value as Language);
      change({ language: value as Language });
    }
  };

  return (
    <section aria-labelledby="settings-general" className={panel}>
      <h2 id="settings-general" className="text-lg font-semibold">
        {t('settings.general')}
      </h2>
      <label className="flex max-w-sm flex-col gap-1">
        <span className="font-medium">{t('settings.language')}</span>
        <select className={input} value={language} onChange={(event) => chooseLanguage(event.target.value)}>
          <option value="system">{t('settings.languageSystem')}</option>
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {t(`language.${code}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend className="font-medium">{t('settings.theme')}</legend>
        <div className="mt-1 flex gap-4">
          {THEMES.map((theme) => (
            <label key={theme} className="flex items-center gap-2">
              <input type="radio" name="theme" value={theme} checked={settings.theme === theme} onChange={() => change({ theme })} />
              {t(`settings.themes.${theme}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <LogLinesField value={settings.logLines} onSave={(logLines) => change({ logLines })} />
      <fieldset>
        <legend className="font-medium">{t('settings.confirmations')}</legend>
        <p className={muted}>{t('settings.confirmationsHelp')}</p>
        {(['stop', 'kill'] as const).map((action) => (
          <label key={action} className="mt-1 flex items-center gap-2">
            <input
              type="checkbox"
              checked={settings.confirmations[action]}
              onChange={(event) => change({ confirmations: { [action]: event.target.checked } })}
            />
            {t(`settings.confirm.${action}`)}
          </label>
        ))}
      </fieldset>
      {update.isError && <ErrorNotice error={update.error} onDismiss={() => update.reset()} />}
    </section>
  );
}

function LogLinesField({ value, onSave }: { value: number; onSave: (value: number) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(String(value));
  const number = Number(draft);
  const valid = Number.isInteger(number) && number >= 100 && number <= 100_000;
  return (
    <form
      className="flex flex-col gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) onSave(number);
      }}
    >
      <label htmlFor="settings-log-lines" className="font-medium">
        {t('settings.logLines')}
      </label>
      <div className="flex items-center gap-2">
        <input
          id="settings-log-lines"
          className={`${input} w-32`}
          inputMode="numeric"
          value={draft}
          aria-invalid={!valid}
          aria-describedby="settings-log-lines-help"
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className={button} disabled={!valid || number === value}>
          {t('settings.save')}
        </button>
      </div>
      <p id="settings-log-lines-help" className={valid ? muted : 'text-sm text-red-700 dark:text-red-300'}>
        {valid ? t('settings.logLinesHelp') : t('settings.logLinesInvalid')}
      </p>
    </form>
  );
}
