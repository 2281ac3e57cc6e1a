// Minimal but real checks of an event's own content, independent of the dossier's state.
// Events arrive from other machines as JSON, so every field is checked as if untyped.
// Each check returns a Vietnamese sentence for staff, or undefined when the event is sound.
import { CAPTURE_SOURCES, CENTER_CARGOES, DIGITISATION_EXEMPTIONS, DIGITISED_MEDIA_TYPES, KNOWN_RULE_VERSIONS, NOTICE_CHANNELS, TRANSFER_METHODS } from './types';
import type { Applicant, DossierEvent, ReceivedDocument } from './types';
import { isInstant, parseInstant } from './time';
import { normalizePhone } from '../codes/phone';

const filled = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const oneOf = <T extends string>(v: unknown, values: readonly T[]): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);

/** The contact must fit the channel: SMS and Zalo reach a mobile number, a call also a landline. */
export function checkNoticeContact(channel: unknown, contact: unknown): string | undefined {
  if (!oneOf(channel, NOTICE_CHANNELS)) return 'Không rõ hình thức báo người nộp (SMS, điện thoại, thư điện tử, Zalo, bưu điện).';
  if (!filled(contact)) return 'Thiếu số điện thoại, địa chỉ thư điện tử hoặc địa chỉ nhận thư đã dùng để báo người nộp.';
  if (channel === 'sms' || channel === 'zalo' || channel === 'phone') {
    const phone = normalizePhone(contact);
    if (!phone.ok) return phone.error.message;
    if (channel !== 'phone' && phone.value.kind !== 'mobile') return 'Tin nhắn SMS, Zalo cần số điện thoại di động, không gửi được đến số cố định.';
  }
  if (channel === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact.trim())) return 'Địa chỉ thư điện tử không hợp lệ.';
  return undefined;
}

/** Why an exemption from digitising cannot be recorded, or undefined: the reason must let a supervisor check the choice. */
export function checkDigitisationExemption(exemption: unknown, reason: unknown): string | undefined {
  if (!oneOf(exemption, DIGITISATION_EXEMPTIONS)) return 'Chọn một trường hợp không phải số hóa theo Thông tư 03/2025.';
  if (typeof reason !== 'string' || reason.trim().length < 5) return 'Ghi rõ lý do không số hóa (ít nhất 5 ký tự), ví dụ số văn bản hoặc nơi nộp trực tuyến.';
  if (reason.length > 500) return 'Lý do không số hóa quá dài (tối đa 500 ký tự).';
  return undefined;
}

function checkDigitised(x: Record<string, unknown>): string | undefined {
  if (!Number.isInteger(x.line) || (x.line as number) < 0) return 'Không rõ giấy tờ nào trong danh mục được số hóa (số thứ tự dòng không hợp lệ).';
  if (!filled(x.documentName)) return 'Thiếu tên giấy tờ được số hóa.';
  if (x.kind === 'exempt') return checkDigitisationExemption(x.exemption, x.reason);
  if (x.kind !== 'copy') return 'Không rõ giấy tờ được số hóa hay được miễn số hóa.';
  if (typeof x.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(x.sha256)) return 'Mã SHA-256 của bản số hóa không hợp lệ (cần 64 ký tự thập lục phân).';
  if (!count(x.pages) || x.pages < 1) return 'Bản số hóa phải có ít nhất 1 trang.';
  if (!count(x.size) || x.size < 1) return 'Kích thước tệp số hóa không hợp lệ.';
  if (!oneOf(x.mediaType, DIGITISED_MEDIA_TYPES)) return 'Bản số hóa phải là tệp PDF hoặc ảnh JPEG, PNG.';
  return oneOf(x.source, CAPTURE_SOURCES) ? undefined : 'Không rõ bản số hóa lấy từ máy ảnh, máy quét hay tệp.';
}

function checkRecipient(r: unknown, what: string): string | undefined {
  const x = r as { name?: unknown; authorised?: unknown } | undefined;
  if (!filled(x?.name)) return `Thiếu họ tên người nhận ${what}.`;
  return typeof x.authorised === 'boolean' ? undefined : 'Chưa ghi người nhận có phải người được ủy quyền hay không.';
}

function filledList(v: unknown): v is string[] {
  return Array.isArray(v) && v.length > 0 && v.every(filled);
}

