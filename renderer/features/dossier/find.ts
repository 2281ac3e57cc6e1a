// Finding a dossier at the desk: a scanned slip (the official code, its QR URL, or the numeric
// barcode key), or what the citizen tells: the code, an ID number, a phone number or a name.
// Every lookup goes through an index (code, applicantIdNumber, applicantPhone, foldedName). When
// nothing local matches a code, ID number or phone, the server is asked (GET /v1/dossiers).
import { classifyScan, dossierCodeOfScan, normalizePhone, validateCitizenId } from '../../../shared/codes';
import type { DossierEvent } from '../../../shared/domain';
import type { DossierLookupResponse } from '../../../shared/sync/protocol';
import { foldVietnamese } from '../../../shared/text/fold';
import { projectionRow, type DossierRow, type MotCuaDb } from '../../db';
import type { ServerAccess } from '../../kiosk/api';

/** The most rows a search returns: a desk officer reads a short list, never a table of thousands. */
export const SEARCH_LIMIT = 20;

/** The agency table of this Center: index 0 and the configured index both mean its own code. */
export interface FindOptions {
  agencyTable?: readonly string[];
  limit?: number;
}

/**
 * Dossiers matching what the officer typed or scanned, at most `limit`. Digits are tried as a
 * barcode key, an ID number and a phone (a 12-digit CCCD can look like a key); text that is not
 * a code is a name prefix, compared without diacritics.
 */
export async function findDossiers(db: MotCuaDb, query: string, options: FindOptions = {}): Promise<DossierRow[]> {
  const text = query.trim();
  const limit = options.limit ?? SEARCH_LIMIT;
  if (text === '') return [];
  const found = new Map<string, DossierRow>();
  const add = (rows: DossierRow[]) => {
    for (const r of rows) if (found.size < limit && !found.has(r.id)) found.set(r.id, r);
  };

  const resolved = dossierCodeOfScan(classifyScan(text), options.agencyTable ?? []);
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
    return [...found.values()];
  }
  if (/^[A-Z]\d{7,8}$/i.test(compact)) add(await db.dossiers.where('applicantIdNumber').equals(compact.toUpperCase()).limit(limit).toArray());
  if (!resolved.ok && resolved.kind === 'notADossierCode') {
    const name = foldVietnamese(text);
    if (name !== '') add(await db.dossiers.where('foldedName').startsWith(name).limit(limit).toArray());
  }
  return [...found.values()];
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
