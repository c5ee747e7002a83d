import { describe, expect, it } from 'vitest';
import { envVar } from '../../../../electron/api/run-schema';
import { parseEnvFile } from './env-file';

describe('parseEnvFile', () => {
  it('reads KEY=VALUE lines in order', () => {
    expect(parseEnvFile('A=1\nB=two\nC=3')).toEqual([
      { key: 'A', value: '1' },
      { key: 'B', value: 'two' },
      { key: 'C', value: '3' },
    ]);
  });

  it('gives nothing for an empty file', () => {
    expect(parseEnvFile('')).toEqual([]);
    expect(parseEnvFile('\n\n')).toEqual([]);
  });

  it('skips comments, indented comments and blank lines', () => {
    const text = ['# a comment', '', 'A=1', '   ', '   # indented comment', '\t', 'B=2', '#C=3'].join('\n');
    expect(parseEnvFile(text)).toEqual([
      { key: 'A', value: '1' },
      { key: 'B', value: '2' },
    ]);
  });

  it('keeps a # inside a value', () => {
    expect(parseEnvFile('COLOR=#ff0000\nPASS=a#b')).toEqual([
      { key: 'COLOR', value: '#ff0000' },
      { key: 'PASS', value: 'a#b' },
    ]);
  });

  it('accepts an export prefix', () => {
    expect(parseEnvFile('export A=1\nexport   B=2\n\texport\tC=3')).toEqual([
      { key: 'A', value: '1' },
      { key: 'B', value: '2' },
      { key: 'C', value: '3' },
    ]);
  });

  it('treats "export" without whitespace after it as part of the key', () => {
    expect(parseEnvFile('export=1\nexported=2')).toEqual([
      { key: 'export', value: '1' },
      { key: 'exported', value: '2' },
    ]);
  });

  it('strips matching double or single quotes around a value', () => {
    expect(parseEnvFile(`A="hello world"\nB='single quoted'\nC=""\nD=''`)).toEqual([
      { key: 'A', value: 'hello world' },
      { key: 'B', value: 'single quoted' },
      { key: 'C', value: '' },
      { key: 'D', value: '' },
    ]);
  });

  it('keeps the spaces inside quotes but trims unquoted values', () => {
    expect(parseEnvFile(`A="  padded  "\nB=   trimmed   `)).toEqual([
      { key: 'A', value: '  padded  ' },
      { key: 'B', value: 'trimmed' },
    ]);
  });

  it('leaves mismatched or lone quotes in place', () => {
    expect(parseEnvFile(`A="open\nB='mixed"\nC="\nD=it's`)).toEqual([
      { key: 'A', value: '"open' },
      { key: 'B', value: `'mixed"` },
      { key: 'C', value: '"' },
      { key: 'D', value: "it's" },
    ]);
  });

  it('keeps quotes that are inside the value', () => {
    expect(parseEnvFile(`JSON={"a":"b"}`)).toEqual([{ key: 'JSON', value: '{"a":"b"}' }]);
  });

  it('splits on the first = only', () => {
    expect(parseEnvFile('URL=postgres://u:p@h/db?sslmode=require&x=1\nEQ===\nB64=YWJj==')).toEqual([
      { key: 'URL', value: 'postgres://u:p@h/db?sslmode=require&x=1' },
      { key: 'EQ', value: '==' },
      { key: 'B64', value: 'YWJj==' },
    ]);
  });

  it('keeps = inside a quoted value', () => {
    expect(parseEnvFile(`A="x=y"`)).toEqual([{ key: 'A', value: 'x=y' }]);
  });

  it('accepts an empty value', () => {
    expect(parseEnvFile('EMPTY=\nSPACES=   ')).toEqual([
      { key: 'EMPTY', value: '' },
      { key: 'SPACES', value: '' },
    ]);
  });

  it('trims spaces around the key', () => {
    expect(parseEnvFile('  A = 1')).toEqual([{ key: 'A', value: '1' }]);
  });

  it('handles CRLF line endings without leaving a carriage return in values', () => {
    const parsed = parseEnvFile('A=1\r\nB="two"\r\n# c\r\n\r\nC=3\r\n');
    expect(parsed).toEqual([
      { key: 'A', value: '1' },
      { key: 'B', value: 'two' },
      { key: 'C', value: '3' },
    ]);
  });

  it('ignores a byte-order mark at the start', () => {
    expect(parseEnvFile('\uFEFFA=1\nB=2')).toEqual([
      { key: 'A', value: '1' },
      { key: 'B', value: '2' },
    ]);
  });

  it('ignores lines without = and lines with an empty key', () => {
    expect(parseEnvFile('JUST_A_NAME\nA=1\n=value\n  = spaced\nexport ONLY_EXPORTED')).toEqual([{ key: 'A', value: '1' }]);
  });

  it('keeps duplicate keys in order (the last one wins in the engine)', () => {
    expect(parseEnvFile('A=1\nA=2')).toEqual([
      { key: 'A', value: '1' },
      { key: 'A', value: '2' },
    ]);
  });

  it('keeps unicode values', () => {
    expect(parseEnvFile('GREETING="olá, 世界 🐳"')).toEqual([{ key: 'GREETING', value: 'olá, 世界 🐳' }]);
  });

  it('produces variables the run schema accepts for a realistic file', () => {
    const text = [
      '# database',
      'export POSTGRES_USER=app',
      'POSTGRES_PASSWORD="s3cr3t with spaces"',
      "POSTGRES_DB='app_db'",
      'DATABASE_URL=postgres://app:s3cr3t@db:5432/app_db?sslmode=disable',
      '',
      'DEBUG=',
    ].join('\r\n');
    const variables = parseEnvFile(text);
    expect(variables).toHaveLength(5);
    for (const variable of variables) expect(envVar.safeParse(variable).success).toBe(true);
  });
});
