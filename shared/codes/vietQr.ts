// VietQR: the EMVCo merchant-presented QR of NAPAS 247 for a transfer to a bank account
// (DOMAIN.md, "Fee by bank transfer"). Every data object is ID (2 digits) + length (2 digits) +
// value, in ascending ID order; the CRC closes the payload and covers everything before it,
// its own "6304" included. Any Vietnamese banking app reads it and pre-fills the transfer.
import type { Result } from './result';
import { err, ok } from './result';

/** The Center's account that fees are transferred to (configuration, never a constant). */
export interface BankAccount {
  /** The beneficiary bank's 6-digit NAPAS BIN (e.g. 970415 VietinBank). */
  bin: string;
  /** The account number: digits or letters, up to 19. */
  accountNumber: string;
  /** The account holder's name, shown to staff and the payer beside the QR (not in the payload). */
  accountName: string;
}

export interface VietQrRequest {
  account: BankAccount;
  /** Whole đồng; the QR is dynamic (point of initiation 12) with it. */
  amount: number;
  /** What the payer's bank carries as the transfer content: the dossier code (bill number and purpose, ID 62). */
  reference: string;
}

export type VietQrError = { field: 'bin' | 'accountNumber' | 'accountName' | 'amount' | 'reference'; message: string };

/** NAPAS's globally unique identifier of VietQR, in the merchant account information (ID 38). */
export const VIETQR_GUID = 'A000000727';
/** The service "transfer to an account" (QRIBFTTC would be to a card). */
export const VIETQR_SERVICE_TO_ACCOUNT = 'QRIBFTTA';
/** ISO 4217 numeric code of the đồng. */
export const VND_CURRENCY = '704';
/** EMVCo caps the bill number and the purpose of transaction (62/01, 62/08) at 25 characters. */
export const VIETQR_REFERENCE_MAX = 25;

function tlv(id: string, value: string): string {
  if (value.length > 99) throw new RangeError(`VietQR field ${id} is ${value.length} characters long; 99 at most`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR), 4 upper-case hex digits. */
export function crc16CcittFalse(text: string): string {
  let crc = 0xffff;
  for (let i = 0; i < text.length; i++) {
    crc ^= (text.charCodeAt(i) & 0xff) << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** Why this account cannot receive a VietQR transfer, in Vietnamese for the supervisor, or undefined. */
export function bankAccountProblem(a: BankAccount): VietQrError | undefined {
  if (!/^\d{6}$/.test(a.bin.trim())) return { field: 'bin', message: `Mã BIN ngân hàng «${a.bin.trim()}» không hợp lệ: phải đủ 6 chữ số (ví dụ 970415).` };
  if (!/^[0-9A-Za-z]{1,19}$/.test(a.accountNumber.trim()))
    return { field: 'accountNumber', message: `Số tài khoản «${a.accountNumber.trim()}» không hợp lệ: chỉ gồm chữ số hoặc chữ cái không dấu, tối đa 19 ký tự.` };
  if (a.accountName.trim() === '') return { field: 'accountName', message: 'Chưa khai báo tên chủ tài khoản nhận phí.' };
  return undefined;
}

/** The VietQR payload for a transfer of `amount` đồng to the account, carrying the reference. */
export function vietQrPayload(r: VietQrRequest): Result<string, VietQrError> {
  const problem = bankAccountProblem(r.account);
  if (problem) return err(problem);
  if (!Number.isSafeInteger(r.amount) || r.amount <= 0) return err({ field: 'amount', message: `Số tiền chuyển khoản phải là số đồng nguyên dương, không phải ${r.amount}.` });
  const reference = r.reference.trim();
  // Banks pass the content on as plain ASCII; a dossier code is letters, digits, dots and hyphens.
  if (!/^[0-9A-Za-z .\-/]+$/.test(reference) || reference.length > VIETQR_REFERENCE_MAX)
    return err({ field: 'reference', message: `Nội dung chuyển khoản «${reference}» phải là chữ không dấu, chữ số, dấu chấm hoặc gạch nối, tối đa ${VIETQR_REFERENCE_MAX} ký tự.` });
  const beneficiary = tlv('00', r.account.bin.trim()) + tlv('01', r.account.accountNumber.trim());
  const body =
    tlv('00', '01') +
    tlv('01', '12') +
    tlv('38', tlv('00', VIETQR_GUID) + tlv('01', beneficiary) + tlv('02', VIETQR_SERVICE_TO_ACCOUNT)) +
    tlv('53', VND_CURRENCY) +
    tlv('54', String(r.amount)) +
    tlv('58', 'VN') +
    tlv('62', tlv('01', reference) + tlv('08', reference)) +
    '6304';
  return ok(body + crc16CcittFalse(body));
}
