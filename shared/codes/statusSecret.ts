// The status page's secret: made by the counter when it receives a dossier (offline, from the
// platform's CSPRNG), recorded in the `received` event and printed in the slip's QR beside the code.
// The public page answers only a code with its own secret, so guessing codes reveals nothing.

/** RFC 4648 base32 without padding; upper case letters and 2–7 read back unambiguously from a QR. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 12 characters of 5 bits: 60 bits, far beyond what a rate-limited page lets anyone try. */
export const STATUS_SECRET_LENGTH = 12;

export const STATUS_SECRET_PATTERN = /^[A-Z2-7]{12}$/;
/** The same, as JSON Schema text (shared/sync/eventSchema.ts). */
export const STATUS_SECRET_SCHEMA_PATTERN = '^[A-Z2-7]{12}$';

/** Web Crypto, present in the renderer, Electron and Node alike; typed here because shared/ is built without DOM or Node types. */
const webCrypto = (globalThis as unknown as { crypto: { getRandomValues(bytes: Uint8Array): Uint8Array } }).crypto;

/** A fresh secret; `random` fills the bytes (crypto.getRandomValues unless a test passes its own). */
export function newStatusSecret(random: (bytes: Uint8Array) => Uint8Array = (b) => webCrypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(STATUS_SECRET_LENGTH));
  // 256 is a multiple of 32: taking each byte modulo 32 keeps every character equally likely.
  return Array.from(bytes, (b) => ALPHABET[b % 32]).join('');
}
