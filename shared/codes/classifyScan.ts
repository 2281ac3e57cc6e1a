import type { BarcodeKeyError, BarcodeKeyParts } from './barcodeKey';
import { dossierCodeFromBarcodeKey, parseDossierBarcodeKey } from './barcodeKey';
import type { BatchCodeError, BatchCodeParts } from './batchCode';
import { BATCH_CODE_PREFIX, parseBatchBarcodeKey, parseBatchCode } from './batchCode';
import { looksLikeCitizenCard, parseCitizenCard, type CitizenCard, type CitizenCardError } from './citizenCard';
import type { DossierCodeError, DossierCodeParts } from './dossierCode';
import { parseDossierCode } from './dossierCode';

export type ScanClassification =
  | { kind: 'dossierCode'; parts: DossierCodeParts }
  | { kind: 'barcodeKey'; parts: BarcodeKeyParts }
  | { kind: 'batchCode'; parts: BatchCodeParts }
  /** The QR of a chip CCCD or a thẻ căn cước. */
  | { kind: 'citizenCard'; card: CitizenCard }
  /** `error` is the closest parser's complaint, for the screen; absent when nothing fits at all. */
  | { kind: 'unknown'; text: string; error?: DossierCodeError | BarcodeKeyError | BatchCodeError | CitizenCardError };

const URL_PREFIX = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const CODE_IN_URL = /(?<![0-9A-Z.])(?:\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}|[A-Z]\d{2}\.\d{3}\.\d{2})-\d{6}-\d{4,11}(?![0-9])/;
const BATCH_IN_URL = /(?<![0-9A-Z])BG-\d{6}-\d{2}-\d{1,4}(?![0-9])/;

/**
 * Tells what a scanner (or paste) produced: a dossier code, the numeric 1D key, a handover batch
 * code, a citizen's card, or nothing known. Never throws. Letters are upper-cased first because a keyboard-wedge
 * scanner types lowercase when Caps Lock is on; a QR code holding the public status page URL is
 * searched for the code it carries.
 */
export function classifyScan(text: string): ScanClassification {
  const raw = text.trim();
  // Before upper-casing: the card carries the citizen's name as written.
  if (looksLikeCitizenCard(raw)) {
    const card = parseCitizenCard(raw);
    return card.ok ? { kind: 'citizenCard', card: card.value } : { kind: 'unknown', text: raw, error: card.error };
  }
  const scanned = raw.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
  if (scanned === '') return { kind: 'unknown', text: raw };

  if (URL_PREFIX.test(scanned)) {
    const dossier = CODE_IN_URL.exec(scanned);
    if (dossier) {
      const parsed = parseDossierCode(dossier[0]);
      if (parsed.ok) return { kind: 'dossierCode', parts: parsed.value };
    }
    const batch = BATCH_IN_URL.exec(scanned);
    if (batch) {
      const parsed = parseBatchCode(batch[0]);
      if (parsed.ok) return { kind: 'batchCode', parts: parsed.value };
    }
    return { kind: 'unknown', text: raw };
  }

  if (/^\d+$/.test(scanned)) {
    const parsed = parseDossierBarcodeKey(scanned);
    if (parsed.ok) return { kind: 'barcodeKey', parts: parsed.value };
    // A handover record's key: a month above 12, which no dossier key has.
    const batch = parseBatchBarcodeKey(scanned);
    return batch ? { kind: 'batchCode', parts: batch } : { kind: 'unknown', text: raw, error: parsed.error };
  }

  if (scanned.startsWith(`${BATCH_CODE_PREFIX}-`)) {
    const parsed = parseBatchCode(scanned);
    return parsed.ok ? { kind: 'batchCode', parts: parsed.value } : { kind: 'unknown', text: raw, error: parsed.error };
  }

  const parsed = parseDossierCode(scanned);
  return parsed.ok ? { kind: 'dossierCode', parts: parsed.value } : { kind: 'unknown', text: raw, error: parsed.error };
}

export type ScannedDossierCode = { ok: true; code: string } | { ok: false; kind: 'unknownCode' | 'notADossierCode'; message: string };

/**
 * The official dossier code a scan names, or why it names none: the code as printed in the QR, or
 * the short numeric 1D key mapped back through `agencyTable` (index → agency code). The one
 * reading of a scan for every desk (find, stop, batch scans).
 */
export function dossierCodeOfScan(classification: ScanClassification, agencyTable: readonly string[]): ScannedDossierCode {
  switch (classification.kind) {
    case 'dossierCode':
      return { ok: true, code: classification.parts.code };
    case 'barcodeKey': {
      const mapped = dossierCodeFromBarcodeKey(classification.parts, agencyTable);
      return mapped.ok ? { ok: true, code: mapped.value } : { ok: false, kind: 'unknownCode', message: mapped.error.message };
    }
    case 'batchCode':
      return { ok: false, kind: 'notADossierCode', message: `«${classification.parts.code}» là mã lô bàn giao, không phải mã hồ sơ. Hãy quét mã trên giấy hẹn hoặc bìa hồ sơ.` };
    case 'citizenCard':
      return { ok: false, kind: 'notADossierCode', message: 'Mã vừa quét là mã QR trên thẻ căn cước của công dân, không phải mã hồ sơ. Hãy quét mã trên giấy hẹn hoặc bìa hồ sơ.' };
    case 'unknown':
      return { ok: false, kind: 'notADossierCode', message: `«${classification.text}» không phải mã hồ sơ${classification.error ? `: ${classification.error.message}` : '.'}` };
  }
}
