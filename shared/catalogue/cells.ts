import type { CollectionMethod, FormVersion, ProcedureDocument, ProcedureFee, ReceivingLevel } from './model';
import { foldVietnamese } from './search';

/** A cell either reads to a value or gives the reason it cannot, in Vietnamese, for the import report. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(message: string): CellResult<T> => ({ ok: false, message });

const NATIONAL_CODE = /^\d\.\d{6}$/;
const LOCAL_CODE = /^(\d\.\d{6})(\.\d{3}\.\d{2}\.\d{2}\.H\d{2})$/;

export type ProcedureCodes = { code: string; localCode: string };

/**
 * Accepts the national code ('1.012790') or the province's localised form
 * ('1.012790.000.00.00.H41'); the localised form is derived as `<code>.000.00.00.<province>`,
 * the pattern provinces publish under (Nghệ An: H41).
 */
export function readProcedureCode(cell: string, provinceCode: string): CellResult<ProcedureCodes> {
  const text = cell
    .trim()
    .replace(/\s+/g, '')
    .replace(/h(\d{2})$/, 'H$1');
  if (NATIONAL_CODE.test(text)) return ok({ code: text, localCode: `${text}.000.00.00.${provinceCode}` });
  const local = LOCAL_CODE.exec(text);
  if (local) return ok({ code: local[1] as string, localCode: text });
  return fail(`'${cell.trim()}' không phải là mã thủ tục hành chính (dạng 1.012790 hoặc 1.012790.000.00.00.${provinceCode}).`);
}

export type ProcessingTime = { days: number | null; hours: number | null };

const DAYS = /^(\d+(?:[.,]\d+)?)(?:\s*ngày(?:\s*làm\s*việc)?)?$/i;
const HOURS = /^(\d+(?:[.,]\d+)?)\s*giờ(?:\s*làm\s*việc)?$/i;

/** '5', '0,5', '5 ngày làm việc' are working days; '4 giờ' is a time limit in working hours. */
export function readProcessingTime(cell: string): CellResult<ProcessingTime> {
  const text = cell.trim().normalize('NFC');
  const days = DAYS.exec(text);
  if (days) return ok({ days: Number((days[1] as string).replace(',', '.')), hours: null });
  const hours = HOURS.exec(text);
  if (hours) return ok({ days: null, hours: Number((hours[1] as string).replace(',', '.')) });
  if (/^-\s*\d/.test(text)) return fail(`'${text}' là số âm; thời hạn giải quyết phải từ 0 ngày làm việc trở lên.`);
  return fail(`'${text}' không phải là số ngày làm việc.`);
}

export const DEFAULT_FEE_NAME = 'Phí, lệ phí';

/** Whole đồng, written plain ('50000') or grouped ('50.000', '50,000', '50 000'). */
function readAmount(text: string): number | null {
  const t = text.trim().replace(/\s*(đ|đồng|vnđ|vnd)$/i, '');
  if (/^\d+$/.test(t)) return Number(t);
  if (/^\d{1,3}([., ]\d{3})+$/.test(t)) return Number(t.replace(/[., ]/g, ''));
  return null;
}

/**
 * '0' means no fee, a number is one fee line, and several named lines may be given as
 * 'Lệ phí đăng ký: 50000 | Phí công bố: 100000'. A blank cell is an unknown amount, never zero.
 */
export function readFees(cell: string): CellResult<ProcedureFee[]> {
  const text = cell.trim().normalize('NFC');
  if (text === '') return ok([{ name: DEFAULT_FEE_NAME, amount: null }]);
  const fees: ProcedureFee[] = [];
  for (const part of text.split('|').map((p) => p.trim())) {
    const colon = part.lastIndexOf(':');
    const name = colon >= 0 ? part.slice(0, colon).trim() : '';
    const amountText = colon >= 0 ? part.slice(colon + 1).trim() : part;
    if (/^-\s*\d/.test(amountText)) return fail(`số tiền '${amountText}' là số âm; phí, lệ phí không được âm.`);
    if (amountText === '' && name !== '') {
      fees.push({ name, amount: null });
      continue;
    }
    const amount = readAmount(amountText);
    if (amount === null) return fail(`'${part}' không phải là số tiền (đồng), ví dụ 50000 hoặc 'Lệ phí: 50000'.`);
    if (amount > 0) fees.push({ name: name || DEFAULT_FEE_NAME, amount });
  }
  return ok(fees);
}

export type DocumentList = { documents: ProcedureDocument[]; notes: string[] };

const COUNTS = /\(bản chính (\d+), bản sao (\d+)\)$/;

