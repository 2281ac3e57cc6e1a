// The attachment upload protocol: content-addressed by SHA-256, cut into fixed chunks so a counter
// on a bad line resumes where it stopped, and completed by one call the server checks against the
// hash. The same bytes captured twice have one address, so they are stored once.
//
//   HEAD /v1/attachments/:sha256                 → 200 stored | 206 partial (header lists chunks) | 404
//   PUT  /v1/attachments/:sha256/chunks/:n       body: the n-th chunk (application/octet-stream)
//   POST /v1/attachments/:sha256/complete        body: AttachmentManifest → 200 | 409 hash mismatch
import { DIGITISED_MEDIA_TYPES, type DigitisedMediaType } from '../domain/types';

/** 256 KiB: small enough to retry cheaply on a flaky line, large enough that a page is 1–2 requests. */
export const CHUNK_SIZE = 256 * 1024;
/** A document PDF larger than this is a capture mistake (photos at full camera resolution). */
export const MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024;
/** The media types a dossier's digitised copy may have: the domain's list, so event and upload agree. */
export const ATTACHMENT_MEDIA_TYPES = DIGITISED_MEDIA_TYPES;
export type AttachmentMediaType = DigitisedMediaType;

/** Response header of HEAD on a partial upload: received chunk numbers, comma-separated. */
export const RECEIVED_CHUNKS_HEADER = 'x-received-chunks';

export interface AttachmentManifest {
  sha256: string;
  size: number;
  mediaType: AttachmentMediaType;
  chunkSize: number;
}

export interface CompleteResponse {
  sha256: string;
  size: number;
  /** True when the server already held these bytes (another capture of the same file). */
  duplicate: boolean;
}

export type RemoteStatus = { state: 'stored' } | { state: 'partial'; received: number[] } | { state: 'absent' };

export function isSha256Hex(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}

export function chunkCount(size: number, chunkSize = CHUNK_SIZE): number {
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`Kích thước tệp không hợp lệ: ${size}`);
  return Math.max(1, Math.ceil(size / chunkSize));
}

/** Byte range [start, end) of chunk n. */
export function chunkRange(n: number, size: number, chunkSize = CHUNK_SIZE): { start: number; end: number } {
  const count = chunkCount(size, chunkSize);
  if (!Number.isInteger(n) || n < 0 || n >= count) throw new RangeError(`Số thứ tự phần ${n} nằm ngoài 0..${count - 1}.`);
  return { start: n * chunkSize, end: Math.min(size, (n + 1) * chunkSize) };
}

/** Chunks still to send, in order. */
export function missingChunks(received: readonly number[], count: number): number[] {
  const have = new Set(received);
  const out: number[] = [];
  for (let n = 0; n < count; n++) if (!have.has(n)) out.push(n);
  return out;
}

export function parseReceivedHeader(value: string | null | undefined): number[] {
  if (!value) return [];
  return value
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n >= 0);
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** SHA-256 of bytes as lowercase hex: WebCrypto in the counter, node:crypto on the server. */
export type Sha256 = (bytes: Uint8Array) => Promise<string>;
