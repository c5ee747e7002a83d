import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirsPerTest } from '../../e2e/support/temp-dirs';
import { testCipher } from '../../e2e/support/test-cipher';
import { CREDENTIALS_FILE, CredentialStore } from './credential-store';


const PASSWORD = 'correct horse battery staple';
const tempDir = tempDirsPerTest('cais-cred-');

/** Every file under a folder, as one string: whatever was written anywhere. */
function everythingWritten(dir: string): string {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

describe('CredentialStore with a keychain cipher', () => {
  it('writes the password sealed, never in plain text (nor plain base64), readable by this user only', () => {
    const dir = tempDir();
    const store = new CredentialStore({ file: path.join(dir, CREDENTIALS_FILE), cipher: testCipher() });
    expect(store.keeping).toBe('keychain');
    store.save({ registry: '127.0.0.1:5000', username: 'alice', password: PASSWORD });
    const written = everythingWritten(dir);
    expect(written).toContain('alice');
    expect(written).toContain('127.0.0.1:5000');
    expect(written).not.toContain(PASSWORD);
    expect(written).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    expect(written).not.toContain(Buffer.from(PASSWORD).toString('hex'));
    expect(fs.statSync(path.join(dir, CREDENTIALS_FILE)).mode & 0o077).toBe(0);
    expect(fs.readdirSync(dir)).toEqual([CREDENTIALS_FILE]);
  });

  it('list() names registries and users only; authFor() opens the password for the engine', () => {
    const store = new CredentialStore({ file: path.join(tempDir(), CREDENTIALS_FILE), cipher: testCipher() });
    store.save({ registry: 'registry.example.com', username: 'bob', password: 'pw-b' });
    store.save({ registry: '127.0.0.1:5000', username: 'alice', password: PASSWORD });
    expect(store.list()).toEqual([
      { registry: '127.0.0.1:5000', username: 'alice' },
      { registry: 'registry.example.com', username: 'bob' },
    ]);
    expect(JSON.stringify(store.list())).not.toContain(PASSWORD);
    expect(store.authFor('127.0.0.1:5000')).toEqual({ registry: '127.0.0.1:5000', username: 'alice', password: PASSWORD });
    expect(store.authFor('elsewhere:1')).toBeUndefined();
    expect(store.allAuths().map((auth) => auth.password)).toEqual([PASSWORD, 'pw-b']);
  });

  it('keeps logins across restarts with the same keychain; another keychain cannot open them', () => {
    const file = path.join(tempDir(), CREDENTIALS_FILE);
    const cipher = testCipher();
    new CredentialStore({ file, cipher }).save({ registry: '127.0.0.1:5000', username: 'alice', password: PASSWORD });
    expect(new CredentialStore({ file, cipher }).authFor('127.0.0.1:5000')?.password).toBe(PASSWORD);
    expect(new CredentialStore({ file, cipher: testCipher() }).authFor('127.0.0.1:5000')).toBeUndefined();
  });

  it('logging out removes the login from the file', () => {
    const file = path.join(tempDir(), CREDENTIALS_FILE);
    const cipher = testCipher();
    const store = new CredentialStore({ file, cipher });
    store.save({ registry: '127.0.0.1:5000', username: 'alice', password: PASSWORD });
    expect(store.remove('127.0.0.1:5000')).toBe(true);
    expect(store.remove('127.0.0.1:5000')).toBe(false);
    expect(store.list()).toEqual([]);
    expect(fs.readFileSync(file, 'utf8')).not.toContain('alice');
    expect(new CredentialStore({ file, cipher }).list()).toEqual([]);
  });

  it('a damaged file holds no logins and is replaced by the next one', () => {
    const file = path.join(tempDir(), CREDENTIALS_FILE);
    fs.writeFileSync(file, '{ not json');
    const store = new CredentialStore({ file, cipher: testCipher() });
    expect(store.list()).toEqual([]);
    store.save({ registry: 'r:1', username: 'u', password: 'p' });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ version: 1, logins: [{ registry: 'r:1', username: 'u' }] });
  });
});

describe('CredentialStore without a keychain', () => {
  it('keeps logins in memory only and writes nothing, even when given a file', () => {
    const dir = tempDir();
    const store = new CredentialStore({ file: path.join(dir, CREDENTIALS_FILE), cipher: null, withoutKeychain: 'no-keychain' });
    expect(store.keeping).toBe('memory-no-keychain');
    store.save({ registry: '127.0.0.1:5000', username: 'alice', password: PASSWORD });
    expect(store.authFor('127.0.0.1:5000')?.password).toBe(PASSWORD);
    expect(store.list()).toEqual([{ registry: '127.0.0.1:5000', username: 'alice' }]);
    expect(fs.readdirSync(dir)).toEqual([]);
    store.remove('127.0.0.1:5000');
    expect(store.authFor('127.0.0.1:5000')).toBeUndefined();
  });

  it('says "web" by default', () => {
    expect(new CredentialStore().keeping).toBe('memory-web');
  });
});
