import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirsPerTest } from '../../e2e/support/temp-dirs';
import { SettingsStore, webDataDir } from './settings-store';

const tempDir = tempDirsPerTest('cais-settings-');

describe('SettingsStore', () => {
  it('starts from defaults and persists changes to settings.json', () => {
    const dir = tempDir();
    const store = new SettingsStore(dir);
    expect(store.settings).toMatchObject({ language: null, theme: 'system', engine: null, logLines: 10_000 });
    store.update({ theme: 'dark', logLines: 500, confirmations: { stop: true } });
    const reread = new SettingsStore(dir);
    expect(reread.settings).toMatchObject({ theme: 'dark', logLines: 500, confirmations: { stop: true, kill: false } });
    expect(reread.recoveredFrom).toBeNull();
  });

  it('moves a damaged file aside, replaces it with defaults and says where the copy went', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), '{"theme": "dark", oops');
    const store = new SettingsStore(dir);
    expect(store.settings.theme).toBe('system');
    expect(store.recoveredFrom).toMatch(/settings\.json\.broken-/);
    expect(fs.readFileSync(store.recoveredFrom!, 'utf8')).toBe('{"theme": "dark", oops');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).theme).toBe('system');
    store.acknowledgeRecovery();
    expect(store.recoveredFrom).toBeNull();
  });

  it('treats valid JSON with invalid values as damaged too', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ theme: 'purple', logLines: -3 }));
    const store = new SettingsStore(dir);
    expect(store.recoveredFrom).not.toBeNull();
    expect(store.settings.theme).toBe('system');
  });

  it('reads a file from an older version, filling missing fields with defaults', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ theme: 'light' }));
    const store = new SettingsStore(dir);
    expect(store.recoveredFrom).toBeNull();
    expect(store.settings).toMatchObject({ theme: 'light', logLines: 10_000, engines: [] });
  });

  it('refuses an invalid change and keeps the file as it was', () => {
    const dir = tempDir();
    const store = new SettingsStore(dir);
    expect(() => store.update({ logLines: 5 })).toThrow();
    expect(new SettingsStore(dir).settings.logLines).toBe(10_000);
  });

  it('keeps settings in memory when given no folder', () => {
    const store = new SettingsStore(null);
    store.update({ theme: 'light' });
    expect(store.settings.theme).toBe('light');
    expect(store.file).toBeNull();
  });

  it('finds the web host data folder: CAIS_DATA_DIR, else XDG_CONFIG_HOME/cais, else ~/.config/cais', () => {
    expect(webDataDir({ CAIS_DATA_DIR: '/d' }, '/h')).toBe('/d');
    expect(webDataDir({ XDG_CONFIG_HOME: '/x' }, '/h')).toBe(path.join('/x', 'cais'));
    expect(webDataDir({}, '/h')).toBe(path.join('/h', '.config', 'cais'));
  });
});
