// The counter's device credential on disk. Electron passes a cipher backed by the OS key store
// (safeStorage); the web host stores it in a file readable only by its user.
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeviceCredential } from '../../shared/host';

export interface CredentialCipher {
  name: string;
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

export const plainFileCipher: CredentialCipher = {
  name: 'file',
  encrypt: (plain) => Buffer.from(plain, 'utf8'),
  decrypt: (sealed) => sealed.toString('utf8'),
};

export interface CredentialStore {
  credential(): Promise<DeviceCredential | null>;
  saveCredential(credential: DeviceCredential): Promise<void>;
}

export function createCredentialStore(dataDir: string, cipher: CredentialCipher = plainFileCipher): CredentialStore {
  const file = join(dataDir, `device-credential.${cipher.name}`);
  return {
    async credential() {
      const sealed = await readFile(file).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      if (!sealed) return null;
      try {
        return JSON.parse(cipher.decrypt(sealed)) as DeviceCredential;
      } catch (error) {
        throw new Error('Không giải mã được chứng thư của quầy (máy đã đổi hoặc tệp hỏng). Hãy đăng ký lại quầy với mã đăng ký mới.', { cause: error });
      }
    },
    async saveCredential(credential) {
      await mkdir(dataDir, { recursive: true });
      const tmp = `${file}.tmp`;
      await writeFile(tmp, cipher.encrypt(JSON.stringify(credential)), { mode: 0o600 });
      await chmod(tmp, 0o600);
      await rename(tmp, file);
    },
  };
}
