import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER = path.resolve(import.meta.dirname, '../renderer');
const FORMATTER = path.join(RENDERER, 'i18n', 'format.ts');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('renderer/i18n/format.ts', () => {
  // Catches a number written outside the locale formatter: toFixed() gives "1.9"
  // in every language, toLocale*() and new Intl formatters bypass this module.
  it('is the only place in renderer/ that turns a number or date into text', () => {
    const offenders: string[] = [];
    const smell = /\.toFixed\(|\.toLocale(?:String|DateString|TimeString)\(|new Intl\.(?:NumberFormat|DateTimeFormat|RelativeTimeFormat)\(/;
    for (const file of sources(RENDERER)) {
      if (file === FORMATTER) continue;
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (smell.test(line)) offenders.push(`${path.relative(RENDERER, file)}:${index + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
