// Vietnamese names staff read for statuses and actions.
import type { CaptureSource, DigitisationExemption, DossierEventType, DossierStatus, NoticeChannel, PapersLocation } from './types';

export const STATUS_LABELS: Readonly<Record<DossierStatus, string>> = {
  received: 'Đã tiếp nhận',
  withCourier: 'Đang chuyển đến cơ quan giải quyết',
  atDepartment: 'Đang ở cơ quan giải quyết',
  resultInTransit: 'Kết quả đang chuyển về Trung tâm',
  resultReady: 'Đã có kết quả, chờ trả',
  returned: 'Đã trả kết quả',
  awaitingSupplement: 'Chờ bổ sung hồ sơ',
  refused: 'Đã từ chối',
  withdrawn: 'Đã rút hồ sơ',
  correctionRequested: 'Đang đính chính kết quả',
};

/** The action an event records, as a verb phrase ("không thể …"). */
export const EVENT_ACTIONS: Readonly<Record<DossierEventType, string>> = {
  received: 'tiếp nhận hồ sơ',
  supplementRequested: 'yêu cầu bổ sung hồ sơ',
  supplementSupplied: 'ghi nhận hồ sơ bổ sung',
  refused: 'từ chối hồ sơ',
  handedToCourier: 'bàn giao hồ sơ cho bưu điện',
  deliveredToDepartment: 'ghi nhận bưu điện đã giao hồ sơ đến cơ quan giải quyết',
  deliveryDisputed: 'ghi nhận khiếu nại về việc bàn giao',
  resultDispatched: 'ghi nhận cơ quan giải quyết gửi kết quả',
  resultReceived: 'nhận kết quả từ bưu điện',
  sentToCenter: 'chuyển hồ sơ sang trung tâm khác',
  arrivedAtCenter: 'nhận hồ sơ từ trung tâm khác',
  returned: 'trả kết quả',
  apologyIssued: 'ghi nhận văn bản xin lỗi và hẹn lại ngày trả kết quả',
  correctionRequested: 'yêu cầu đính chính kết quả',
  withdrawn: 'rút hồ sơ',
  feeCollected: 'thu phí, lệ phí',
  papersReturned: 'ghi nhận giấy tờ của hồ sơ đã dừng được trả về',
  applicantNotified: 'ghi nhận đã báo người nộp đến nhận',
  documentDigitised: 'ghi nhận số hóa giấy tờ',
};

export const CAPTURE_SOURCE_LABELS: Readonly<Record<CaptureSource, string>> = {
  camera: 'Máy ảnh tài liệu',
  scanner: 'Máy quét (thư mục theo dõi)',
  file: 'Tệp người nộp mang đến',
};

export const EXEMPTION_LABELS: Readonly<Record<DigitisationExemption, string>> = {
  submittedOnline: 'Hồ sơ đã nộp trực tuyến',
  shownOnly: 'Giấy tờ chỉ xuất trình để đối chiếu',
  otherAgencyOpinion: 'Ý kiến của cơ quan, đơn vị khác',
  classified: 'Tài liệu mật',
};

export const NOTICE_CHANNEL_LABELS: Readonly<Record<NoticeChannel, string>> = {
  sms: 'tin nhắn SMS',
  phone: 'điện thoại',
  email: 'thư điện tử',
  zalo: 'Zalo',
  post: 'thư qua bưu điện',
};

export const PAPERS_LABELS: Readonly<Record<PapersLocation, string>> = {
  away: 'Giấy tờ còn ở cơ quan giải quyết hoặc bưu điện',
  atCenter: 'Giấy tờ đã về Trung tâm, chờ trả người nộp',
  handedBack: 'Đã trả lại giấy tờ cho người nộp',
};

export const OUTCOME_LABELS: Readonly<Record<'result' | 'supplement' | 'refusal', string>> = {
  result: 'kết quả giải quyết',
  supplement: 'yêu cầu bổ sung hồ sơ',
  refusal: 'văn bản từ chối giải quyết',
};

export const PAYMENT_METHOD_LABELS: Readonly<Record<'cash' | 'transfer' | 'card' | 'online', string>> = {
  cash: 'tiền mặt',
  transfer: 'chuyển khoản',
  card: 'thẻ',
  online: 'thanh toán trực tuyến',
};

/** A center as staff read it: its name, or «trung tâm mã …» when this machine does not know the code. */
export function centerLabel(agencyCode: string, name: string | undefined): string {
  return name ?? `trung tâm mã ${agencyCode}`;
}

/** A phrase at the start of a sentence: its first letter in capitals («trung tâm …» → «Trung tâm …»). */
export function capitalised(text: string): string {
  return text.replace(/^./, (c) => c.toLocaleUpperCase('vi'));
}

export const CARGO_LABELS: Readonly<Record<'papers' | 'result', string>> = {
  papers: 'giấy tờ hồ sơ',
  result: 'kết quả giải quyết',
};
