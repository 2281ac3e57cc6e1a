// What Trung tâm and Biên lai edit: fields of the Center's configuration (catalogue setting
// `receive`, desk/config.ts CenterConfig, printed on slips and receipts) and the idle lock
// (setting `idleLockMinutes`), the retention of returned dossiers at the counters (setting
// `retentionMonths`), each with the check the desks would otherwise meet too late.
import { UNIT_TAX_CODE_PATTERN } from '../../../shared/documents';
import { DEFAULT_CENTER_CONFIG } from '../../desk/config';
import { DEFAULT_RETENTION_MONTHS, MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS } from '../../db/retentionSetting';
import { MAX_IDLE_LOCK_MINUTES } from '../../security/idle';
import type { SettingField } from './SettingForm';

const httpUrl = (label: string) => (text: string) =>
  /^https?:\/\/[^\s/]+\S*$/.test(text) ? { value: text.replace(/\/+$/, '') } : { error: `${label} phải là địa chỉ đầy đủ, bắt đầu bằng http:// hoặc https://.` };
const within = (max: number, label: string) => (text: string) => (text.length <= max ? { value: text } : { error: `${label} tối đa ${max} ký tự.` });
const integer = (min: number, max: number, label: string) => (text: string) =>
  /^\d{1,4}$/.test(text) && Number(text) >= min && Number(text) <= max ? { value: Number(text) } : { error: `${label} là số nguyên từ ${min} đến ${max}.` };

export const CENTER_FIELDS: readonly SettingField[] = [
  { path: 'agency.parent', label: 'Cơ quan chủ quản (dòng đầu phiếu)', fallback: DEFAULT_CENTER_CONFIG.agency.parent, parse: within(200, 'Cơ quan chủ quản') },
  { path: 'agency.name', label: 'Tên Trung tâm (dòng thứ hai)', fallback: DEFAULT_CENTER_CONFIG.agency.name, parse: within(200, 'Tên Trung tâm') },
  { path: 'address', label: 'Địa chỉ', fallback: '', optional: true, parse: within(300, 'Địa chỉ'), hint: 'in trên giấy hẹn' },
  {
    path: 'hotline',
    label: 'Đường dây nóng',
    fallback: '',
    optional: true,
    parse: (t) => (/^\+?[0-9 .()-]{3,30}$/.test(t) ? { value: t } : { error: 'Đường dây nóng chỉ gồm chữ số, khoảng trắng và . ( ) - + (ví dụ 0238 3 555 666).' }),
  },
  {
    path: 'openingHours',
    label: 'Giờ làm việc',
    fallback: '',
    optional: true,
    wide: true,
    parse: within(200, 'Giờ làm việc'),
    hint: 'in trên giấy hẹn và trang tra cứu; để trống: theo các buổi của lịch làm việc',
  },
  { path: 'website', label: 'Trang web', fallback: '', optional: true, parse: httpUrl('Trang web') },
  {
    path: 'statusPageUrl',
    label: 'Trang tra cứu tình trạng hồ sơ',
    fallback: '',
    optional: true,
    parse: httpUrl('Trang tra cứu'),
    hint: '<địa chỉ máy chủ công khai>/tra-cuu; mã QR trên giấy hẹn mở trang này',
  },
  { path: 'place', label: 'Địa danh ghi ngày tháng', fallback: DEFAULT_CENTER_CONFIG.place, parse: within(100, 'Địa danh') },
  { path: 'deskPlace', label: 'Nơi trả kết quả (in trên giấy hẹn)', fallback: DEFAULT_CENTER_CONFIG.deskPlace, parse: within(300, 'Nơi trả kết quả') },
  { path: 'contactPhone', label: 'Số điện thoại liên hệ trên phiếu yêu cầu bổ sung', fallback: '', optional: true, parse: within(30, 'Số điện thoại') },
  {
    path: 'formSet',
    label: 'Bộ mẫu biểu',
    fallback: DEFAULT_CENTER_CONFIG.formSet,
    options: [
      { value: '2025', label: 'Mẫu năm 2025 (Thông tư 03–04/2025)' },
      { value: '2018', label: 'Mẫu năm 2018 (Thông tư 01/2018)' },
    ],
    parse: (t) => ({ value: t }),
  },
  { path: 'slipCopies', label: 'Số liên giấy hẹn', fallback: String(DEFAULT_CENTER_CONFIG.slipCopies), parse: integer(1, 5, 'Số liên giấy hẹn') },
];

export const IDLE_FIELDS: readonly SettingField[] = [{ path: 'minutes', label: 'Tự khoá màn hình sau (phút không thao tác)', fallback: '5', parse: integer(1, MAX_IDLE_LOCK_MINUTES, 'Số phút') }];

export const RETENTION_FIELDS: readonly SettingField[] = [
  {
    path: 'months',
    label: 'Số tháng quầy giữ hồ sơ đã trả kết quả',
    fallback: String(DEFAULT_RETENTION_MONTHS),
    parse: integer(MIN_RETENTION_MONTHS, MAX_RETENTION_MONTHS, 'Số tháng lưu giữ'),
    hint: 'quá hạn này hồ sơ rời máy quầy; máy chủ vẫn giữ và quầy tải lại khi cần',
  },
];

export const RECEIPT_FIELDS: readonly SettingField[] = [
  { path: 'unitName', label: 'Đơn vị thu', fallback: DEFAULT_CENTER_CONFIG.unitName, parse: within(200, 'Tên đơn vị thu') },
  {
    path: 'unitTaxCode',
    label: 'Mã số thuế',
    fallback: '',
    parse: (t) => (UNIT_TAX_CODE_PATTERN.test(t) ? { value: t } : { error: 'Mã số thuế gồm 10 chữ số, hoặc 10 chữ số - 3 chữ số cho đơn vị phụ thuộc (ví dụ 2900325123 hoặc 2900325123-001).' }),
  },
  {
    path: 'receiptFormSymbol',
    label: 'Ký hiệu mẫu biên lai',
    fallback: DEFAULT_CENTER_CONFIG.receiptFormSymbol,
    parse: (t) => (/^[0-9A-Z]{1,20}$/.test(t) ? { value: t } : { error: 'Ký hiệu mẫu gồm chữ in hoa không dấu và số (ví dụ EBL01).' }),
  },
  {
    path: 'receiptSeries',
    label: 'Ký hiệu biên lai theo năm',
    fallback: DEFAULT_CENTER_CONFIG.receiptSeries,
    hint: '{yy} là hai số cuối của năm: {yy}TAA cho năm 2026 là 26TAA',
    parse: (t) =>
      /^[0-9A-Z{}y]{1,20}$/.test(t) && /^[0-9A-Z]+$/.test(t.replace('{yy}', '26')) ? { value: t } : { error: 'Ký hiệu biên lai gồm chữ in hoa không dấu, số và {yy} cho năm (ví dụ {yy}TAA).' },
  },
  { path: 'receiptLookupUrl', label: 'Trang tra cứu biên lai điện tử', fallback: '', optional: true, parse: httpUrl('Trang tra cứu biên lai') },
];
