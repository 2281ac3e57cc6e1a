// The printer and scanner settings as staff type them, and their validation: every field's problem
// in Vietnamese, keyed by field, so the form shows it where it belongs.
import type { KioskSettings, PaperSize, PrinterConfig, PrinterTransport } from '../../../shared/host';

export type PrintRole = PrinterConfig['roles'][number];
export type EditableTransport = Exclude<PrinterTransport, 'virtual'>;

export const PRINT_ROLES: readonly PrintRole[] = ['slip', 'receipt', 'handover', 'form', 'ticket'];
export const PAPER_SIZES: readonly PaperSize[] = ['80mm', '58mm', 'A5', 'A4'];
export const TRANSPORTS: readonly EditableTransport[] = ['network', 'usb', 'device', 'system'];
export const BAUD_RATES: readonly number[] = [9600, 19200, 38400, 57600, 115200];
export const MAX_COPIES = 5;

export const ROLE_LABELS: Record<PrintRole, string> = {
  slip: 'Giấy hẹn trả kết quả',
  receipt: 'Biên lai thu phí',
  handover: 'Biên bản giao nhận',
  form: 'Mẫu phiếu A4/A5',
  ticket: 'Phiếu số thứ tự (máy lấy số)',
};

export const TRANSPORT_LABELS: Record<EditableTransport, string> = {
  network: 'Mạng LAN (cổng 9100)',
  usb: 'USB trực tiếp',
  device: 'Tệp thiết bị',
  system: 'Máy in của hệ điều hành',
};

export const ADDRESS_HINTS: Record<EditableTransport, string> = {
  network: 'Ví dụ 192.168.1.50:9100 (không ghi cổng thì dùng 9100)',
  usb: 'Mã hãng:mã máy dạng hex, ví dụ 0416:5011',
  device: 'Đường dẫn thiết bị, ví dụ /dev/usb/lp0',
  system: 'Tên máy in trong hệ điều hành, ví dụ EPSON_L3150',
};

export const PAPER_LABELS: Record<PaperSize, string> = {
  '80mm': 'Giấy cuộn 80 mm',
  '58mm': 'Giấy cuộn 58 mm',
  A5: 'Khổ A5',
  A4: 'Khổ A4',
};

export interface PrinterDraft {
  id?: string;
  name: string;
  transport: EditableTransport;
  address: string;
  paper: PaperSize;
  roles: PrintRole[];
  /** As typed, per role. */
  copies: Record<PrintRole, string>;
}

export type FieldErrors = Partial<Record<string, string>>;

export function emptyPrinterDraft(): PrinterDraft {
  return { name: '', transport: 'network', address: '', paper: '80mm', roles: [], copies: { slip: '2', receipt: '1', handover: '2', form: '1', ticket: '1' } };
}

export function draftFromPrinter(p: PrinterConfig): PrinterDraft {
  const base = emptyPrinterDraft();
  const copies = { ...base.copies };
  for (const role of PRINT_ROLES) if (p.copies[role] !== undefined) copies[role] = String(p.copies[role]);
  return { id: p.id, name: p.name, transport: p.transport === 'virtual' ? 'network' : p.transport, address: p.address, paper: p.paper, roles: [...p.roles], copies };
}

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function addressProblem(transport: EditableTransport, raw: string): string | undefined {
  const address = raw.trim();
  if (!address) return 'Hãy nhập địa chỉ máy in.';
  switch (transport) {
    case 'network': {
      const m = /^(.+?)(?::(\d*))?$/.exec(address)!;
      const host = m[1]!;
      const port = m[2];
      const ip = IPV4.exec(host);
      if (ip ? ip.slice(1).some((n) => Number(n) > 255) : !HOSTNAME.test(host) || /^[\d.]+$/.test(host)) {
        return `"${host}" không phải địa chỉ IP hay tên máy hợp lệ. ${ADDRESS_HINTS.network}.`;
      }
      if (port !== undefined && (port === '' || Number(port) < 1 || Number(port) > 65535)) return 'Cổng phải là số từ 1 đến 65535 (máy in mạng thường dùng 9100).';
      return undefined;
    }
    case 'usb':
      return /^(?:0x)?[0-9a-f]{4}:(?:0x)?[0-9a-f]{4}$/i.test(address) ? undefined : `Địa chỉ USB cần dạng mã hãng:mã máy, ví dụ 0416:5011.`;
    case 'device':
      return /^\/dev\/\S+$/.test(address) || /^\\\\\.\\\S+$/.test(address) || /^(?:LPT|COM)\d{1,2}:?$/i.test(address)
        ? undefined
        : 'Đường dẫn thiết bị cần dạng /dev/usb/lp0 (Linux) hoặc \\\\.\\COM3, LPT1 (Windows).';
    case 'system':
      return address.length > 200 ? 'Tên máy in quá dài (tối đa 200 ký tự).' : undefined;
  }
}

/** Roles whose documents are drawn for an A4/A5 sheet: on a roll they print, but not as the official form. */
const SHEET_ROLES: readonly PrintRole[] = ['form'];

