// Notices to the applicant when a dossier's status changes: which change makes which notice, what a
// notice may say (the placeholders), the Center's editable texts with their Vietnamese defaults, and
// the SMS form of a text. Pure: the server decides and sends them (server/notices/), the counter's
// supervisor panel names them.
import { parseDossierCode } from '../codes/dossierCode';
import { formatVnd } from '../codes/money';
import type { DossierEvent, DossierState, DossierStatus } from '../domain';
import { formatVietnamDate } from '../domain/time';
import { stripDiacritics } from '../text/fold';

/** The changes the applicant is told of (DOMAIN.md, "Queue, rating and notices"). */
export const NOTICE_KINDS = ['received', 'supplementRequested', 'feeDue', 'refused', 'stopped', 'resultReady', 'returned', 'late'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_KIND_LABELS: Readonly<Record<NoticeKind, string>> = {
  received: 'Đã tiếp nhận',
  supplementRequested: 'Yêu cầu bổ sung',
  feeDue: 'Có kết quả, cần nộp phí',
  refused: 'Từ chối',
  stopped: 'Dừng xử lý',
  resultReady: 'Đã có kết quả',
  returned: 'Đã trả kết quả',
  late: 'Trễ hẹn, hẹn lại ngày',
};

/** The channels a Center may configure; e-mail goes to the applicant's e-mail, SMS and Zalo to the mobile phone. */
export const NOTICE_SENDERS = ['email', 'sms', 'zalo'] as const;
export type NoticeSender = (typeof NOTICE_SENDERS)[number];

export const NOTICE_SENDER_LABELS: Readonly<Record<NoticeSender, string>> = { email: 'Thư điện tử', sms: 'SMS', zalo: 'Zalo' };

/**
 * What a notice may say. Chosen field by field from the dossier: nothing identifies the applicant
 * (no name, ID number, phone or address). `diaChiTraCuu`, `diaChiNgungNhan` (the page where the
 * applicant stops the notices), `tenTrungTam` and `diaChiNhan` come from the server's configuration
 * when the notice is sent; the rest is fixed when the status changes.
 */
export const NOTICE_PLACEHOLDERS = ['maHoSo', 'tenThuTuc', 'ngayHen', 'soTien', 'lyDo', 'giayTo', 'diaChiTraCuu', 'tenTrungTam', 'diaChiNhan', 'diaChiNgungNhan'] as const;
export type NoticePlaceholder = (typeof NOTICE_PLACEHOLDERS)[number];

/** What each placeholder becomes, for the administrator editing the texts. */
export const NOTICE_PLACEHOLDER_LABELS: Readonly<Record<NoticePlaceholder, string>> = {
  maHoSo: 'mã hồ sơ',
  tenThuTuc: 'tên thủ tục',
  ngayHen: 'ngày hẹn trả (hoặc ngày hẹn lại)',
  soTien: 'số tiền phí, lệ phí',
  lyDo: 'lý do (từ chối, dừng, trễ hẹn)',
  giayTo: 'giấy tờ cần bổ sung',
  diaChiTraCuu: 'đường dẫn trang tra cứu hồ sơ',
  tenTrungTam: 'tên Trung tâm',
  diaChiNhan: 'nơi nhận kết quả',
  diaChiNgungNhan: 'đường dẫn để ngừng nhận thông báo',
};
export type NoticeVars = Partial<Record<NoticePlaceholder, string>>;

/** The values fixed at the status change (the rest are filled in when sending). */
export interface NoticeFacts {
  kind: NoticeKind;
  vars: NoticeVars;
  /** For the status page link: the code and its secret (the link is built when sending). */
  statusSecret?: string;
  /**
   * The agency code of the center where the applicant collects the result and brings papers: the
   * route's return center across boundaries, else the center whose code the dossier bears. The
   * notice names that center (`tenTrungTam`, `diaChiNhan`) when it is sent.
   */
  collectAt?: string;
}

/**
 * The notice a fact makes, from the status before it and the state the shared reducer gave after it
 * (server/pushPlan.ts keeps both), or null. Only a dossier with its official code is told anything:
 * a letter handed over at the counter before reception went to the applicant in person. A result
 * ready while fees are still owed is told as `feeDue`, one notice for the one change.
 */
export function noticeOf(from: DossierStatus | undefined, event: DossierEvent, state: DossierState): NoticeFacts | null {
  if (!state.code) return null;
  const kind = kindOf(from, event, state);
  if (!kind) return null;
  const vars: NoticeVars = { maHoSo: state.code };
  if (state.procedureName) vars.tenThuTuc = state.procedureName;
  const appointment = state.newDueAt ?? state.dueAt;
  if (appointment) vars.ngayHen = formatVietnamDate(appointment);
  if (kind === 'feeDue') vars.soTien = formatVnd(state.feesDue - state.feesPaid);
  if (event.type === 'refused') vars.lyDo = event.payload.reasons.join('; ');
  if (event.type === 'resultReceived' && event.payload.reasons) vars.lyDo = event.payload.reasons.join('; ');
  if (event.type === 'withdrawn') vars.lyDo = event.payload.reason;
  if (event.type === 'supplementRequested') vars.giayTo = event.payload.items.join('; ');
  if (event.type === 'resultReceived' && event.payload.items) vars.giayTo = event.payload.items.join('; ');
  const parsed = parseDossierCode(state.code);
  const collectAt = state.route?.returnCenter ?? (parsed.ok ? parsed.value.agency : undefined);
  return { kind, vars, ...(state.statusSecret ? { statusSecret: state.statusSecret } : {}), ...(collectAt ? { collectAt } : {}) };
}

/**
 * Across boundaries the result is ready for the applicant only at the center they collect it at: a
 * result taken in, or arriving in a batch, at another center is forwarded and told of when it arrives
 * there. Where it is not known (a desk that did not say), it is told as before centers.
 */
function readyWhereCollected(state: DossierState): boolean {
  return !state.route || state.heldAt === undefined || state.heldAt === state.route.returnCenter;
}

function kindOf(from: DossierStatus | undefined, event: DossierEvent, state: DossierState): NoticeKind | null {
  if (from === state.status) return event.type === 'apologyIssued' ? 'late' : null;
  switch (state.status) {
    case 'received':
      // Papers arriving at another center were received long before: nothing new for the applicant.
      return event.type === 'arrivedAtCenter' ? null : 'received';
    case 'awaitingSupplement':
      return 'supplementRequested';
    case 'refused':
      return 'refused';
    case 'withdrawn':
      return 'stopped';
    case 'resultReady':
      if (!readyWhereCollected(state)) return null;
      return state.feesDue > state.feesPaid ? 'feeDue' : 'resultReady';
    case 'returned':
      return 'returned';
    default:
      return null;
  }
}

/** The texts of one kind: the e-mail's subject and body, and the SMS (Zalo sends its own registered template with the values). */
export interface NoticeTemplate {
  subject: string;
  body: string;
  sms: string;
}

const LOOKUP = 'Tra cứu tình trạng hồ sơ: {diaChiTraCuu}';
const SIGNATURE = '\n\n{tenTrungTam}\n(Thư gửi tự động, xin đừng trả lời thư này. Không muốn nhận thông báo về hồ sơ này: {diaChiNgungNhan})';

export const DEFAULT_NOTICE_TEMPLATES: Readonly<Record<NoticeKind, NoticeTemplate>> = {
  received: {
    subject: 'Hồ sơ {maHoSo} đã được tiếp nhận',
    body: `Hồ sơ {maHoSo} ({tenThuTuc}) đã được tiếp nhận. Ngày hẹn trả kết quả: {ngayHen}.\n${LOOKUP}${SIGNATURE}`,
    sms: 'Ho so {maHoSo} da duoc tiep nhan, hen tra ket qua ngay {ngayHen}. Tra cuu: {diaChiTraCuu}',
  },
  supplementRequested: {
    subject: 'Hồ sơ {maHoSo} cần bổ sung giấy tờ',
    body: `Hồ sơ {maHoSo} ({tenThuTuc}) cần bổ sung: {giayTo}.\nXin mang giấy tờ bổ sung đến {diaChiNhan}.\n${LOOKUP}${SIGNATURE}`,
    sms: 'Ho so {maHoSo} can bo sung giay to. Chi tiet: {diaChiTraCuu}',
  },
  feeDue: {
    subject: 'Hồ sơ {maHoSo} đã có kết quả, cần nộp {soTien}',
    body: `Hồ sơ {maHoSo} ({tenThuTuc}) đã có kết quả. Khi nhận kết quả xin nộp phí, lệ phí còn lại: {soTien}.\nNơi nhận: {diaChiNhan}.\n${LOOKUP}${SIGNATURE}`,
    sms: 'Ho so {maHoSo} da co ket qua, can nop {soTien} khi nhan. Tra cuu: {diaChiTraCuu}',
  },
  refused: {
    subject: 'Hồ sơ {maHoSo} không được giải quyết',
    body: `Hồ sơ {maHoSo} ({tenThuTuc}) không được giải quyết. Lý do: {lyDo}.\nXin đến {diaChiNhan} để nhận văn bản trả lời và giấy tờ.\n${LOOKUP}${SIGNATURE}`,
    sms: 'Ho so {maHoSo} khong duoc giai quyet. Chi tiet: {diaChiTraCuu}',
  },
  stopped: {
    subject: 'Hồ sơ {maHoSo} đã dừng xử lý',
    body: `Hồ sơ {maHoSo} ({tenThuTuc}) đã dừng xử lý theo đề nghị rút hồ sơ.\n${LOOKUP}${SIGNATURE}`,
    sms: 'Ho so {maHoSo} da dung xu ly theo de nghi rut ho so. Tra cuu: {diaChiTraCuu}',
  },
  resultReady: {
    subject: 'Hồ sơ {maHoSo} đã có kết quả',
    body: `Hồ sơ {maHoSo} ({tenThuTuc}) đã có kết quả. Xin mang phiếu hẹn và giấy tờ tùy thân đến nhận tại {diaChiNhan}.\n${LOOKUP}${SIGNATURE}`,
    sms: 'Ho so {maHoSo} da co ket qua, moi den nhan. Tra cuu: {diaChiTraCuu}',
  },
  returned: {
    subject: 'Hồ sơ {maHoSo} đã trả kết quả',
    body: `Kết quả của hồ sơ {maHoSo} ({tenThuTuc}) đã được trả. Cảm ơn Quý khách đã sử dụng dịch vụ.${SIGNATURE}`,
    sms: 'Ket qua ho so {maHoSo} da duoc tra. Cam on Quy khach.',
  },
  late: {
    subject: 'Hồ sơ {maHoSo} trễ hẹn, hẹn lại ngày {ngayHen}',
    body: `Trung tâm xin lỗi vì hồ sơ {maHoSo} ({tenThuTuc}) chưa có kết quả đúng hẹn. Ngày hẹn mới: {ngayHen}.\n${LOOKUP}${SIGNATURE}`,
    sms: 'Xin loi: ho so {maHoSo} tre hen, hen lai ngay {ngayHen}. Tra cuu: {diaChiTraCuu}',
  },
};

const PLACEHOLDER_RE = /\{([A-Za-z]+)\}/g;

/** Placeholders a text uses that are not in NOTICE_PLACEHOLDERS (a typo would go out as written). */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(NOTICE_PLACEHOLDERS);
  return [...new Set([...text.matchAll(PLACEHOLDER_RE)].map((m) => m[1]!).filter((n) => !known.has(n)))];
}

