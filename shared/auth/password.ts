// Verifies a password against the server's `scrypt$N$r$p$salt$hash` format without Node,
// so a counter can sign staff in from the hashes it synced while the network is down.
import { scryptAsync } from '@noble/hashes/scrypt';
import { base64ToBytes as fromBase64 } from '../documents/format';

export async function verifyPasswordHash(password: string, encoded: string): Promise<boolean> {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  let expected: Uint8Array;
  let saltBytes: Uint8Array;
  try {
    expected = fromBase64(hash);
    saltBytes = fromBase64(salt);
  } catch {
    return false;
  }
  const key = await scryptAsync(password.normalize('NFC'), saltBytes, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    dkLen: expected.length,
  });
  let diff = key.length ^ expected.length;
  for (let i = 0; i < Math.min(key.length, expected.length); i++) diff |= key[i]! ^ expected[i]!;
  return diff === 0;
}
