// The device credential sealed with the OS key store (DPAPI on Windows, the Secret Service keyring on
// Linux) through Electron's safeStorage, so a copied data folder does not carry a usable token.
import type { SafeStorage } from 'electron';
import type { CredentialCipher } from '../services/credential';

/** A cipher over safeStorage, or undefined (with the reason logged) when the OS offers no real key store. */
export function safeStorageCipher(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & { getSelectedStorageBackend?: () => string },
  platform: NodeJS.Platform,
  log: (line: string) => void,
): CredentialCipher | undefined {
  if (!safeStorage.isEncryptionAvailable()) {
    log('[bảo mật] hệ điều hành không cung cấp kho khóa; chứng thư quầy lưu trong tệp chỉ người dùng này đọc được');
    return undefined;
  }
  // Without a keyring Linux falls back to a fixed password: that is obfuscation, not encryption.
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    log('[bảo mật] Linux không có keyring (basic_text); chứng thư quầy lưu trong tệp chỉ người dùng này đọc được');
    return undefined;
  }
  return {
    name: 'safestorage',
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  };
}
