import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// index.ts reads localStorage and navigator, and writes <html lang>, as soon as
// it is imported; give it just enough of a browser to do that under node.
const storage = new Map<string, string>();
const html = { lang: '' };

beforeAll(() => {
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => void storage.set(key, value),
  });
  vi.stubGlobal('navigator', { language: 'pt-PT' });
  vi.stubGlobal('document', { documentElement: html });
});

afterAll(() => {
  vi.unstubAllGlobals();
});

const load = () => import('./index');

describe('languageFromLocale', () => {
  it.each([
    ['pt-BR', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['PT-br', 'pt-BR'],
    ['en-US', 'en'],
    ['es-ES', 'en'],
    ['de', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ] as const)('%s → %s', async (locale, language) => {
    const { languageFromLocale } = await load();
    expect(languageFromLocale(locale)).toBe(language);
  });
});

describe('language choice', () => {
  it('starts from the OS locale when nothing was remembered', async () => {
    const { default: i18n } = await load();
    expect(i18n.language).toBe('pt-BR');
    expect(html.lang).toBe('pt-BR');
  });

  it('prefers a remembered choice, and ignores a remembered nonsense value', async () => {
    const { initialLanguage } = await load();
    storage.set('cais.language', 'en');
    expect(initialLanguage()).toBe('en');
    storage.set('cais.language', 'klingon');
    expect(initialLanguage()).toBe('pt-BR');
    storage.clear();
  });

  it('remembers a choice, switches the language and updates <html lang>', async () => {
    const { default: i18n, rememberLanguage, initialLanguage } = await load();
    rememberLanguage('en');
    await vi.waitFor(() => expect(i18n.language).toBe('en'));
    expect(html.lang).toBe('en');
    expect(initialLanguage()).toBe('en');
    expect(i18n.t('containers.action.start')).toBe('Start');
    rememberLanguage('pt-BR');
    await vi.waitFor(() => expect(i18n.t('containers.action.start')).toBe('Iniciar'));
    expect(i18n.t('containers.count', { count: 2 })).toBe('2 contêineres');
    storage.clear();
  });
});
