// How the change log (changes.ts) reads a procedure, a department and a calendar year: field names in
// Vietnamese, and lists (fees, documents, days) as staff write them rather than as JSON.
import { documentEntry, RECEIVING_LEVEL_LABELS, type ProcedureDocument, type ProcedureFee, type ReceivingLevel } from '../../../../shared/catalogue';
import { formatVnd } from '../../../../shared/codes';
import { formatVietnamDate } from '../../../../shared/domain';

export const CATALOGUE_FIELDS: Record<string, string> = {
  code: 'Mã',
  id: 'Mã',
  localCode: 'Mã địa phương',
  name: 'Tên',
  field: 'Lĩnh vực',
  departmentId: 'Mã cơ quan',
  departmentName: 'Cơ quan giải quyết',
  agencyNote: 'Ghi chú cơ quan',
  processingDays: 'Thời hạn (ngày làm việc)',
  processingHours: 'Thời hạn (giờ)',
  fees: 'Phí, lệ phí',
  feeNote: 'Ghi chú về phí',
  documents: 'Thành phần hồ sơ',
  documentNotes: 'Ghi chú thành phần hồ sơ',
  collectionMethods: 'Cách trả kết quả',
  receivingLevels: 'Cấp tiếp nhận',
  formVersion: 'Bộ mẫu biểu',
  source: 'Nguồn',
  demo: 'Dữ liệu mẫu',
  incomplete: 'Còn thiếu',
  shortName: 'Tên viết tắt',
  holidays: 'Ngày nghỉ công bố thêm',
  workingDays: 'Ngày làm bù',
};

const METHODS: Record<string, string> = { desk: 'Tại Trung tâm', post: 'Qua bưu chính', online: 'Trực tuyến' };
const list = (items: string[]) => (items.length === 0 ? '(trống)' : items.join('; '));
const days = (value: unknown) => list((value as { date: string; name: string }[]).map((d) => `${formatVietnamDate(d.date)} ${d.name}`));

export const CATALOGUE_VALUES: Record<string, (value: unknown) => string> = {
  fees: (value) => ((value as ProcedureFee[]).length === 0 ? 'không thu phí' : list((value as ProcedureFee[]).map((f) => `${f.name}: ${f.amount === null ? 'chưa rõ mức' : formatVnd(f.amount)}`))),
  documents: (value) => list((value as ProcedureDocument[]).map(documentEntry)),
  collectionMethods: (value) => list((value as string[]).map((m) => METHODS[m] ?? m)),
  receivingLevels: (value) => list((value as ReceivingLevel[]).map((l) => RECEIVING_LEVEL_LABELS[l] ?? l)),
  holidays: days,
  workingDays: days,
};
