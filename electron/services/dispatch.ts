// The one gate every host call passes, from Electron's IPC and from the web host alike:
// the call name must be in the contract and its arguments must have the contract's shape.
import { isHostCall, LOG_LIMITS, type HostCall, type HostError, type KioskHost } from '../../shared/host';

type Check = (args: unknown[]) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown, max = 10_000): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const isCount = (v: unknown, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

const MAX_RASTER_BASE64 = 8 * 1024 * 1024;
const MAX_HTML = 4 * 1024 * 1024;

const none: Check = (args) => (args.length === 0 ? undefined : 'không nhận tham số');

const LOG_LEVELS = new Set(['error', 'warn', 'info']);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** JSON size in UTF-8 bytes, or undefined for what JSON cannot carry (a cycle, a BigInt) that IPC's structured clone can. */
function jsonBytes(value: unknown): number | undefined {
  try {
    return Buffer.byteLength(JSON.stringify(value));
  } catch {
    return undefined;
  }
}

function logEntryProblem(entry: unknown, index: number): string | undefined {
  const where = `dòng nhật ký thứ ${index + 1}`;
  if (!isObject(entry)) return `${where} không phải một đối tượng`;
  const unknown = Object.keys(entry).filter((k) => !['level', 'at', 'message', 'context'].includes(k));
  if (unknown.length) return `${where} có mục lạ: ${unknown.join(', ').slice(0, 100)}`;
  if (typeof entry.level !== 'string' || !LOG_LEVELS.has(entry.level)) return `${where}: mức phải là error, warn hoặc info`;
  if (typeof entry.at !== 'string' || !ISO_TIME.test(entry.at)) return `${where}: thời điểm phải theo ISO 8601`;
  if (typeof entry.message !== 'string' || entry.message.length === 0 || Buffer.byteLength(entry.message) > LOG_LIMITS.messageBytes) {
    return `${where}: nội dung trống hoặc dài quá ${LOG_LIMITS.messageBytes} byte`;
  }
  if ('context' in entry && entry.context !== undefined) {
    const bytes = isObject(entry.context) ? jsonBytes(entry.context) : undefined;
    if (bytes === undefined || bytes > LOG_LIMITS.contextBytes) return `${where}: ngữ cảnh phải là một đối tượng JSON không quá ${LOG_LIMITS.contextBytes} byte`;
  }
  return undefined;
}

const CHECKS: Record<HostCall, Check> = {
  'app.info': none,
  'scanFolder.list': ([afterSeq, ...rest]) => (isCount(afterSeq, Number.MAX_SAFE_INTEGER) && rest.length === 0 ? undefined : 'cần số thứ tự tệp quét đã nhận'),
  'scanFolder.read': ([seq, ...rest]) => (isCount(seq, Number.MAX_SAFE_INTEGER) && rest.length === 0 ? undefined : 'cần số thứ tự tệp quét'),
  'printers.list': none,
  'printers.status': ([id, ...rest]) => (isString(id, 200) && rest.length === 0 ? undefined : 'cần mã máy in'),
  'printers.printRaster': ([job, ...rest]) => {
    if (!isObject(job) || rest.length) return 'cần một lệnh in';
    if (!isString(job.jobId, 200) || !isString(job.printerId, 200)) return 'thiếu mã lệnh in hoặc mã máy in';
    if (!isCount(job.widthDots, 2048) || (job.widthDots as number) % 8 !== 0) return 'độ rộng ảnh in không hợp lệ';
    if (!isCount(job.heightDots, 20_000)) return 'chiều cao ảnh in không hợp lệ';
    if (!isString(job.rasterBase64, MAX_RASTER_BASE64)) return 'dữ liệu ảnh in quá lớn hoặc trống';
    if (typeof job.cut !== 'boolean') return 'thiếu lựa chọn cắt giấy';
    return undefined;
  },
  'printers.printHtml': ([job, ...rest]) => {
    if (!isObject(job) || rest.length) return 'cần một lệnh in';
    if (!isString(job.jobId, 200) || !isString(job.printerId, 200)) return 'thiếu mã lệnh in hoặc mã máy in';
    if (!isString(job.html, MAX_HTML)) return 'nội dung in quá lớn hoặc trống';
    if (job.paper !== 'A4' && job.paper !== 'A5') return 'khổ giấy phải là A4 hoặc A5';
    return undefined;
  },
  'scanner.listPorts': none,
  'scanner.next': ([after, wait, ...rest]) => (isCount(after, Number.MAX_SAFE_INTEGER) && isCount(wait, 30_000) && rest.length === 0 ? undefined : 'tham số chờ quét không hợp lệ'),
  'settings.get': none,
  'settings.update': ([patch, ...rest]) => {
    if (!isObject(patch) || rest.length) return 'cần các mục cài đặt cần đổi';
    const allowed = new Set(['serverUrl', 'counterName', 'printers', 'scannerPort', 'scanFolderPath', 'queue', 'queueService']);
    const unknown = Object.keys(patch).filter((k) => !allowed.has(k));
    if (unknown.length) return `không có mục cài đặt: ${unknown.join(', ')}`;
    if ('serverUrl' in patch && !(isString(patch.serverUrl, 500) && /^https?:\/\//.test(patch.serverUrl))) return 'địa chỉ máy chủ phải bắt đầu bằng http:// hoặc https://';
    if ('counterName' in patch && !isString(patch.counterName, 100)) return 'tên quầy không hợp lệ';
    if ('printers' in patch && !Array.isArray(patch.printers)) return 'danh sách máy in không hợp lệ';
    if ('scanFolderPath' in patch && !(typeof patch.scanFolderPath === 'string' && patch.scanFolderPath.length <= 1000)) return 'thư mục máy quét không hợp lệ';
    if ('queue' in patch && patch.queue !== null) {
      const q = patch.queue;
      if (!isObject(q) || !(isString(q.url, 500) && /^https?:\/\//.test(q.url))) return 'địa chỉ dịch vụ hàng chờ phải bắt đầu bằng http:// hoặc https://';
      if (!Array.isArray(q.lines) || q.lines.length > 9 || !q.lines.every((l) => isString(l, 20))) return 'danh sách hàng chờ của quầy không hợp lệ';
    }
    if ('queueService' in patch && patch.queueService !== null && !(isObject(patch.queueService) && isCount(patch.queueService.port, 65_535))) return 'cổng của dịch vụ hàng chờ không hợp lệ';
    return undefined;
  },
  'device.credential': none,
  'device.saveCredential': ([c, ...rest]) => {
    if (!isObject(c) || rest.length) return 'cần chứng thư của quầy';
    const fields = ['deviceId', 'counterId', 'counterName', 'agencyCode', 'token', 'serverUrl'] as const;
    if (!fields.every((f) => isString(c[f], 500)) || !isCount(c.counterIndex, 99) || Object.keys(c).length !== fields.length + 1) return 'chứng thư của quầy không đúng dạng';
    return undefined;
  },
  'desktop.exitKiosk': ([pin, ...rest]) => (typeof pin === 'string' && /^\d{4,12}$/.test(pin) && rest.length === 0 ? undefined : 'mã PIN quản trị phải gồm 4 đến 12 chữ số'),
  'log.write': ([entries, ...rest]) => {
    if (!Array.isArray(entries) || rest.length) return 'cần một danh sách dòng nhật ký';
    if (entries.length === 0 || entries.length > LOG_LIMITS.entriesPerWrite) return `mỗi lần ghi từ 1 đến ${LOG_LIMITS.entriesPerWrite} dòng nhật ký`;
    for (const [i, entry] of entries.entries()) {
      const problem = logEntryProblem(entry, i);
      if (problem) return problem;
    }
    return undefined;
  },
  'log.read': ([options, ...rest]) =>
    isObject(options) && Object.keys(options).length === 1 && isCount(options.maxBytes, LOG_LIMITS.readBytes) && options.maxBytes !== 0 && rest.length === 0
      ? undefined
      : `cần số byte muốn đọc (1 đến ${LOG_LIMITS.readBytes})`,
  'queue.request': ([request, ...rest]) => {
    if (!isObject(request) || rest.length) return 'cần một yêu cầu gửi dịch vụ hàng chờ';
    if (request.method !== 'GET' && request.method !== 'POST') return 'phương thức phải là GET hoặc POST';
    if (!isString(request.path, 300) || !/^\/api\/[\w\-/?=&,.%]*$/.test(request.path)) return 'đường dẫn dịch vụ hàng chờ không hợp lệ';
    return undefined;
  },
  'desktop.setBusy': ([busy, ...rest]) => (typeof busy === 'boolean' && rest.length === 0 ? undefined : 'cần cho biết quầy đang bận hay không'),
};

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: HostError };

// An error of the operating system reaches staff in Vietnamese, with its code for IT: a library's
// own English ("spawn udevadm ENOENT") was shown as is in Cài đặt.
const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'Máy không có tệp, thiết bị hoặc chương trình cần dùng',
  EACCES: 'Tài khoản đang chạy ứng dụng không có quyền dùng tệp hoặc thiết bị này',
  EPERM: 'Hệ điều hành không cho phép thao tác này',
  EBUSY: 'Thiết bị đang được một chương trình khác dùng',
  ECONNREFUSED: 'Thiết bị không nhận kết nối',
  ECONNRESET: 'Thiết bị ngắt kết nối giữa chừng',
  ETIMEDOUT: 'Thiết bị không trả lời kịp',
  EHOSTUNREACH: 'Không tới được thiết bị qua mạng',
  ENETUNREACH: 'Máy không vào được mạng của thiết bị',
  ENOSPC: 'Ổ đĩa của máy đã đầy',
  EROFS: 'Ổ đĩa chỉ cho đọc, không ghi được',
};

/** What staff read when a machine service fails: the service's own (Vietnamese) message, or the system error told in Vietnamese. */
export function hostFailureMessage(error: unknown): string {
  const e = error as (Error & { code?: unknown; syscall?: unknown; path?: unknown }) | undefined;
  if (typeof e?.code === 'string' && /^E[A-Z0-9]+$/.test(e.code) && typeof e.syscall === 'string') {
    const what = SYSTEM_ERRORS[e.code] ?? 'Hệ điều hành của máy báo lỗi';
    return `${what}${typeof e.path === 'string' ? ` (${e.path})` : ''}. Mã lỗi cho bộ phận kỹ thuật: ${e.code}.`;
  }
  return e instanceof Error ? e.message : String(error);
}

export async function dispatchHostCall(host: KioskHost, call: unknown, args: unknown): Promise<DispatchResult> {
  if (!isHostCall(call)) {
    return { ok: false, error: { code: 'UNKNOWN_CALL', message: `Lệnh "${String(call).slice(0, 60)}" không có trong giao kèo với máy.` } };
  }
  if (!Array.isArray(args)) return { ok: false, error: { code: 'BAD_ARGS', message: `Lệnh ${call}: tham số phải là một danh sách.` } };
  const problem = CHECKS[call](args);
  if (problem) return { ok: false, error: { code: 'BAD_ARGS', message: `Lệnh ${call}: ${problem}.` } };
  const [namespace, method] = call.split('.') as [keyof KioskHost, string];
  const target = host[namespace] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>> | undefined;
  if (!target?.[method]) {
    return { ok: false, error: { code: 'NOT_AVAILABLE', message: `Lệnh ${call} chỉ có trong ứng dụng máy tính, không có ở bản chạy trong trình duyệt.` } };
  }
  try {
    return { ok: true, value: await target[method]!(...args) };
  } catch (error) {
    return { ok: false, error: { code: 'HOST_FAILED', message: hostFailureMessage(error) } };
  }
}