/**
 * Said (not refused) when a sheet role is given to a roll printer: the forms would come out
 * re-laid for the roll, which is no official A4/A5 form to hand over or file.
 */
export function rolePaperWarning(draft: Pick<PrinterDraft, 'paper' | 'roles'>): string | undefined {
  if (draft.paper !== '58mm' && draft.paper !== '80mm') return undefined;
  const onRoll = SHEET_ROLES.filter((role) => draft.roles.includes(role));
  if (onRoll.length === 0) return undefined;
  return `${onRoll.map((r) => ROLE_LABELS[r]).join(', ')} sẽ in trên ${PAPER_LABELS[draft.paper].toLowerCase()}: các mẫu được dàn lại cho giấy cuộn, không phải bản A4/A5 đúng mẫu để giao cho công dân hay lưu hồ sơ. Nếu quầy có máy in A4/A5, hãy chọn việc này cho máy đó.`;
}

/** Checks a draft against the other printers; on success returns the config to save. */
export function validatePrinterDraft(
  draft: PrinterDraft,
  others: readonly PrinterConfig[],
  newId: () => string = () => crypto.randomUUID(),
): { ok: true; printer: PrinterConfig } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = draft.name.trim().replace(/\s+/g, ' ');
  const rest = others.filter((p) => p.id !== draft.id);
  if (!name) errors.name = 'Hãy đặt tên máy in, ví dụ "Máy in phiếu quầy 3".';
  else if (name.length > 80) errors.name = 'Tên máy in tối đa 80 ký tự.';
  else if (rest.some((p) => p.name.trim().toLowerCase() === name.toLowerCase())) errors.name = `Đã có máy in tên "${name}". Hãy đặt tên khác để khỏi nhầm.`;

  if (!TRANSPORTS.includes(draft.transport)) errors.transport = 'Hãy chọn cách kết nối máy in.';
  else {
    const problem = addressProblem(draft.transport, draft.address);
    if (problem) errors.address = problem;
  }
  if (!PAPER_SIZES.includes(draft.paper)) errors.paper = 'Hãy chọn khổ giấy.';
  if (draft.roles.length === 0) errors.roles = 'Hãy chọn ít nhất một loại giấy tờ máy này in.';
  const taken = draft.roles.filter((role) => rest.some((p) => p.roles.includes(role)));
  if (taken.length > 0) {
    errors.roles = taken.map((role) => `${ROLE_LABELS[role]} đang được in ở máy "${rest.find((p) => p.roles.includes(role))!.name}"`).join('; ') + '. Bỏ chọn ở máy kia trước.';
  }
  const copies: Partial<Record<string, number>> = {};
  for (const role of draft.roles) {
    const raw = draft.copies[role].trim();
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < 1 || n > MAX_COPIES) errors[`copies.${role}`] = `Số bản in ${ROLE_LABELS[role].toLowerCase()} phải là số nguyên từ 1 đến ${MAX_COPIES}.`;
    else copies[role] = n;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const roles = PRINT_ROLES.filter((r) => draft.roles.includes(r));
  return { ok: true, printer: { id: draft.id ?? newId(), name, transport: draft.transport, address: draft.address.trim(), paper: draft.paper, roles, copies } };
}

/** The printers after saving `printer` (replacing the one with its id, else appended). */
export function withPrinter(printers: readonly PrinterConfig[], printer: PrinterConfig): PrinterConfig[] {
  return printers.some((p) => p.id === printer.id) ? printers.map((p) => (p.id === printer.id ? printer : p)) : [...printers, printer];
}

export function withoutPrinter(printers: readonly PrinterConfig[], id: string): PrinterConfig[] {
  return printers.filter((p) => p.id !== id);
}

export interface ScannerDraft {
  enabled: boolean;
  path: string;
  baudRate: string;
}

export function scannerDraft(settings: Pick<KioskSettings, 'scannerPort'>): ScannerDraft {
  return settings.scannerPort ? { enabled: true, path: settings.scannerPort.path, baudRate: String(settings.scannerPort.baudRate) } : { enabled: false, path: '', baudRate: '9600' };
}

/** The `scannerPort` setting to save (null = keyboard-mode scanners only). */
export function validateScannerDraft(draft: ScannerDraft): { ok: true; scannerPort: KioskSettings['scannerPort'] } | { ok: false; errors: FieldErrors } {
  if (!draft.enabled) return { ok: true, scannerPort: null };
  const errors: FieldErrors = {};
  const path = draft.path.trim();
  if (!path) errors.path = 'Hãy chọn cổng nối tiếp của máy quét (ví dụ /dev/ttyACM0 hoặc COM3).';
  const baud = Number(draft.baudRate);
  if (!BAUD_RATES.includes(baud)) errors.baudRate = `Tốc độ baud phải là một trong ${BAUD_RATES.join(', ')} (xem nhãn máy quét; thường là 9600).`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, scannerPort: { path, baudRate: baud } };
}
