export type { Result } from './result';
export { ok, err } from './result';
export type { CalendarDate } from './calendarDate';
export { isValidCalendarDate } from './calendarDate';

export type { DossierCodeParts, DossierCodeError, DossierCodeInput } from './dossierCode';
export { formatDossierCode, parseDossierCode, provinceOfAgencyCode, AGENCY_CODE_PATTERN, CENTRAL_AGENCY_CODE_PATTERN, MAX_DOSSIER_SEQUENCE } from './dossierCode';
export type { BarcodeKeyParts, BarcodeKeyInput, BarcodeKeyError } from './barcodeKey';
export { barcodeKeyForCode, dossierBarcodeKey, parseDossierBarcodeKey, dossierCodeFromBarcodeKey } from './barcodeKey';
export type { BatchCodeParts, BatchCodeInput, BatchCodeError } from './batchCode';
export { batchBarcodeKey, formatBatchCode, parseBatchBarcodeKey, parseBatchCode, BATCH_CODE_PREFIX } from './batchCode';
export type { ScanClassification, ScannedDossierCode } from './classifyScan';
export { classifyScan, dossierCodeOfScan } from './classifyScan';

export type { CitizenId, CitizenIdError, CitizenIdOptions, Gender } from './citizenId';
export { validateCitizenId } from './citizenId';
export type { CitizenCard, CitizenCardError } from './citizenCard';
export { looksLikeCitizenCard, parseCitizenCard } from './citizenCard';
export { CCCD_PROVINCES } from './provinces';
export type { Phone, PhoneError } from './phone';
export { normalizePhone } from './phone';

export type { MoneyError } from './money';
export { formatVnd, parseVnd } from './money';
export { amountInWords } from './amountInWords';
export { formatReceiptNumber, receiptLabel, RECEIPT_NUMBER_DIGITS } from './receiptNumber';
export { newStatusSecret, STATUS_SECRET_LENGTH, STATUS_SECRET_PATTERN, STATUS_SECRET_SCHEMA_PATTERN } from './statusSecret';
export type { BankAccount, VietQrError, VietQrRequest } from './vietQr';
export { bankAccountProblem, crc16CcittFalse, vietQrPayload, VIETQR_GUID, VIETQR_SERVICE_TO_ACCOUNT } from './vietQr';
