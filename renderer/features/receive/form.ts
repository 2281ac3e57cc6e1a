// The receiving form as plain data (kept as a draft while half filled) and the pure checks that
// turn it into the facts of a 'received', 'supplementRequested' or 'refused' event.
import { documentNeed, type DocumentNeed, type Procedure } from '../../../shared/catalogue';
import { normalizePhone, parseVnd, validateCitizenId } from '../../../shared/codes';
import type { Applicant, Collection, FeeLine, ReceivedDocument, TransferMethod } from '../../../shared/domain';

export type PaymentMethod = 'cash' | 'transfer' | 'card' | 'online';

export interface ApplicantForm {
  kind: 'individual' | 'organisation';
  name: string;
  idNumber: string;
  taxCode: string;
  representative: string;
  phone: string;
  address: string;
  email: string;
}

export interface DocumentLine {
  name: string;
  /** What the catalogue asks for; null when it does not say. */
  requiredOriginals: number | null;
  requiredCopies: number | null;
  received: boolean;
  originals: number;
  certifiedCopies: number;
  copies: number;
  /** Added by the officer, not from the catalogue. */
  extra?: boolean;
  /** From the catalogue (absent in drafts of earlier releases: required). */
  need?: DocumentNeed;
  /** A conditional line the officer marked as not this applicant's case. */
  notApplicable?: boolean;
  /** Listed on the supplement request this reception continues: the papers the citizen came back with. */
  askedFor?: boolean;
}

export interface ReceiveForm {
  procedureCode?: string;
  applicant: ApplicantForm;
  documents: DocumentLine[];
  sets: number;
  /** `transferReceived`: the officer saw the transfer arrive in the Center's account ("Đã nhận chuyển khoản"). */
  fee: { amount: string; reason: string; method: PaymentMethod; onlineReceipt: string; transferReceived?: boolean };
  collection: { method: 'desk' | 'post'; address: string };
  /**
   * A procedure on this center's phi-địa-giới list (NĐ 309/2026): the center the applicant collects the
   * result at (agency code) and how the dossier goes to the competent agency. Absent: chosen as this center, by post.
   */
  route?: { returnCenter: string; transfer: TransferMethod };
  supplement: { reason: string; requirements: Record<string, string>; contactPhone: string };
  refusal: { reasons: string };
  /** The officer confirmed that this procedure, with no checklist in the catalogue, is received without papers. */
  noPapersConfirmed?: boolean;
  /** The appointment entered at the counter for a procedure the catalogue gives no processing time (date key, reason). */
  deadline?: { date: string; reason: string };
  /** The supplement request (Mẫu 02) this reception continues: the same dossier, now received. */
  resumes?: { dossierId: string; reference: string };
  /**
   * The dossier number taken when the fee step showed a VietQR: the transfer carries the dossier
   * code, so the code exists before the dossier is recorded, and acceptance uses this number.
   */
  reserved?: ReservedNumber;
}

export interface ReservedNumber {
  /** The Vietnam date the number belongs to (YYYY-MM-DD). */
  dateKey: string;
  seq: number;
  from: 'lease' | 'fallback';
}

export type FieldErrors = Partial<Record<string, string>>;

/** 1250000 → '1.250.000', the way staff read and type amounts. */
export function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, '.');
}

export function emptyForm(): ReceiveForm {
  return {
    applicant: { kind: 'individual', name: '', idNumber: '', taxCode: '', representative: '', phone: '', address: '', email: '' },
    documents: [],
    sets: 1,
    fee: { amount: '', reason: '', method: 'cash', onlineReceipt: '' },
    collection: { method: 'desk', address: '' },
    supplement: { reason: '', requirements: {}, contactPhone: '' },
    refusal: { reasons: '' },
  };
}

/** The form once a procedure is picked: its checklist, its fee, nothing ticked yet. */
export function withProcedure(form: ReceiveForm, procedure: Procedure): ReceiveForm {
  const known = procedure.fees.every((f) => f.amount !== null);
  const total = procedure.fees.reduce((s, f) => s + (f.amount ?? 0), 0);
  return {
    ...form,
    procedureCode: procedure.code,
    documents: procedure.documents.map((d) => ({
      name: d.name,
      requiredOriginals: d.originals,
      requiredCopies: d.copies,
      received: false,
      originals: 0,
      certifiedCopies: 0,
      copies: 0,
      need: documentNeed(d),
    })),
    fee: { ...form.fee, amount: known ? groupThousands(total) : '', reason: '' },
    supplement: { ...form.supplement, reason: '', requirements: {} },
    noPapersConfirmed: false,
    deadline: undefined,
  };
}

/** A paper the officer names because the catalogue lists none (or not this one): received, one original. */
export function addedDocument(name: string): DocumentLine {
  return { name: name.trim(), requiredOriginals: null, requiredCopies: null, received: true, originals: 1, certifiedCopies: 0, copies: 0, extra: true, need: 'required' };
}

