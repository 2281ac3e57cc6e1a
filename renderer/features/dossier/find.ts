// Finding a dossier at the desk: a scanned slip (the official code, its QR URL, or the numeric
// barcode key), or what the citizen tells: the code or part of it, an ID number, a phone number, a
// name, or what the procedure is called. Every lookup goes through an index (code, codeParts,
// applicantIdNumber, applicantPhone, nameKeys, procedureCode). When
// nothing local matches a code, ID number or phone, the server is asked (GET /v1/dossiers).
import { procedurePhrases, type ProcedureIndex } from '../../../shared/catalogue';
import { classifyScan, dossierBarcodeKey, dossierCodeOfScan, normalizePhone, parseDossierCode, validateCitizenId } from '../../../shared/codes';
import type { DossierEvent } from '../../../shared/domain';
import type { DossierLookupResponse } from '../../../shared/sync/protocol';
import { foldVietnamese } from '../../../shared/text/fold';
import { MIN_CODE_PART } from '../../../shared/text/searchKeys';
import { projectionRow, type DossierRow, type MotCuaDb } from '../../db';
import type { ServerAccess } from '../../kiosk/api';

/** The most rows a search returns: a desk officer reads a short list, never a table of thousands. */
export const SEARCH_LIMIT = 20;

/** The agency table of this Center: index 0 and the configured index both mean its own code. */
export interface FindOptions {
  agencyTable?: readonly string[];
  limit?: number;
  /** The catalogue's procedure index: a short form ('GPLX', 'sổ đỏ') finds dossiers of its procedures. */
  procedures?: ProcedureIndex;
}

/** Most procedures a short form may stand for: beyond that it names a field, not a procedure. */
const MAX_PROCEDURES = 12;

/**
 * Dossiers matching what the officer typed or scanned, at most `limit`, results waiting at the
 * desk first. A full code or slip key, an ID number, a phone, any part of a code or slip key (three
 * digits or more), a name from any word's start without diacritics ("thu ha", "Hà"), or a
 * procedure's short form.
 */
export async function findDossiers(db: MotCuaDb, query: string, options: FindOptions = {}): Promise<DossierRow[]> {
  const text = query.trim();
  const limit = options.limit ?? SEARCH_LIMIT;
  const agencyTable = options.agencyTable ?? [];
  if (text === '') return [];
  const found = new Map<string, DossierRow>();
  const add = (rows: DossierRow[]) => {
    for (const r of rows) if (found.size < limit && !found.has(r.id)) found.set(r.id, r);
  };
  const done = () => waitingFirst([...found.values()]);

  const resolved = dossierCodeOfScan(classifyScan(text), agencyTable);
  if (resolved.ok) add(await db.dossiers.where('code').equals(resolved.code).toArray());

  const compact = text.replace(/[\s.\-()]/g, '');
  if (/^\+?\d+$/.test(compact)) {
    add(await db.dossiers.where('applicantIdNumber').equals(compact.toUpperCase()).limit(limit).toArray());
    const phone = normalizePhone(compact);
    add(
      await db.dossiers
        .where('applicantPhone')
        .equals(phone.ok ? phone.value.number : compact)
        .limit(limit)
        .toArray(),
    );
    if (/^\d+$/.test(compact)) add(await byCodePart(db, compact, agencyTable, limit));
    return done();
  }
  if (/^[A-Z]\d{7,8}$/i.test(compact)) add(await db.dossiers.where('applicantIdNumber').equals(compact.toUpperCase()).limit(limit).toArray());
  if (!resolved.ok && /\d/.test(text) && /^[\dA-Z.\-\s]+$/i.test(text)) add(await byCodeText(db, text.toUpperCase().replace(/\s/g, ''), limit));
  if (!resolved.ok && resolved.kind === 'notADossierCode') {
    const name = foldVietnamese(text);
    if (name !== '') add(await db.dossiers.where('nameKeys').startsWith(name).distinct().limit(limit).toArray());
    const phrases = procedurePhrases(text);
    if (options.procedures && phrases.length > 0) add(await byProcedure(db, options.procedures, phrases, limit));
  }
  return done();
}

/** Results taken in and not yet handed over come first; the rest keep their order. */
function waitingFirst(rows: DossierRow[]): DossierRow[] {
  return [...rows.filter((r) => r.status === 'resultReady'), ...rows.filter((r) => r.status !== 'resultReady')];
}

/**
 * Digits that are part of a code's date and sequence ("0004", "260112", "2601120004") or of a slip
 * key, whose first two digits are the agency's index in the table and the rest the same digits.
 */
async function byCodePart(db: MotCuaDb, digits: string, agencyTable: readonly string[], limit: number): Promise<DossierRow[]> {
  if (digits.length < MIN_CODE_PART) return [];
  const rows = await db.dossiers.where('codeParts').startsWith(digits).distinct().limit(limit).toArray();
  // A part that starts inside the key's agency index: look up what follows it, keep the keys that hold it.
  for (const skip of [1, 2]) {
    if (rows.length >= limit || digits.length - skip < MIN_CODE_PART) break;
    const candidates = await db.dossiers
      .where('codeParts')
      .startsWith(digits.slice(skip))
      .distinct()
      .limit(limit * 10)
      .toArray();
    rows.push(...candidates.filter((r) => slipKeys(r.code, agencyTable).some((key) => key.includes(digits))));
  }
  return rows;
}

/** The slip keys a code is printed with: one per index the agency table gives its agency. */
function slipKeys(code: string | undefined, agencyTable: readonly string[]): string[] {
  const parsed = code ? parseDossierCode(code) : undefined;
  if (!parsed?.ok) return [];
  const { agency, date, seq } = parsed.value;
  return agencyTable.flatMap((a, agencyIndex) => (a === agency ? [dossierBarcodeKey({ agencyIndex, date, seq })] : []));
}

