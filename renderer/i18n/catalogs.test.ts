import { describe, expect, it } from 'vitest';
import { catalogs as sources } from './catalogs';

type Catalog = { [key: string]: string | Catalog };

/** Every leaf as dotted key → text. */
function flatten(catalog: Catalog, prefix = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalog)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [leaf, text] of flatten(value, dotted)) leaves.set(leaf, text);
    } else {
      leaves.set(dotted, value);
    }
  }
  return leaves;
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1]))].sort();
}

const catalogs = { en: flatten(sources.en as Catalog), 'pt-BR': flatten(sources['pt-BR'] as Catalog) };

describe('translation catalogs', () => {
  it('have exactly the same keys', () => {
    expect([...catalogs['pt-BR'].keys()].sort()).toEqual([...catalogs.en.keys()].sort());
  });

  it('are not trivially small', () => {
    expect(catalogs.en.size).toBeGreaterThan(20);
  });

  it.each(Object.keys(catalogs) as (keyof typeof catalogs)[])('%s has only non-empty strings', (language) => {
    for (const [key, text] of catalogs[language]) {
      expect(typeof text, `${language}:${key}`).toBe('string');
      expect((text as string).trim(), `${language}:${key}`).not.toBe('');
    }
  });

  it('use the same {{placeholders}} for each key', () => {
    for (const [key, text] of catalogs.en) {
      const other = catalogs['pt-BR'].get(key);
      if (typeof text !== 'string' || typeof other !== 'string') continue;
      expect(placeholders(other), key).toEqual(placeholders(text));
    }
  });

  it('have balanced placeholder braces', () => {
    for (const [language, catalog] of Object.entries(catalogs)) {
      for (const [key, text] of catalog) {
        const stripped = String(text).replace(/\{\{\s*[^}\s]+\s*\}\}/g, '');
        expect(stripped, `${language}:${key}`).not.toMatch(/[{}]/);
      }
    }
  });
});
