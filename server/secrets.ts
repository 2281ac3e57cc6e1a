// Passwords (scrypt), bearer credentials (random, stored as SHA-256) and one-time enrolment codes.
import { createHash, randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';

const SCRYPT = { N: 16384, r: 8, p: 1, keyLen: 32 };

function scryptAsync(password: string, salt: Buffer, N: number, r: number, p: number, keyLen: number): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, keyLen, { N, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))));
}

/** `scrypt$N$r$p$saltB64$hashB64`, a format a counter can verify offline. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keyLen);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hashB64, 'base64');
  const key = await scryptAsync(password, Buffer.from(saltB64, 'base64'), Number(n), Number(r), Number(p), expected.length);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let unknownUser: Promise<string> | undefined;

/**
 * What an unknown username's password is checked against: a real hash of a random password, with the
 * same parameters, so a wrong name costs the same time as a wrong password and timing tells no names.
 */
export function unknownUserHash(): Promise<string> {
  unknownUser ??= hashPassword(randomBytes(18).toString('base64'));
  return unknownUser;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function newDeviceCredential(): string {
  return `dev_${randomBytes(32).toString('base64url')}`;
}

export function newSessionToken(): string {
  return `ses_${randomBytes(32).toString('base64url')}`;
}

// No vowels and no look-alikes (0/O, 1/I/L), so it reads out and types cleanly, even through Telex/VNI.
const CODE_ALPHABET = '23456789BCDFGHJKMNPQRSTVWXZ';

/** A one-time enrolment code like `K7QB-9XTM-2HRC`. */
export function newEnrolmentCode(): string {
  const bytes = randomBytes(12);
  let code = '';
  for (let i = 0; i < 12; i++) {
    code += CODE_ALPHABET[bytes[i]! % CODE_ALPHABET.length];
    if (i === 3 || i === 7) code += '-';
  }
  return code;
}

export function normaliseEnrolmentCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

export const newId = randomUUID;
