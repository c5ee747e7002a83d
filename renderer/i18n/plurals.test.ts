import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { catalogs } from './catalogs';

type Tree = { [key: string]: string | Tree };

/** Dotted keys of every plural (the part before _one/_other). */
function pluralBases(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (typeof value !== 'string') return pluralBases(value, dotted);
    return key.endsWith('_other') ? [dotted.slice(0, -'_other'.length)] : [];
  });
}

const instance = i18next.createInstance();
await instance.init({
  resources: { en: { translation: catalogs.en }, 'pt-BR': { translation: catalogs['pt-BR'] } },
  lng: 'pt-BR',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

describe('a count of zero', () => {
  it('takes the plural in pt-BR ("0 contêineres", never "0 contêiner")', () => {
    expect(instance.t('containers.count', { count: 0, lng: 'pt-BR' })).toBe('0 contêineres');
    expect(instance.t('containers.count', { count: 1, lng: 'pt-BR' })).toBe('1 contêiner');
    expect(instance.t('images.usedBy', { count: 0, lng: 'pt-BR' })).not.toMatch(/\b0 contêiner\b/);
  });

  it.each(['en', 'pt-BR'] as const)('never picks the singular form in %s', (language) => {
    const bases = pluralBases(catalogs[language] as Tree);
    expect(bases.length).toBeGreaterThan(10);
    for (const base of bases) {
      const other = instance.t(base, { count: 2, lng: language, names: 'x', size: 'x', platform: 'x', ignored: 0, cpus: 'x', image: 'x' });
      const zero = instance.t(base, { count: 0, lng: language, names: 'x', size: 'x', platform: 'x', ignored: 0, cpus: 'x', image: 'x' });
      expect(zero, base).toBe(other.replaceAll('2', '0'));
    }
  });
});