/** Fills the placeholders; a value not known for this notice becomes empty. */
export function fillNotice(text: string, vars: NoticeVars): string {
  return text.replace(PLACEHOLDER_RE, (whole, name: string) => ((NOTICE_PLACEHOLDERS as readonly string[]).includes(name) ? (vars[name as NoticePlaceholder] ?? '') : whole));
}

/**
 * SMS brandname: sent without diacritics by default (GSM 7-bit, 160 characters a part, 153 in a
 * long message; with diacritics a part holds only 70, and several carriers' brandname templates are
 * registered unaccented). Long values are cut so one notice stays within `NOTICE_SMS_MAX_CHARS`.
 */
export const NOTICE_SMS_MAX_CHARS = 306;
/** Longest each value may be in an SMS (the rest is cut with '...'); the link and the code are never cut. */
const SMS_VALUE_LIMITS: Partial<Record<NoticePlaceholder, number>> = { tenThuTuc: 40, lyDo: 60, giayTo: 60, tenTrungTam: 40, diaChiNhan: 60 };
/** The longest each value may be, for checking a template before it is saved. */
export const SMS_SAMPLE_LENGTHS: Readonly<Record<NoticePlaceholder, number>> = {
  maHoSo: 30,
  tenThuTuc: 40,
  ngayHen: 10,
  soTien: 16,
  lyDo: 60,
  giayTo: 60,
  diaChiTraCuu: 80,
  tenTrungTam: 40,
  diaChiNhan: 60,
  diaChiNgungNhan: 100,
};

