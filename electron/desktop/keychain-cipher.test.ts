import { afterEach, describe, expect, it, vi } from 'vitest';

const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
  encryptString: vi.fn((plain: string) => Buffer.from(`sealed:${[...plain].reverse().join('')}`)),
  decryptString: vi.fn((sealed: Buffer) => [...sealed.toString().slice('sealed:'.length)].reverse().join('')),
};
vi.mock('electron', () => ({ safeStorage }));

const { keychainCipher } = await import('./keychain-cipher');

describe('keychainCipher (Electron safeStorage, mocked: Electron cannot start here)', () => {
  afterEach(() => {
    safeStorage.isEncryptionAvailable.mockReturnValue(true);
    safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
  });

  it('seals and opens through safeStorage when the keychain is available', () => {
    const cipher = keychainCipher();
    expect(cipher).not.toBeNull();
    const sealed = cipher!.encrypt('pw');
    expect(safeStorage.encryptString).toHaveBeenCalledWith('pw');
    expect(cipher!.decrypt(sealed)).toBe('pw');
  });

  it('is null without encryption, so logins stay in memory', () => {
    safeStorage.isEncryptionAvailable.mockReturnValue(false);
    expect(keychainCipher()).toBeNull();
  });

  it.runIf(process.platform === 'linux')("is null on Linux's basic_text backend, whose key is no secret", () => {
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    expect(keychainCipher()).toBeNull();
  });
});
