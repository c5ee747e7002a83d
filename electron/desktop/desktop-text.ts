import en from '../../renderer/i18n/areas/desktop.en.json';
import ptBR from '../../renderer/i18n/areas/desktop.pt-BR.json';

/**
 * The main process's own strings (menu, About, startup failure), read from
 * the same i18n files as the renderer's, without i18next: main needs only
 * lookup and {{placeholder}} filling.
 */

export type DesktopLanguage = 'en' | 'pt-BR';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every dotted key of desktop.en.json, e.g. `menu.file.title`. */
export type DesktopKey = Leaves<typeof en>;
export type Translate = (key: DesktopKey, values?: Record<string, string | number>) => string;

const catalogs: Record<DesktopLanguage, unknown> = { en, 'pt-BR': ptBR };

/** pt-* gets Brazilian Portuguese, anything else English (as the renderer does). */
export function languageFromLocale(locale: string | undefined | null): DesktopLanguage {
  return locale?.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
}

/** The language chosen in Settings, else the operating system's. */
export function desktopLanguage(setting: DesktopLanguage | null | undefined, systemLocale: string): DesktopLanguage {
  return setting ?? languageFromLocale(systemLocale);
}

function lookup(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function translator(language: DesktopLanguage): Translate {
  return (key, values = {}) => {
    const text = lookup(catalogs[language], key) ?? lookup(catalogs.en, key) ?? key;
    return text.replace(/\{\{\s*([^}\s]+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
}
