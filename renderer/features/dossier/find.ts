// Finding a dossier at the desk: a scanned slip (the official code, its QR URL, or the numeric
// barcode key), or what the citizen tells: the code, an ID number, a phone number or a name.
// Every lookup goes through an index (code, applicantIdNumber, applicantPhone, foldedName).
import { classifyScan, dossierCodeFromBarcodeKey, normalizePhone, type ScanClassification } from '../../../shared/codes';
import { foldVietnamese } from '../../../shared/text/fold';
import type { DossierRow, MotCuaDb } from '../../db';

/** The most rows a search returns: a desk officer reads a short list, never a table of thousands. */
export const SEARCH_LIMIT = 20;

export type CodeResolution = { ok: true; code: string } | { ok: false; message: string } | undefined;

/**
 * The official code a scan or typed text stands for, or undefined when it is not a code at all.
 * `agencyTable` maps the barcode key's agency index to an agency code (index → code).
 */
export function codeFromScan(classification: ScanClassification, agencyTable: readonly string[]): CodeResolution {
  if (classification.kind === 'dossierCode') return { ok: true, code: classification.parts.code };
  if (classification.kind === 'barcodeKey') {
    const mapped = dossierCodeFromBarcodeKey(classification.parts, agencyTable);
    return mapped.ok ? { ok: true, code: mapped.value } : { ok: false, message: mapped.error.message };
  }
  return undefined;
}

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

  const resolved = codeFromScan(classifyScan(text), options.agencyTable ?? []);
  if (resolved?.ok) add(await db.dossiers.where('code').equals(resolved.code).toArray());

  const compact = text.replace(/[\s.\-()]/g, '');
  if (/^\+?\d+$/.test(compact)) {
    add(await db.dossiers.where('applicantIdNumber').equals(compact.toUpperCase()).limit(limit).toArray());
    const phone = normalizePhone(compact);
    add(await db.dossiers.where('applicantPhone').equals(phone.ok ? phone.value.number : compact).limit(limit).toArray());
    return [...found.values()];
  }
  if (/^[A-Z]\d{7,8}$/i.test(compact)) add(await db.dossiers.where('applicantIdNumber').equals(compact.toUpperCase()).limit(limit).toArray());
  if (resolved === undefined) {
    const name = foldVietnamese(text);
    if (name !== '') add(await db.dossiers.where('foldedName').startsWith(name).limit(limit).toArray());
  }
  return [...found.values()];
}