/** Part of a written code ("H41-260112-00", "260112-0004"): found by its digits after the agency, kept when the code holds it. */
async function byCodeText(db: MotCuaDb, part: string, limit: number): Promise<DossierRow[]> {
  const dash = part.indexOf('-');
  const digits = (dash < 0 ? part : part.slice(dash + 1)).replace(/\D/g, '');
  if (dash < 0 && /[A-Z.]/.test(part)) return db.dossiers.where('code').startsWith(part).limit(limit).toArray();
  if (digits.length < MIN_CODE_PART) return [];
  const rows = await db.dossiers
    .where('codeParts')
    .startsWith(digits)
    .distinct()
    .limit(limit * 10)
    .toArray();
  return rows.filter((r) => r.code?.includes(part)).slice(0, limit);
}

/** Dossiers of the procedures a short form names, through the catalogue's own search. */
async function byProcedure(db: MotCuaDb, procedures: ProcedureIndex, phrases: readonly string[], limit: number): Promise<DossierRow[]> {
  const codes = new Set<string>();
  for (const phrase of phrases) {
    for (const m of procedures.search(phrase, MAX_PROCEDURES)) if (m.matchedOn === 'text') codes.add(m.procedure.code);
  }
  if (codes.size === 0) return [];
  return db.dossiers
    .where('procedureCode')
    .anyOf([...codes])
    .limit(limit)
    .toArray();
}

/**
 * A dossier as the server holds it, shown read-only: the counter pruned it (retention.ts) or has
 * not pulled it yet. It carries its event trail and is never written to the local database.
 */
export type ServerDossierRow = DossierRow & { serverCopy: { events: DossierEvent[]; fetchedAt: string } };

export function isServerCopy(row: DossierRow): row is ServerDossierRow {
  return 'serverCopy' in row && (row as Partial<ServerDossierRow>).serverCopy !== undefined;
}

export type ServerLookupKey = { key: 'code' | 'idNumber' | 'phone'; value: string };

/**
 * What the server may be asked when nothing local matched, in order: a full code (typed, scanned
 * or keyed), an ID number, a phone. A 12-digit CCCD can read as a barcode key, so both are tried.
 * Names stay local: the server has no index for them.
 */
export function serverLookupKeys(query: string, agencyTable: readonly string[] = []): ServerLookupKey[] {
  const text = query.trim();
  const keys: ServerLookupKey[] = [];
  if (text === '') return keys;
  const resolved = dossierCodeOfScan(classifyScan(text), agencyTable);
  if (resolved.ok) keys.push({ key: 'code', value: resolved.code });
  const compact = text.replace(/[\s.\-()]/g, '');
  const id = validateCitizenId(compact, { allowPassport: true });
  if (id.ok) keys.push({ key: 'idNumber', value: id.value.number });
  const phone = normalizePhone(compact);
  if (phone.ok) keys.push({ key: 'phone', value: phone.value.number });
  return keys;
}

export type ServerLookupResult = { ok: true; rows: ServerDossierRow[] } | { ok: false; offline: boolean; message: string };

const what = (k: ServerLookupKey): string => (k.key === 'code' ? `Hồ sơ ${k.value}` : k.key === 'idNumber' ? `Hồ sơ của số định danh ${k.value}` : `Hồ sơ của số điện thoại ${k.value}`);

/** Asks the server key by key until one finds dossiers; stops at the first failure (offline, server error). */
export async function findDossiersOnServer(server: ServerAccess, keys: readonly ServerLookupKey[], now: () => Date = () => new Date()): Promise<ServerLookupResult> {
  let result: ServerLookupResult = { ok: true, rows: [] };
  for (const key of keys) {
    result = await askServer(server, key, now);
    if (!result.ok || result.rows.length > 0) return result;
  }
  return result;
}

async function askServer(server: ServerAccess, lookup: ServerLookupKey, now: () => Date): Promise<ServerLookupResult> {
  const doFetch = server.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const url = `${server.baseUrl.replace(/\/$/, '')}/v1/dossiers?${lookup.key}=${encodeURIComponent(lookup.value)}`;
  let response: Response;
  try {
    response = await doFetch(url, { headers: { authorization: `Bearer ${server.token}` } });
  } catch {
    return {
      ok: false,
      offline: true,
      message: `${what(lookup)} không có trên máy này (hồ sơ đã trả lâu được xoá khỏi máy quầy theo quy định lưu trữ) và máy quầy đang mất kết nối máy chủ, nên chưa xem được: hồ sơ chỉ còn trên máy chủ Trung tâm. Kiểm tra mạng rồi tìm lại.`,
    };
  }
  if (response.status === 404) return { ok: true, rows: [] };
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
    return { ok: false, offline: false, message: `Máy chủ Trung tâm không tra cứu được hồ sơ: ${body?.error?.message ?? `lỗi ${response.status}`}` };
  }
  const answer = (await response.json()) as DossierLookupResponse;
  const fetchedAt = now().toISOString();
  return {
    ok: true,
    rows: answer.dossiers.map((d) => ({
      ...projectionRow(d.snapshot.state),
      serverState: d.snapshot.state,
      serverSeq: d.snapshot.lastSeq,
      registerYear: d.snapshot.registerYear ?? undefined,
      registerNumber: d.snapshot.registerNumber ?? undefined,
      openConflicts: d.snapshot.openConflicts,
      serverCopy: { events: d.events.filter((e) => !e.conflict).map((e) => e.event), fetchedAt },
    })),
  };
}