/** Ticking a document fills in the counts the catalogue asks for; unticking clears them. */
export function tickDocument(line: DocumentLine, received: boolean): DocumentLine {
  if (!received) return { ...line, received, originals: 0, certifiedCopies: 0, copies: 0 };
  const originals = line.requiredOriginals ?? (line.requiredCopies === null ? 1 : 0);
  return { ...line, received, originals, certifiedCopies: 0, copies: line.requiredCopies ?? 0 };
}

/** Why a line is short, in Vietnamese, or undefined when what was handed over covers the checklist. */
export function documentShortfall(line: DocumentLine): string | undefined {
  if (!line.received) {
    if (line.need === 'optional' || (line.need === 'conditional' && line.notApplicable)) return undefined;
    return line.need === 'conditional' ? 'Chưa nộp, chưa đánh dấu “Không áp dụng”' : 'Chưa nộp';
  }
  const needOriginals = line.requiredOriginals ?? 0;
  const needCopies = line.requiredCopies ?? 0;
  const parts: string[] = [];
  if (line.originals < needOriginals) parts.push(`thiếu ${needOriginals - line.originals} bản chính`);
  // A certified copy serves wherever a plain copy is asked for.
  if (line.copies + line.certifiedCopies < needCopies) parts.push(`thiếu ${needCopies - line.copies - line.certifiedCopies} bản sao`);
  return parts.length ? parts.join(', ') : undefined;
}

export function missingDocuments(form: ReceiveForm): { name: string; shortfall: string }[] {
  return form.documents.flatMap((d) => {
    const shortfall = documentShortfall(d);
    return shortfall ? [{ name: d.name, shortfall }] : [];
  });
}

/**
 * What stops the documents step, told in one go (NĐ 309/2026): every line still short, or a
 * checklist the catalogue left empty that the officer has neither filled nor confirmed.
 */
export function documentsProblem(form: ReceiveForm): { message: string; errors: FieldErrors } | undefined {
  if (form.documents.length === 0 && !form.noPapersConfirmed) {
    const message = 'Danh mục chưa có thành phần hồ sơ của thủ tục này: hãy ghi các giấy tờ đã nhận, hoặc xác nhận hồ sơ không có giấy tờ nào.';
    return { message, errors: { documents: message } };
  }
  const missing = missingDocuments(form);
  if (missing.length > 0) {
    const list = missing.map((m) => `${m.name} (${m.shortfall.toLowerCase()})`).join('; ');
    const message = `Hồ sơ còn thiếu ${missing.length} giấy tờ: ${list}. Hãy nhận đủ, đánh dấu “Không áp dụng” cho giấy tờ không thuộc trường hợp của người nộp, hoặc lập phiếu yêu cầu bổ sung (Mẫu 02).`;
    return { message, errors: { documents: message } };
  }
  if (!Number.isInteger(form.sets) || form.sets < 1) return { message: 'Số bộ hồ sơ phải từ 1 trở lên.', errors: { sets: 'Số bộ hồ sơ phải từ 1 trở lên.' } };
  return undefined;
}

export function validateApplicant(a: ApplicantForm, currentYear: number): FieldErrors {
  const errors: FieldErrors = {};
  if (a.name.trim() === '') errors.name = a.kind === 'individual' ? 'Chưa nhập họ tên người nộp.' : 'Chưa nhập tên tổ chức.';
  if (a.kind === 'individual') {
    const id = validateCitizenId(a.idNumber, { allowPassport: true, currentYear });
    if (!id.ok) errors.idNumber = id.error.message;
  } else {
    const tax = a.taxCode.replace(/[\s.]/g, '');
    if (tax === '') errors.taxCode = 'Chưa nhập mã số thuế của tổ chức.';
    else if (!/^\d{10}(-\d{3})?$/.test(tax)) errors.taxCode = 'Mã số thuế gồm 10 chữ số, chi nhánh thêm “-” và 3 chữ số (ví dụ 2900325242-001).';
    if (a.representative.trim() === '') errors.representative = 'Chưa nhập người đại diện của tổ chức.';
  }
  if (a.phone.trim() !== '') {
    const phone = normalizePhone(a.phone);
    if (!phone.ok) errors.phone = phone.error.message;
  }
  if (a.email.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a.email.trim())) errors.email = 'Địa chỉ email không đúng dạng (ví dụ ten@example.vn).';
  return errors;
}

export function applicantOf(a: ApplicantForm): Applicant {
  const phone = a.phone.trim() === '' ? undefined : normalizePhone(a.phone);
  const common = {
    name: a.name.trim(),
    phone: phone?.ok ? phone.value.number : undefined,
    address: a.address.trim() || undefined,
    email: a.email.trim() || undefined,
  };
  if (a.kind === 'individual') {
    const id = validateCitizenId(a.idNumber, { allowPassport: true });
    return { kind: 'individual', idNumber: id.ok ? id.value.number : a.idNumber.trim(), ...common };
  }
  return { kind: 'organisation', taxCode: a.taxCode.replace(/[\s.]/g, ''), representative: a.representative.trim(), ...common };
}

export function receivedDocuments(form: ReceiveForm): ReceivedDocument[] {
  return form.documents.filter((d) => d.received).map((d) => ({ name: d.name, originals: d.originals, certifiedCopies: d.certifiedCopies, copies: d.copies }));
}

