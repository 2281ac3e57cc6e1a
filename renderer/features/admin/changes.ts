// How a recorded change reads to the administrator: the action in Vietnamese and, field by field,
// what it was and what it became.
import { formatVietnamDateTime } from '../../../shared/domain';
import type { AdminChange } from '../../../shared/sync/adminProtocol';
import { ROLE_LABELS } from '../../security/roles';
import { CATALOGUE_FIELDS, CATALOGUE_VALUES } from './catalogue/changeText';

const ACTIONS: Record<string, string> = {
  'staff.create': 'Tạo tài khoản',
  'staff.update': 'Sửa tài khoản',
  'staff.passwordReset': 'Đặt lại mật khẩu',
  'staff.disable': 'Khoá tài khoản',
  'staff.enable': 'Mở khoá tài khoản',
  'device.enrolmentCode': 'Cấp mã đăng ký quầy',
  'device.revoke': 'Thu hồi máy quầy',
  'catalogue.put': 'Lưu',
  'catalogue.delete': 'Xoá khỏi danh mục',
  'catalogue.import': 'Nhập danh mục',
  'calendar.save': 'Lưu lịch làm việc',
  'noticeTemplate.put': 'Sửa mẫu thông báo',
  'noticeTemplate.reset': 'Đưa mẫu thông báo về mặc định',
  'center.create': 'Thêm trung tâm',
  'center.update': 'Sửa trung tâm',
  'center.import': 'Nhập danh sách trung tâm',
  'center.catalogue.put': 'Lưu cấu hình riêng của trung tâm',
  'center.catalogue.delete': 'Bỏ cấu hình riêng của trung tâm',
};

const TARGETS: Record<string, string> = {
  staff: 'Tài khoản',
  device: 'Máy quầy',
  'catalogue/procedure': 'Thủ tục',
  'catalogue/department': 'Cơ quan giải quyết',
  'catalogue/holiday': 'Ngày nghỉ lễ',
  'catalogue/workingDaySwap': 'Ngày làm bù / nghỉ bù',
  'catalogue/formVersion': 'Bộ mẫu biểu',
  'catalogue/setting': 'Cấu hình',
  calendar: 'Lịch làm việc năm',
  noticeTemplate: 'Mẫu thông báo',
  center: 'Trung tâm',
};

export function actionLabel(action: string): string {
  return ACTIONS[action] ?? action;
}

/** `catalogue/setting` + `receive` → "Cấu hình receive"; a center's own item `center/xa-a/setting` + `scope` → "Trung tâm xa-a: Cấu hình scope". */
export function targetLabel(change: Pick<AdminChange, 'targetKind' | 'targetKey'>): string {
  const own = /^center\/([^/]*)\/(.+)$/.exec(change.targetKind);
  if (own) return `Trung tâm ${own[1]}: ${targetLabel({ targetKind: `catalogue/${own[2]}`, targetKey: change.targetKey })}`;
  return `${TARGETS[change.targetKind] ?? change.targetKind} ${change.targetKey}`;
}

/** The fields of the records the section changes, as staff read them; a field not listed shows its own name. */
const FIELDS: Record<string, string> = {
  username: 'Tên đăng nhập',
  fullName: 'Họ tên',
  roles: 'Vai trò',
  disabled: 'Đã khoá',
  counters: 'Quầy được đăng nhập',
  mustChangePassword: 'Phải đổi mật khẩu',
  passwordChanged: 'Đổi mật khẩu',
  counterId: 'Mã quầy',
  counterName: 'Tên quầy',
  site: 'Điểm tiếp nhận',
  expiresAt: 'Hết hạn',
  revokedAt: 'Thu hồi lúc',
  ...CATALOGUE_FIELDS,
  minutes: 'Số phút tự khoá',
  agency: 'Cơ quan chủ quản / tên Trung tâm',
  place: 'Địa danh',
  deskPlace: 'Nơi trả kết quả',
  address: 'Địa chỉ',
  hotline: 'Đường dây nóng',
  website: 'Trang web',
  statusPageUrl: 'Trang tra cứu hồ sơ',
  contactPhone: 'Điện thoại liên hệ',
  formSet: 'Bộ mẫu biểu',
  slipCopies: 'Số liên giấy hẹn',
  unitName: 'Đơn vị thu',
  unitTaxCode: 'Mã số thuế',
  receiptFormSymbol: 'Ký hiệu mẫu biên lai',
  receiptSeries: 'Ký hiệu biên lai',
  receiptLookupUrl: 'Trang tra cứu biên lai',
  openingHours: 'Giờ làm việc',
  months: 'Số tháng lưu giữ tại quầy',
  agencyCode: 'Mã cơ quan',
  level: 'Cấp',
  parentId: 'Trung tâm cấp trên',
  centerId: 'Trung tâm',
  phiDiaGioi: 'Danh sách phi địa giới',
  subject: 'Tiêu đề thư',
  body: 'Nội dung thư',
  sms: 'Nội dung SMS',
};

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function shown(value: unknown, field: string): string {
  if (value === undefined || value === null) return '(trống)';
  const catalogueText = CATALOGUE_VALUES[field];
  if (catalogueText && Array.isArray(value)) return catalogueText(value);
  if (field === 'procedures' && Array.isArray(value)) return value.map((p: { code?: unknown; level?: unknown }) => `${String(p.code)} (${p.level === 'tinh' ? 'cấp tỉnh' : 'cấp xã'})`).join(', ');
  if (field === 'roles' && Array.isArray(value)) return value.map((r: keyof typeof ROLE_LABELS) => ROLE_LABELS[r] ?? r).join(', ');
  if (typeof value === 'string') return value === '' ? '(trống)' : ISO_TIME.test(value) ? formatVietnamDateTime(value) : value;
  if (typeof value === 'boolean') return value ? 'có' : 'không';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.length === 0 ? '(trống)' : value.join(', ');
  if (typeof value === 'object' && Object.values(value).every((v) => typeof v === 'string')) return Object.values(value).join(' / ');
  return JSON.stringify(value);
}

/** The fields that differ between before and after (every field of a record created or removed). */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isRecord(before) && !isRecord(after)) return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ field: '', before: shown(before, ''), after: shown(after, '') }];
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => ({ field: FIELDS[field] ?? field, before: shown(b[field], field), after: shown(a[field], field) })).filter((change) => change.before !== change.after);
}
