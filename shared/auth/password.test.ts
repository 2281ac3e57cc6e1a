import { describe, expect, test } from 'vitest';
import { hashPassword } from '../../server/secrets';
import { verifyPasswordHash } from './password';

describe('verifyPasswordHash (offline sign-in)', () => {
  test('accepts the password the server hashed, with Vietnamese letters too', async () => {
    const hash = await hashPassword('Mật-khẩu đúng 123');
    await expect(verifyPasswordHash('Mật-khẩu đúng 123', hash)).resolves.toBe(true);
    // NFD input (as some keyboards produce) is the same password.
    await expect(verifyPasswordHash('Mật-khẩu đúng 123'.normalize('NFD'), hash)).resolves.toBe(true);
  });

  test('refuses a wrong password and a malformed hash', async () => {
    const hash = await hashPassword('tiepnhan-demo');
    await expect(verifyPasswordHash('tiepnhan-demO', hash)).resolves.toBe(false);
    await expect(verifyPasswordHash('tiepnhan-demo', 'bcrypt$xyz')).resolves.toBe(false);
    await expect(verifyPasswordHash('tiepnhan-demo', '')).resolves.toBe(false);
  });
});
