// Small formatting helpers for printed text: the dateline of letters (times are shared/domain/time.ts),
// personal-data masking for slips handed to the public, and base64 without Node's Buffer.
import { formatVietnamDate } from '../domain/time';

/** "ngày 12 tháng 01 năm 2026", the dateline of official letters. */
export function formatVnDateline(at: string | Date): string {
  const [d, m, y] = formatVietnamDate(at).split('/');
  return `ngày ${d} tháng ${m} năm ${y}`;
}

/** Keeps the first 3 and last 3 characters of an ID number: "040******123". */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length <= 6) return '*'.repeat(s.length);
  return s.slice(0, 3) + '*'.repeat(s.length - 6) + s.slice(-3);
}

/** Keeps the first 4 and last 3 digits of a phone number: "0912***678". */
export function maskPhone(phone: string): string {
  const s = phone.replace(/\s+/g, '');
  if (s.length <= 7) return '*'.repeat(s.length);
  return s.slice(0, 4) + '*'.repeat(s.length - 7) + s.slice(-3);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2]! : 0;
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? B64[n & 63]! : '=';
  }
  return out;
}

export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (const ch of clean) {
    const v = B64.indexOf(ch);
    if (v < 0) throw new RangeError('Dữ liệu base64 không hợp lệ.');
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}