export function checkApplicant(a: unknown): string | undefined {
  if (typeof a !== 'object' || a === null) return 'Thiếu thông tin người nộp hồ sơ.';
  const x = a as Partial<Record<keyof Applicant | 'taxCode' | 'representative' | 'idNumber', unknown>>;
  if (!filled(x.name)) return 'Thiếu họ tên (tên tổ chức) của người nộp hồ sơ.';
  if (x.kind === 'individual') return filled(x.idNumber) ? undefined : 'Thiếu số định danh cá nhân (CCCD, hộ chiếu) của người nộp.';
  if (x.kind === 'organisation') {
    if (!filled(x.taxCode)) return 'Thiếu mã số thuế (mã định danh) của tổ chức nộp hồ sơ.';
    return filled(x.representative) ? undefined : 'Thiếu người đại diện của tổ chức nộp hồ sơ.';
  }
  return 'Người nộp hồ sơ phải là cá nhân hoặc tổ chức.';
}

function checkDocuments(docs: unknown, atLeastOne: boolean): string | undefined {
  if (!Array.isArray(docs)) return 'Thiếu danh mục giấy tờ trong hồ sơ.';
  if (atLeastOne && docs.length === 0) return 'Danh mục giấy tờ bổ sung đang trống.';
  for (const d of docs as Partial<ReceivedDocument>[]) {
    if (!filled(d?.name)) return 'Có giấy tờ chưa ghi tên trong danh mục.';
    if (!count(d.originals) || !count(d.certifiedCopies) || !count(d.copies)) {
      return `Số bản chính, bản sao chứng thực, bản sao của “${d.name}” phải là số nguyên không âm.`;
    }
  }
  return undefined;
}

function checkPeriod(receivedAt: unknown, dueAt: unknown): string | undefined {
  if (!isInstant(receivedAt)) return 'Thời gian tiếp nhận không hợp lệ (cần ngày giờ ISO 8601 có múi giờ).';
  if (!isInstant(dueAt)) return 'Thời gian hẹn trả kết quả không hợp lệ (cần ngày giờ ISO 8601 có múi giờ).';
  if ((parseInstant(dueAt) as number) <= (parseInstant(receivedAt) as number)) {
    return 'Thời gian hẹn trả kết quả phải sau thời gian tiếp nhận.';
  }
  return undefined;
}

/** The envelope every event carries. A rule version this build does not know is reported apart. */
export function checkMeta(e: DossierEvent): { unknownRuleVersion: boolean; problem?: string } {
  if (!filled(e.id)) return { unknownRuleVersion: false, problem: 'Sự kiện thiếu mã định danh (id).' };
  if (!filled(e.dossierId)) return { unknownRuleVersion: false, problem: 'Sự kiện thiếu mã định danh hồ sơ (dossierId).' };
  if (!filled(e.officerId)) return { unknownRuleVersion: false, problem: 'Sự kiện thiếu cán bộ thực hiện.' };
  if (!filled(e.counterId)) return { unknownRuleVersion: false, problem: 'Sự kiện thiếu quầy thực hiện.' };
  if (!isInstant(e.deviceTime)) return { unknownRuleVersion: false, problem: 'Giờ máy ghi trên sự kiện không hợp lệ.' };
  if (!KNOWN_RULE_VERSIONS.includes(e.ruleVersion)) {
    return { unknownRuleVersion: true, problem: `Phiên bản quy tắc “${String(e.ruleVersion)}” chưa được phần mềm này hỗ trợ; hãy cập nhật phần mềm.` };
  }
  return { unknownRuleVersion: false };
}

