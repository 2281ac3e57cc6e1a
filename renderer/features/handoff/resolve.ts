// From a scan to the dossier it names: the official code as printed in the QR code, or the short
// numeric 1D key mapped back through the agency table (shared/codes barcodeKey).
import { dossierCodeOfScan, type ScanClassification } from '../../../shared/codes';
import type { DossierRow, MotCuaDb } from '../../db';

export type ResolvedScan = { kind: 'dossier'; code: string; row: DossierRow } | { kind: 'unknownCode'; code: string; message: string } | { kind: 'notADossierCode'; message: string };

/** Looks the scanned dossier up by its code (an indexed read: about a millisecond at 250,000 rows). */
export async function resolveScan(db: MotCuaDb, classification: ScanClassification, agencyTable: readonly string[]): Promise<ResolvedScan> {
  const named = dossierCodeOfScan(classification, agencyTable);
  if (!named.ok) {
    return named.kind === 'unknownCode' ? { kind: 'unknownCode', code: '', message: named.message } : { kind: 'notADossierCode', message: named.message };
  }
  const row = await db.dossiers.where('code').equals(named.code).first();
  if (!row) return { kind: 'unknownCode', code: named.code, message: `Không tìm thấy hồ sơ ${named.code} trên máy này. Kiểm tra mã, hoặc chờ đồng bộ rồi quét lại.` };
  return { kind: 'dossier', code: named.code, row };
}