/** The SMS form of a text: diacritics off (unless the gateway takes Unicode), no character outside plain ASCII. */
export function smsText(text: string, unaccented: boolean): string {
  const single = text.replace(/\s*\n+\s*/g, ' ');
  if (!unaccented) return single;
  return stripDiacritics(single)
    .replace(/₫/g, 'VND')
    .replace(/[–—]/g, '-')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/…/g, '...')
    .replace(/[^\x20-\x7e]/g, '');
}

/** The SMS of a notice: values cut to their SMS length, then the whole in SMS form. */
export function renderSms(template: string, vars: NoticeVars, unaccented: boolean): string {
  const cut: NoticeVars = { ...vars };
  for (const [name, limit] of Object.entries(SMS_VALUE_LIMITS) as [NoticePlaceholder, number][]) {
    const v = cut[name];
    if (v !== undefined && v.length > limit) cut[name] = `${v.slice(0, limit - 3).trimEnd()}...`;
  }
  return smsText(fillNotice(template, cut), unaccented);
}

/** What is wrong with a template before it is saved (Vietnamese, for the administrator), or null. */
export function templateProblem(t: NoticeTemplate, unaccentedSms: boolean): string | null {
  return templateFieldProblem(t, unaccentedSms)?.message ?? null;
}

/** The same, with the field it is about (subject, body or sms), so an editor shows it there. */
export function templateFieldProblem(t: NoticeTemplate, unaccentedSms: boolean): { field: keyof NoticeTemplate; message: string } | null {
  const fields = [
    ['subject', 'Tiêu đề thư', t.subject],
    ['body', 'Nội dung thư', t.body],
    ['sms', 'Nội dung SMS', t.sms],
  ] as const;
  for (const [field, label, text] of fields) {
    const unknown = unknownPlaceholders(text);
    if (unknown.length > 0) return { field, message: `${label} dùng ô không có: ${unknown.map((n) => `{${n}}`).join(', ')}. Các ô được dùng: ${NOTICE_PLACEHOLDERS.map((n) => `{${n}}`).join(', ')}.` };
  }
  const empty = fields.find(([, , text]) => text.trim() === '');
  if (empty) return { field: empty[0], message: 'Tiêu đề thư, nội dung thư và nội dung SMS đều không được để trống.' };
  if (t.subject.includes('\n')) return { field: 'subject', message: 'Tiêu đề thư chỉ được một dòng.' };
  const longest = Object.fromEntries(NOTICE_PLACEHOLDERS.map((n) => [n, 'x'.repeat(SMS_SAMPLE_LENGTHS[n])])) as NoticeVars;
  const sms = renderSms(t.sms, longest, unaccentedSms);
  if (sms.length > NOTICE_SMS_MAX_CHARS) return { field: 'sms', message: `Nội dung SMS dài tới ${sms.length} ký tự khi điền đủ các ô (tối đa ${NOTICE_SMS_MAX_CHARS}, tức hai tin). Hãy rút gọn.` };
  return null;
}