export interface FeeDecision {
  lines: FeeLine[];
  total: number;
  /** Whether money changes hands at this counter (and so a receipt is printed). */
  collectHere: boolean;
  /** The online payment's receipt, when already paid online. */
  onlineReceipt?: { formSymbol: string; series: string; number: number };
}

/** The fee to record: the catalogue's, or the officer's figure with a reason; unknown fees must be entered. */
export function decideFee(form: ReceiveForm, procedure: Procedure): { ok: true; value: FeeDecision } | { ok: false; errors: FieldErrors } {
  const names = procedure.fees.map((f) => f.name).join('; ') || 'Phí, lệ phí';
  const catalogueKnown = procedure.fees.every((f) => f.amount !== null);
  const catalogueTotal = procedure.fees.reduce((s, f) => s + (f.amount ?? 0), 0);
  if (procedure.fees.length === 0 && form.fee.amount.trim() === '') return { ok: true, value: { lines: [], total: 0, collectHere: false } };
  if (form.fee.amount.trim() === '') {
    return { ok: false, errors: { feeAmount: 'Danh mục chưa có mức phí của thủ tục này: hãy kiểm tra và nhập số tiền (nhập 0 nếu miễn phí).' } };
  }
  const parsed = parseVnd(form.fee.amount);
  if (!parsed.ok) return { ok: false, errors: { feeAmount: parsed.error.message } };
  const total = parsed.value;
  if (total < 0) return { ok: false, errors: { feeAmount: 'Số tiền phí không được âm.' } };
  const edited = !catalogueKnown || total !== catalogueTotal;
  if (edited && catalogueKnown && form.fee.reason.trim() === '') {
    return { ok: false, errors: { feeReason: 'Số tiền khác mức trong danh mục: hãy ghi lý do (ví dụ miễn, giảm theo quy định).' } };
  }
  if (total === 0) return { ok: true, value: { lines: [], total: 0, collectHere: false } };
  const reason = form.fee.reason.trim();
  const lines: FeeLine[] = edited ? [{ name: reason ? `${names} (${reason})` : names, amount: total }] : procedure.fees.map((f) => ({ name: f.name, amount: f.amount ?? 0 }));
  if (form.fee.method === 'transfer' && !form.fee.transferReceived) {
    return {
      ok: false,
      errors: { transferReceived: 'Chưa xác nhận “Đã nhận chuyển khoản”: chỉ đánh dấu khi khoản chuyển đã hiện trong tài khoản của Trung tâm; nếu công dân nộp tiền mặt, chọn hình thức “Tiền mặt”.' },
    };
  }
  if (form.fee.method === 'online') {
    const m = /^\s*([A-Z0-9]+)\s*\/\s*([A-Z0-9]+)\s*[-–\s]\s*0*(\d{1,8})\s*$/.exec(form.fee.onlineReceipt.toUpperCase());
    if (!m) return { ok: false, errors: { onlineReceipt: 'Nhập ký hiệu và số biên lai đã thanh toán trực tuyến, ví dụ EBL01/26TAB-00000123.' } };
    return { ok: true, value: { lines, total, collectHere: false, onlineReceipt: { formSymbol: m[1]!, series: m[2]!, number: Number(m[3]) } } };
  }
  return { ok: true, value: { lines, total, collectHere: true } };
}

export function collectionOf(form: ReceiveForm): { ok: true; value: Collection } | { ok: false; errors: FieldErrors } {
  if (form.collection.method === 'desk') return { ok: true, value: { method: 'desk' } };
  const address = form.collection.address.trim();
  if (address === '') return { ok: false, errors: { collectionAddress: 'Nhận kết quả qua bưu điện cần địa chỉ nhận đầy đủ (số nhà, đường, xã/phường, tỉnh).' } };
  return { ok: true, value: { method: 'post', address } };
}

/**
 * A procedure received across boundaries needs the center the applicant collects the result at,
 * chosen with the applicant: no center is taken for them (this one was, silently, and the citizen
 * living elsewhere came back to the wrong center).
 */
export function routeChoiceErrors(form: Pick<ReceiveForm, 'route'>, across: boolean): FieldErrors {
  if (!across || form.route?.returnCenter) return {};
  return { routeReturn: 'Hồ sơ phi địa giới: hãy hỏi người nộp muốn nhận kết quả tại trung tâm nào, gõ tên xã, phường vào ô «Tìm trung tâm» rồi nhấn Enter để chọn.' };
}

/** Said when such a procedure is picked: the catalogue gives no processing time, so the counter enters this dossier's appointment. */
export function noProcessingTimeNotice(procedure: Procedure): string | undefined {
  if (procedure.processingDays !== null || (typeof procedure.processingHours === 'number' && procedure.processingHours > 0)) return undefined;
  return 'Danh mục chưa có thời hạn giải quyết của thủ tục này: ngày hẹn trả của hồ sơ do cán bộ nhập ở bước 5 (Tiếp nhận), ghi rõ lý do hoặc căn cứ; nên báo quản trị bổ sung danh mục.';
}