export function checkPayload(e: DossierEvent): string | undefined {
  const p = e.payload as unknown;
  if (typeof p !== 'object' || p === null) return 'Sự kiện thiếu nội dung.';
  switch (e.type) {
    case 'received': {
      const x = e.payload;
      if (!filled(x.code)) return 'Thiếu mã hồ sơ.';
      if (!filled(x.procedureCode) || !filled(x.procedureName)) return 'Thiếu thủ tục hành chính được yêu cầu.';
      if (!filled(x.departmentId)) return 'Thiếu cơ quan giải quyết hồ sơ.';
      const problem = checkApplicant(x.applicant) ?? checkDocuments(x.documents, false) ?? checkPeriod(x.receivedAt, x.dueAt);
      if (problem) return problem;
      if (!count(x.sets) || x.sets < 1) return 'Số bộ hồ sơ phải từ 1 trở lên.';
      if (!count(x.processingDays)) return 'Thời hạn giải quyết (số ngày) phải là số nguyên không âm.';
      const c = x.collection as { method?: unknown; address?: unknown } | undefined;
      if (c?.method !== 'desk' && c?.method !== 'post') return 'Chưa chọn nơi nhận kết quả (tại quầy hoặc qua bưu điện).';
      if (c.method === 'post' && !filled(c.address)) return 'Nhận kết quả qua bưu điện cần địa chỉ nhận.';
      if (!Array.isArray(x.fees) || !x.fees.every((f) => filled(f?.name) && count(f.amount))) {
        return 'Các khoản phí, lệ phí cần có tên và số tiền (đồng) là số nguyên không âm.';
      }
      if (x.route !== undefined) {
        if (!filled(x.route.receivingCenter) || !filled(x.route.returnCenter)) return 'Hồ sơ phi địa giới cần ghi trung tâm tiếp nhận và trung tâm trả kết quả.';
        if (!oneOf(x.route.transfer, TRANSFER_METHODS)) return 'Hồ sơ phi địa giới cần ghi cách chuyển đến cơ quan có thẩm quyền (bưu chính hoặc điện tử).';
      }
      return undefined;
    }
    case 'supplementRequested': {
      const x = e.payload;
      if (!oneOf(x.by, ['counter', 'department'] as const)) return 'Không rõ ai yêu cầu bổ sung (quầy hay cơ quan giải quyết).';
      if (!filledList(x.items)) return 'Phiếu yêu cầu bổ sung phải liệt kê ít nhất một giấy tờ cần bổ sung, hoàn thiện.';
      if (!filled(x.reason)) return 'Phiếu yêu cầu bổ sung phải ghi rõ lý do; mọi yêu cầu phải bằng văn bản.';
      if (!filled(x.contact?.officerName)) return 'Phiếu yêu cầu bổ sung phải ghi cán bộ đầu mối để liên hệ.';
      return x.applicant === undefined ? undefined : checkApplicant(x.applicant);
    }
    case 'supplementSupplied':
      return checkDocuments(e.payload.documents, true) ?? checkPeriod(e.payload.receivedAt, e.payload.dueAt);
    case 'refused': {
      const x = e.payload;
      if (!oneOf(x.by, ['counter', 'department'] as const)) return 'Không rõ ai từ chối (quầy hay cơ quan giải quyết).';
      if (!filledList(x.reasons)) return 'Phiếu từ chối phải ghi rõ lý do cụ thể; mọi yêu cầu phải bằng văn bản.';
      return x.applicant === undefined ? undefined : checkApplicant(x.applicant);
    }
    case 'handedToCourier': {
      const x = e.payload;
      if (!filled(x.batchId)) return 'Thiếu mã lô bàn giao.';
      if (!oneOf(x.direction, ['toDepartment', 'toCenter'] as const)) return 'Không rõ chiều chuyển hồ sơ.';
      if (!filled(x.courierName)) return 'Thiếu tên nhân viên bưu điện nhận hồ sơ.';
      return filled(x.departmentId) ? undefined : 'Thiếu cơ quan giải quyết nhận hồ sơ.';
    }
    case 'deliveredToDepartment':
      if (!filled(e.payload.batchId)) return 'Thiếu mã lô bàn giao.';
      if (!isInstant(e.payload.at)) return 'Thời gian giao hồ sơ không hợp lệ.';
      return e.payload.dueAt === undefined ? undefined : checkPeriod(e.payload.at, e.payload.dueAt);
    case 'deliveryDisputed':
      if (!filled(e.payload.batchId)) return 'Thiếu mã lô bàn giao.';
      return filled(e.payload.note) ? undefined : 'Khiếu nại bàn giao cần ghi rõ nội dung.';
    case 'resultDispatched':
      if (!filled(e.payload.batchId)) return 'Thiếu mã lô bàn giao.';
      return oneOf(e.payload.outcome, ['result', 'supplement', 'refusal'] as const) ? undefined : 'Không rõ cơ quan giải quyết gửi gì về.';
    case 'resultReceived': {
      const x = e.payload;
      if (!filled(x.batchId)) return 'Thiếu mã lô bàn giao.';
      if (!oneOf(x.outcome, ['result', 'supplement', 'refusal'] as const)) return 'Không rõ cơ quan giải quyết gửi gì về.';
      if (x.outcome === 'supplement' && !filledList(x.items)) return 'Yêu cầu bổ sung của cơ quan giải quyết phải liệt kê giấy tờ cần bổ sung.';
      if (x.outcome === 'refusal' && !filledList(x.reasons)) return 'Văn bản từ chối của cơ quan giải quyết phải ghi rõ lý do.';
      if (x.deliveryUnconfirmed !== undefined && typeof x.deliveryUnconfirmed !== 'boolean') return 'Dấu hiệu «chưa xác nhận giao hồ sơ» không hợp lệ.';
      if (x.atCenter !== undefined && !filled(x.atCenter)) return 'Mã trung tâm nhận kết quả không hợp lệ.';
      return undefined;
    }
    case 'sentToCenter': {
      const x = e.payload;
      if (!filled(x.batchId)) return 'Thiếu mã lô bàn giao.';
      if (!oneOf(x.carried, CENTER_CARGOES)) return 'Không rõ lô chuyển giấy tờ hồ sơ hay kết quả giải quyết.';
      if (!filled(x.fromCenter) || !filled(x.toCenter)) return 'Lô chuyển giữa các trung tâm cần ghi trung tâm gửi và trung tâm nhận.';
      if (x.fromCenter === x.toCenter) return 'Trung tâm nhận phải khác trung tâm gửi.';
      return filled(x.courierName) ? undefined : 'Thiếu tên nhân viên bưu điện nhận hồ sơ.';
    }
    case 'arrivedAtCenter': {
      const x = e.payload;
      if (!filled(x.batchId)) return 'Thiếu mã lô bàn giao.';
      if (!oneOf(x.carried, CENTER_CARGOES)) return 'Không rõ lô chuyển giấy tờ hồ sơ hay kết quả giải quyết.';
      return filled(x.center) ? undefined : 'Thiếu trung tâm nhận lô.';
    }
    case 'returned': {
      const x = e.payload;
      if (!oneOf(x.method, ['desk', 'post'] as const)) return 'Không rõ hình thức trả kết quả.';
      const recipient = checkRecipient(x.recipient, 'kết quả');
      if (recipient) return recipient;
      if (x.method === 'post' && !filled(x.postalItemNumber)) return 'Trả qua bưu điện cần số hiệu bưu gửi.';
      return isInstant(x.at) ? undefined : 'Thời gian trả kết quả không hợp lệ.';
    }
    case 'apologyIssued': {
      const x = e.payload;
      if (!filled(x.reason)) return 'Văn bản xin lỗi phải nêu lý do chậm trễ.';
      if (!filled(x.responsibleOfficer)) return 'Văn bản xin lỗi phải ghi cán bộ chịu trách nhiệm.';
      if (typeof x.reasonValid !== 'boolean') return 'Chưa xác định lý do chậm trễ có chính đáng hay không.';
      return isInstant(x.newDueAt) ? undefined : 'Ngày hẹn trả mới không hợp lệ.';
    }
    case 'correctionRequested': {
      const x = e.payload;
      if (!oneOf(x.fault, ['agency', 'applicant'] as const)) return 'Không rõ sai sót do cơ quan hay do người nộp.';
      if (!filled(x.description)) return 'Yêu cầu đính chính phải mô tả sai sót.';
      return isInstant(x.newDueAt) ? undefined : 'Ngày hẹn trả mới không hợp lệ.';
    }
    case 'withdrawn':
      if (typeof e.payload.reason !== 'string') return 'Lý do rút hồ sơ không hợp lệ.';
      return filled(e.payload.requestedBy) ? undefined : 'Thiếu người đề nghị rút hồ sơ.';
    case 'feeCollected': {
      const x = e.payload;
      if (!filled(x.receipt?.formSymbol) || !filled(x.receipt.series)) return 'Biên lai thiếu ký hiệu mẫu hoặc ký hiệu biên lai.';
      if (!count(x.receipt.number) || x.receipt.number < 1 || x.receipt.number > 99_999_999) return 'Số biên lai phải từ 1 đến 99.999.999.';
      if (!count(x.amount) || x.amount < 1) return 'Số tiền thu phải là số đồng nguyên dương.';
      if (!oneOf(x.method, ['cash', 'transfer', 'card', 'online'] as const)) return 'Không rõ hình thức nộp tiền.';
      return filled(x.feeName) ? undefined : 'Thiếu tên khoản phí, lệ phí.';
    }
    case 'papersReturned': {
      const x = e.payload;
      if (x.stage === 'atCenter') return filled(x.batchId) ? undefined : 'Thiếu mã lô nhận từ bưu điện đã mang giấy tờ về.';
      if (x.stage !== 'toApplicant') return 'Không rõ giấy tờ về Trung tâm hay trả lại người nộp.';
      const recipient = checkRecipient(x.recipient, 'lại giấy tờ');
      if (recipient) return recipient;
      return isInstant(x.at) ? undefined : 'Thời gian trả lại giấy tờ không hợp lệ.';
    }
    case 'applicantNotified': {
      const x = e.payload;
      const contact = checkNoticeContact(x.channel, x.contact);
      if (contact) return contact;
      if (!filled(x.message)) return 'Thiếu nội dung đã báo cho người nộp.';
      if (x.message.length > 2000) return 'Nội dung báo người nộp quá dài (tối đa 2.000 ký tự).';
      if (typeof x.early !== 'boolean') return 'Chưa ghi kết quả có trước hạn hay không.';
      return isInstant(x.at) ? undefined : 'Thời gian báo người nộp không hợp lệ.';
    }
    case 'documentDigitised':
      return checkDigitised(e.payload as unknown as Record<string, unknown>);
    default:
      return 'Loại sự kiện không được hỗ trợ.';
  }
}