export type NoticeState = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';
export const NOTICE_STATE_LABELS: Readonly<Record<NoticeState, string>> = {
  pending: 'Chờ gửi',
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  failed: 'Gửi không được',
  cancelled: 'Đã hủy (người nộp từ chối nhận)',
};

/** A notice as `GET /v1/notices` lists it for a supervisor: the recipient masked, the reason of the last failure. */
export interface NoticeRecord {
  id: string;
  dossierId: string;
  dossierCode: string;
  kind: NoticeKind;
  channel: NoticeSender;
  /** Masked: the last three digits of a phone, the first letter and the domain of an e-mail. */
  recipient: string;
  state: NoticeState;
  attempts: number;
  lastError: string | null;
  nextAt: string;
  createdAt: string;
  sentAt: string | null;
  /** The applicant asked for no more notices about this dossier. */
  optedOut: boolean;
}

export interface NoticePage {
  notices: NoticeRecord[];
}

/** `0912345678` → `0912 *** 678`, `binh.nguyen@example.vn` → `b***@example.vn`. */
export function maskRecipient(recipient: string): string {
  const at = recipient.indexOf('@');
  if (at > 0) return `${recipient[0]}***${recipient.slice(at)}`;
  return `${recipient.slice(0, 4)} *** ${recipient.slice(-3)}`;
}
