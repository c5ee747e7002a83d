import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../api/error-codes';
import en from '../../renderer/i18n/en.json';
import ptBR from '../../renderer/i18n/pt-BR.json';

const catalogs = { en, 'pt-BR': ptBR };

const ROOT = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/**
 * Every error code the host can send the renderer, found in the source as it
 * is thrown: `new ORPCError('X'`, `new CodedError('X'` (and the other coded
 * classes), the codes the classifiers return, and the registry table's codes.
 */
function thrownCodes(): Map<string, string> {
  const patterns = [
    /new (?:ORPCError|CodedError|BuildInputError)\(\s*'([A-Z][A-Z0-9_]+)'/g,
    // Classifiers: specificEngineError, fileErrorCode, registry-errors' table.
    /return '([A-Z][A-Z0-9_]+)';/g,
    // A table row: [/pattern/i, 'CODE'] (not a row of plain strings, such as a table's column names).
    /^\s*\[\/.*, '([A-Z][A-Z0-9_]+)'\],?$/gm,
  ];
  const found = new Map<string, string>();
  for (const file of sources(path.join(ROOT, 'electron'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) if (!found.has(match[1])) found.set(match[1], path.relative(ROOT, file));
    }
  }
  return found;
}

describe('error codes', () => {
  const codes = thrownCodes();

  it('are found in the source (the scan itself works)', () => {
    for (const known of ['ENGINE_OFFLINE', 'ENGINE_UNKNOWN', 'VOLUME_IN_USE', 'PORT_IN_USE', 'DESTINATION_MISSING', 'NO_NETWORK', 'CONTEXT_NOT_FOUND']) {
      expect(codes.has(known), known).toBe(true);
    }
  });

  it('are each in the one list, electron/api/error-codes.ts', () => {
    const listed = new Set<string>(ERROR_CODES);
    expect([...codes].filter(([code]) => !listed.has(code)).map(([code, file]) => `${code} (${file})`)).toEqual([]);
  });

  it.each(['en', 'pt-BR'] as const)('each have a sentence in %s, thrown or listed', (language) => {
    const errors = catalogs[language].errors as Record<string, string>;
    const all = new Map<string, string>([...ERROR_CODES.map((code): [string, string] => [code, 'electron/api/error-codes.ts']), ...codes]);
    const missing = [...all].filter(([code]) => typeof errors[code] !== 'string' || !errors[code].trim()).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('have no sentence left over for a code that is no longer listed', () => {
    const listed = new Set<string>([...ERROR_CODES, 'unknown', 'details', 'dismiss']);
    expect(Object.keys(en.errors).filter((key) => !listed.has(key))).toEqual([]);
  });
});
