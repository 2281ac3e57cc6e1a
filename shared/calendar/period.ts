// A reporting period typed as two Vietnam calendar days, inclusive, turned into instants: the reports of a counter and the province's view on the server.
import { fromVnLocal } from './days';

export interface Period {
  /** Inclusive start, ISO instant (00:00 Vietnam time of the first day). */
  from: string;
  /** Exclusive end, ISO instant (00:00 Vietnam time of the day after the last). */
  to: string;
  label: string;
}

function parseKey(key: string): [number, number, number] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

export function periodOf(fromKey: string, toKey: string): { ok: true; period: Period } | { ok: false; field: 'from' | 'to'; message: string } {
  const a = parseKey(fromKey);
  const notADate = (text: string, what: string) => (text.trim() === '' ? `Chưa nhập ${what}.` : `«${text.trim()}» không phải một ngày có thật; viết ngày/tháng/năm, ví dụ 20/03/2026.`);
  if (!a) return { ok: false, field: 'from', message: notADate(fromKey, 'ngày đầu kỳ') };
  const b = parseKey(toKey);
  if (!b) return { ok: false, field: 'to', message: notADate(toKey, 'ngày cuối kỳ') };
  let start: Date;
  let end: Date;
  try {
    start = fromVnLocal(a[0], a[1], a[2]);
    end = new Date(fromVnLocal(b[0], b[1], b[2]).getTime() + 86_400_000);
  } catch {
    return { ok: false, field: 'from', message: 'Ngày không có thật trong lịch.' };
  }
  if (end <= start) return { ok: false, field: 'to', message: 'Ngày cuối kỳ phải từ ngày đầu kỳ trở đi.' };
  const show = (p: [number, number, number]) => `${String(p[2]).padStart(2, '0')}/${String(p[1]).padStart(2, '0')}/${p[0]}`;
  return { ok: true, period: { from: start.toISOString(), to: end.toISOString(), label: `từ ${show(a)} đến ${show(b)}` } };
}

export const inPeriod = (iso: string | undefined, p: Period): boolean => iso !== undefined && iso >= p.from && iso < p.to;