/**
 * ' | '-separated entries 'name (bản chính N, bản sao M)'. The trailing counts are matched from the
 * end because names themselves contain parentheses, even '(bản chính, bản sao …'. An entry without
 * counts is kept with unknown counts; an entry wholly in parentheses is a note about the list.
 */
export function readDocuments(cell: string): CellResult<DocumentList> {
  const documents: ProcedureDocument[] = [];
  const notes: string[] = [];
  const text = cell.trim().normalize('NFC');
  if (text === '') return ok({ documents, notes });
  for (const entry of text
    .split(' | ')
    .map((e) => e.trim())
    .filter((e) => e !== '')) {
    const counts = COUNTS.exec(entry);
    if (counts) {
      const name = entry.slice(0, counts.index).trim();
      if (name === '') return fail(`'${entry}' thiếu tên giấy tờ trước số bản.`);
      documents.push({ name, originals: Number(counts[1]), copies: Number(counts[2]) });
      continue;
    }
    if (/\(\s*bản chính[^()]*\)$/i.test(entry) && /\d/.test(lastGroup(entry))) {
      return fail(`'${entry}' ghi số bản không đúng dạng; viết '(bản chính N, bản sao M)'.`);
    }
    if (entry.startsWith('(') && entry.endsWith(')') && lastGroupStart(entry) === 0) notes.push(entry);
    else documents.push({ name: entry, originals: null, copies: null });
  }
  return ok({ documents, notes });
}

function lastGroupStart(entry: string): number {
  let depth = 0;
  for (let i = entry.length - 1; i >= 0; i--) {
    if (entry[i] === ')') depth++;
    else if (entry[i] === '(' && --depth === 0) return i;
  }
  return -1;
}

function lastGroup(entry: string): string {
  const start = lastGroupStart(entry);
  return start < 0 ? '' : entry.slice(start);
}

const METHOD_WORDS: Record<string, CollectionMethod> = {
  desk: 'desk',
  'truc tiep': 'desk',
  'tai quay': 'desk',
  post: 'post',
  'buu chinh': 'post',
  'buu dien': 'post',
  online: 'online',
  'truc tuyen': 'online',
};

/** Optional column: 'desk, post, online' or the Vietnamese 'Trực tiếp, Bưu chính, Trực tuyến'. */
export function readCollectionMethods(cell: string): CellResult<CollectionMethod[] | null> {
  const text = cell.trim();
  if (text === '') return ok(null);
  const methods: CollectionMethod[] = [];
  for (const word of text.split(/[,;|]/).map((w) => foldVietnamese(w).trim().replace(/\s+/g, ' '))) {
    if (word === '') continue;
    const method = METHOD_WORDS[word];
    if (!method) return fail(`'${text}' có cách nhận kết quả không rõ; dùng 'Trực tiếp', 'Bưu chính', 'Trực tuyến'.`);
    if (!methods.includes(method)) methods.push(method);
  }
  return ok(methods);
}

/** Optional column: '2025' (Thông tư 03/2025/TT-VPCP) or '2018' (Thông tư 01/2018/TT-VPCP). */
export function readFormVersion(cell: string): CellResult<FormVersion | null> {
  const text = cell.trim();
  if (text === '') return ok(null);
  if (text === '2025' || text === '2018') return ok(text);
  return fail(`'${text}' không phải là bộ mẫu biểu; chọn 2025 hoặc 2018.`);
}

const LEVEL_WORDS: Record<string, ReceivingLevel> = {
  province: 'province',
  tinh: 'province',
  'cap tinh': 'province',
  commune: 'commune',
  xa: 'commune',
  'cap xa': 'commune',
  phuong: 'commune',
};

/** Optional column: 'Cấp tỉnh, Cấp xã' (or 'tỉnh; xã', 'province, commune'). Blank: the catalogue does not say. */
export function readReceivingLevels(cell: string): CellResult<ReceivingLevel[] | null> {
  const text = cell.trim();
  if (text === '') return ok(null);
  const levels: ReceivingLevel[] = [];
  for (const word of text.split(/[,;|]/).map((w) => foldVietnamese(w).trim().replace(/\s+/g, ' '))) {
    if (word === '') continue;
    const level = LEVEL_WORDS[word];
    if (!level) return fail(`'${text}' có cấp tiếp nhận không rõ; dùng 'Cấp tỉnh', 'Cấp xã' hoặc cả hai, cách nhau bằng dấu phẩy.`);
    if (!levels.includes(level)) levels.push(level);
  }
  return ok(levels.length > 0 ? levels : null);
}
