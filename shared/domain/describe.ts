// One Vietnamese line per event: the rows of the control sheet (Mẫu 05) and of history lists.
import { CAPTURE_SOURCE_LABELS, CARGO_LABELS, capitalised, centerLabel, EXEMPTION_LABELS, NOTICE_CHANNEL_LABELS, OUTCOME_LABELS, PAYMENT_METHOD_LABELS } from './labels';
import { formatVietnamDateTime } from './time';
import { formatReceiptNumber } from '../codes/receiptNumber';
import type { DossierEvent, Recipient } from './types';

export interface DescribeContext {
  /** Department names by id, so a row reads "Sở Tư pháp" rather than an id. */
  departmentName?: (departmentId: string) => string | undefined;
  /** Center names by agency code, so a row reads "Trung tâm Phục vụ hành chính công xã Diễn Châu". */
  centerName?: (agencyCode: string) => string | undefined;
}

/** "1.250.000" — Vietnamese digit grouping. */
function groupDigits(amount: number): string {
  return Math.trunc(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const list = (items: readonly string[] | undefined) => (items ?? []).map((s) => s.trim()).join('; ');
const recipientName = (r: Recipient) => `${r.name}${r.authorised ? ' (người được ủy quyền)' : ''}`;
const BY = { counter: 'quầy tiếp nhận', department: 'cơ quan giải quyết' } as const;

export function describeEvent(event: DossierEvent, context: DescribeContext = {}): string {
  const department = (id: string) => context.departmentName?.(id) ?? `cơ quan giải quyết (${id})`;
  const center = (code: string) => centerLabel(code, context.centerName?.(code));
  switch (event.type) {
    case 'received': {
      const p = event.payload;
      return `Tiếp nhận hồ sơ ${p.code}: ${p.procedureName}; chuyển ${department(p.departmentId)}; hẹn trả ${formatVietnamDateTime(p.dueAt)}.`;
    }
    case 'supplementRequested': {
      const p = event.payload;
      return `Yêu cầu bổ sung, hoàn thiện hồ sơ (${BY[p.by]}): ${list(p.items)}. Lý do: ${p.reason.trim()}. Liên hệ: ${p.contact.officerName}${p.contact.phone ? `, ${p.contact.phone}` : ''}.`;
    }
    case 'supplementSupplied':
      return `Nhận hồ sơ bổ sung (${event.payload.documents.length} giấy tờ); tính lại thời hạn từ ${formatVietnamDateTime(event.payload.receivedAt)}, hẹn trả ${formatVietnamDateTime(event.payload.dueAt)}.`;
    case 'refused':
      return event.payload.by === 'counter' ? `Từ chối tiếp nhận hồ sơ. Lý do: ${list(event.payload.reasons)}.` : `Cơ quan giải quyết từ chối giải quyết hồ sơ. Lý do: ${list(event.payload.reasons)}.`;
    case 'handedToCourier': {
      const p = event.payload;
      return p.direction === 'toDepartment'
        ? `Bàn giao cho bưu điện (${p.courierName}), lô ${p.batchId}, chuyển đến ${department(p.departmentId)}.`
        : `Bưu điện (${p.courierName}) nhận kết quả tại ${department(p.departmentId)}, lô ${p.batchId}, chuyển về Trung tâm.`;
    }
    case 'deliveredToDepartment':
      return `Bưu điện giao hồ sơ đến cơ quan giải quyết lúc ${formatVietnamDateTime(event.payload.at)}, lô ${event.payload.batchId}.`;
    case 'deliveryDisputed':
      return `Khiếu nại bàn giao lô ${event.payload.batchId}: ${event.payload.note.trim()}.`;
    case 'resultDispatched':
      return `Cơ quan giải quyết gửi ${OUTCOME_LABELS[event.payload.outcome]} về Trung tâm, lô ${event.payload.batchId}.`;
    case 'resultReceived': {
      const p = event.payload;
      const detail = p.outcome === 'supplement' ? ` Cần bổ sung: ${list(p.items)}.` : p.outcome === 'refusal' ? ` Lý do: ${list(p.reasons)}.` : '';
      const unconfirmed = p.deliveryUnconfirmed ? ' Nhận khi bưu điện chưa xác nhận đã giao hồ sơ đến cơ quan giải quyết (cán bộ đã được cảnh báo).' : '';
      const where = p.atCenter !== undefined ? capitalised(center(p.atCenter)) : 'Trung tâm';
      return `${where} nhận ${OUTCOME_LABELS[p.outcome]} từ bưu điện, lô ${p.batchId}.${detail}${unconfirmed}`;
    }
    case 'sentToCenter': {
      const p = event.payload;
      return `Chuyển ${CARGO_LABELS[p.carried]} từ ${center(p.fromCenter)} sang ${center(p.toCenter)} qua bưu điện (${p.courierName}), lô ${p.batchId}.`;
    }
    case 'arrivedAtCenter': {
      const p = event.payload;
      return `${capitalised(center(p.center))} nhận ${CARGO_LABELS[p.carried]} chuyển đến, lô ${p.batchId}.`;
    }
    case 'returned': {
      const p = event.payload;
      const who = recipientName(p.recipient);
      return p.method === 'desk'
        ? `Trả kết quả tại quầy cho ${who} lúc ${formatVietnamDateTime(p.at)}.`
        : `Gửi trả kết quả qua bưu điện cho ${who}, số hiệu bưu gửi ${p.postalItemNumber ?? ''}, lúc ${formatVietnamDateTime(p.at)}.`;
    }
    case 'apologyIssued': {
      const p = event.payload;
      return `Văn bản xin lỗi và hẹn lại ngày trả kết quả: ${formatVietnamDateTime(p.newDueAt)}. Lý do: ${p.reason.trim()} (${p.reasonValid ? 'lý do chính đáng' : 'lý do không chính đáng'}; cán bộ chịu trách nhiệm: ${p.responsibleOfficer}).`;
    }
    case 'correctionRequested': {
      const p = event.payload;
      return `Yêu cầu đính chính kết quả (sai sót do ${p.fault === 'agency' ? 'cơ quan giải quyết' : 'người nộp hồ sơ'}): ${p.description.trim()}; hẹn trả ${formatVietnamDateTime(p.newDueAt)}.`;
    }
    case 'withdrawn': {
      const reason = event.payload.reason.trim();
      return `Rút hồ sơ theo đề nghị của ${event.payload.requestedBy}${reason ? `. Lý do: ${reason}` : ''}.`;
    }
    case 'feeCollected': {
      const p = event.payload;
      return `Thu phí, lệ phí “${p.feeName}”: ${groupDigits(p.amount)} đồng (${PAYMENT_METHOD_LABELS[p.method]}), biên lai mẫu ${p.receipt.formSymbol}, ký hiệu ${p.receipt.series}, số ${formatReceiptNumber(p.receipt.number)}.`;
    }
    case 'papersReturned': {
      const p = event.payload;
      return p.stage === 'atCenter'
        ? `Giấy tờ của hồ sơ đã dừng giải quyết về đến Trung tâm, lô ${p.batchId}; chờ trả lại người nộp.`
        : `Trả lại giấy tờ của hồ sơ đã dừng giải quyết cho ${recipientName(p.recipient)} lúc ${formatVietnamDateTime(p.at)}.`;
    }
    case 'applicantNotified': {
      const p = event.payload;
      // The contact stays in the event only: these lines are printed (Mẫu 05) and shown unmasked.
      return `Báo người nộp đến nhận${p.early ? ' (kết quả có sớm hạn)' : ''} qua ${NOTICE_CHANNEL_LABELS[p.channel]} lúc ${formatVietnamDateTime(p.at)}.`;
    }
    case 'documentDigitised': {
      const p = event.payload;
      const doc = `giấy tờ số ${p.line + 1} “${p.documentName}”`;
      return p.kind === 'copy'
        ? `Số hóa ${doc}: ${p.pages} trang, nguồn ${CAPTURE_SOURCE_LABELS[p.source].toLocaleLowerCase('vi')}.`
        : `Không số hóa ${doc}: ${EXEMPTION_LABELS[p.exemption].toLocaleLowerCase('vi')} (lý do: ${p.reason}).`;
    }
  }
}
