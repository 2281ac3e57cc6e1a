// ESC/POS bytes for a slip: init, the raster image in bands (`GS v 0`), feed and partial cut,
// optional beep and cash drawer; plus the real-time status queries (`DLE EOT n`) and their meaning.
// Text never goes out as printer code-page characters: Vietnamese travels inside the image.
import type { PrinterStatus } from '../../../shared/host';
import type { MonoRaster } from '../../../shared/documents';

export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;

/** Rows per `GS v 0` band: small enough for the receive buffer of cheap 58 mm printers. */
export const DEFAULT_BAND_ROWS = 255;

export interface EscPosJobOptions {
  cut?: boolean;
  beep?: boolean;
  openDrawer?: boolean;
  bandRows?: number;
  /** Blank lines fed before the cut so the last printed line clears the cutter. */
  feedLinesBeforeCut?: number;
}

export const INIT = Uint8Array.of(ESC, 0x40);
/** `GS V 66 n`: feed to the cutting position plus n, then a partial cut (a tab holds the slip). */
export const PARTIAL_CUT = Uint8Array.of(GS, 0x56, 66, 0);
/** `ESC B n t`: beep n times, t × 50 ms (Xprinter/Rongta-style printers; Epson ignores it). */
export const BEEP = Uint8Array.of(ESC, 0x42, 2, 2);
/** `ESC p 0 t1 t2`: drawer kick on pin 2, 50 ms on / 500 ms off. */
export const OPEN_DRAWER = Uint8Array.of(ESC, 0x70, 0, 25, 250);

export type StatusQuery = 1 | 2 | 3 | 4;
export function statusQuery(n: StatusQuery): Uint8Array {
  return Uint8Array.of(DLE, EOT, n);
}

function feed(lines: number): Uint8Array {
  return Uint8Array.of(ESC, 0x64, Math.max(0, Math.min(255, lines)));
}

/** One `GS v 0` command per band of rows; every band starts on a byte-aligned row. */
export function rasterCommands(raster: MonoRaster, bandRows = DEFAULT_BAND_ROWS): Uint8Array[] {
  const stride = Math.ceil(raster.widthDots / 8);
  if (raster.bits.length !== stride * raster.heightDots) throw new RangeError('Kích thước ảnh in không khớp dữ liệu.');
  if (stride > 0xffff || bandRows < 1 || bandRows > 0xffff) throw new RangeError('Ảnh in vượt giới hạn lệnh GS v 0.');
  const out: Uint8Array[] = [];
  for (let y = 0; y < raster.heightDots; y += bandRows) {
    const rows = Math.min(bandRows, raster.heightDots - y);
    const header = Uint8Array.of(GS, 0x76, 0x30, 0, stride & 0xff, stride >> 8, rows & 0xff, rows >> 8);
    out.push(header, raster.bits.subarray(y * stride, (y + rows) * stride));
  }
  return out;
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function encodeRasterJob(raster: MonoRaster, options: EscPosJobOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [INIT, ...rasterCommands(raster, options.bandRows)];
  if (options.cut ?? true) parts.push(feed(options.feedLinesBeforeCut ?? 3), PARTIAL_CUT);
  else parts.push(feed(options.feedLinesBeforeCut ?? 3));
  if (options.beep) parts.push(BEEP);
  if (options.openDrawer) parts.push(OPEN_DRAWER);
  return concatBytes(parts);
}

/** Answers to `DLE EOT 1/2/4` (undefined when the printer did not answer that one). */
export interface StatusBytes {
  printer?: number;
  offlineCause?: number;
  errorCause?: number;
  paper?: number;
}

export const STATUS_MESSAGES: Record<PrinterStatus['state'], string> = {
  ready: 'Máy in sẵn sàng.',
  offline: 'Máy in không kết nối. Hãy kiểm tra máy in đã bật và cáp đã cắm; phiếu đang chờ sẽ tự in khi máy in sẵn sàng.',
  coverOpen: 'Nắp máy in đang mở. Hãy đóng nắp; phiếu đang chờ sẽ tự in tiếp.',
  paperOut: 'Máy in hết giấy. Hãy thay cuộn giấy mới; phiếu đang chờ sẽ tự in tiếp.',
  paperLow: 'Giấy in sắp hết. Hãy chuẩn bị cuộn giấy mới.',
  error: 'Máy in báo lỗi (dao cắt kẹt hoặc lỗi phần cứng). Hãy tắt máy in, bật lại rồi in lại.',
  unknown: 'Máy in này không báo trạng thái. Hãy in trang thử để kiểm tra.',
};

export function makeStatus(state: PrinterStatus['state'], detail?: string): PrinterStatus {
  return { state, message: detail ? `${STATUS_MESSAGES[state]} (${detail})` : STATUS_MESSAGES[state] };
}

/** ESC/POS status bits (Epson TM and compatibles), most urgent first. */
export function parseStatus(bytes: StatusBytes): PrinterStatus {
  const { printer, offlineCause, errorCause, paper } = bytes;
  if (printer === undefined && offlineCause === undefined && errorCause === undefined && paper === undefined) return makeStatus('unknown');
  if (offlineCause !== undefined && offlineCause & 0x04) return makeStatus('coverOpen');
  if ((paper !== undefined && paper & 0x60) || (offlineCause !== undefined && offlineCause & 0x20)) return makeStatus('paperOut');
  if ((errorCause !== undefined && errorCause & 0x68) || (offlineCause !== undefined && offlineCause & 0x40)) return makeStatus('error');
  if (printer !== undefined && printer & 0x08) return makeStatus('offline', 'máy in báo đang ngoại tuyến');
  if (paper !== undefined && paper & 0x0c) return makeStatus('paperLow');
  return makeStatus('ready');
}

/** States in which sending a job would be lost or stuck: the queue waits instead. */
export function blocksPrinting(status: PrinterStatus): boolean {
  return status.state === 'coverOpen' || status.state === 'paperOut' || status.state === 'error' || status.state === 'offline';
}
