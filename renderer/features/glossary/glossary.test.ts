import { describe, expect, it } from 'vitest';
import { catalogs } from '../../i18n/catalogs';
import { GLOSSARY_WORDS } from './Term';

describe('glossary', () => {
  it.each(['en', 'pt-BR'] as const)('%s defines every word with a term and a sentence', (language) => {
    const glossary = catalogs[language].learn.glossary as Record<string, { term?: string; definition?: string }>;
    for (const word of GLOSSARY_WORDS) {
      expect(glossary[word]?.term, `${language}:${word}`).toBeTruthy();
      expect(glossary[word]?.definition?.length, `${language}:${word}`).toBeGreaterThan(40);
    }
  });
});
