import { safeStorage } from 'electron';
import type { CredentialCipher } from '../settings/credential-store';

/**
 * Electron's safeStorage as the credential store's cipher: the key lives in
 * the OS keychain (macOS Keychain, Windows DPAPI, libsecret or KWallet on
 * Linux). Null when there is no usable keychain, including Linux's
 * "basic_text" fallback, whose key is a constant in Chromium's source and so
 * protects nothing: then logins are kept in memory for the run only.
 * Call only once the app is ready.
 */
export function keychainCipher(): CredentialCipher | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  };
}
