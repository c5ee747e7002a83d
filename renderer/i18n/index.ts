import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogs } from './catalogs';

export const LANGUAGES = ['en', 'pt-BR'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'cais.language';

/** pt-* gets Brazilian Portuguese, anything else English. */
export function languageFromLocale(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
}

/** The remembered choice, else the OS locale at first start. */
export function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Language;
  return languageFromLocale(navigator.language);
}

/** True once this browser (or the Electron profile) has a language of its own. */
export function hasLocalLanguage(): boolean {
  return localStorage.getItem(STORAGE_KEY) !== null;
}

/** Back to the operating system's language. */
export function forgetLanguage(): void {
  localStorage.removeItem(STORAGE_KEY);
  void i18n.changeLanguage(languageFromLocale(navigator.language));
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { en: { translation: catalogs.en }, 'pt-BR': { translation: catalogs['pt-BR'] } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
