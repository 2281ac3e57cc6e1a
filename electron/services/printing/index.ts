// The printers part of KioskHost over the configured printers: thermal jobs become ESC/POS bytes
// and go out through the printer's transport; every failure comes back as a PrintOutcome with a
// Vietnamese message, never as an exception, so the queue can decide to retry.
import type { HtmlJob, KioskHost, KioskSettings, PrintOutcome, PrinterConfig, PrinterStatus, RasterJob } from '../../../shared/host';
import { fromRasterJob } from '../../../shared/documents/thermalRender';
import { THERMAL_WIDTH_DOTS } from '../../../shared/documents/thermalLayout';
import { encodeRasterJob, makeStatus } from './escpos';
import { deviceTransport } from './transports/device';
import { networkTransport } from './transports/network';
import { systemTransport } from './transports/system';
import type { PrinterTransportDriver } from './transports/types';
import { usbTransport } from './transports/usb';

export type PrinterService = KioskHost['printers'];

/** 203 dpi thermal heads. */
const DOTS_PER_MM = 8;

export function transportFor(printer: PrinterConfig): PrinterTransportDriver {
  switch (printer.transport) {
    case 'network':
    case 'virtual':
      return networkTransport(printer.address, printer.speedMmPerS ? { speedMmPerS: printer.speedMmPerS } : {});
    case 'usb':
      return usbTransport(printer.address);
    case 'device':
      return deviceTransport(printer.address);
    case 'system':
      return systemTransport(printer.address);
  }
}

function unknownPrinter(printerId: string): PrinterStatus {
  return makeStatus('error', `chưa cài đặt máy in mã "${printerId}"; hãy chọn máy in trong màn hình Cài đặt`);
}

export function createPrinterService(getSettings: () => Promise<KioskSettings> | KioskSettings, makeTransport: (printer: PrinterConfig) => PrinterTransportDriver = transportFor): PrinterService {
  async function find(printerId: string): Promise<PrinterConfig | undefined> {
    return (await getSettings()).printers.find((p) => p.id === printerId);
  }
  // One job at a time per printer: two counters' slips must not interleave on one roll.
  const lanes = new Map<string, Promise<unknown>>();
  function inLane<T>(printerId: string, work: () => Promise<T>): Promise<T> {
    const previous = lanes.get(printerId) ?? Promise.resolve();
    const next = previous.then(work, work);
    lanes.set(
      printerId,
      next.catch(() => undefined),
    );
    return next;
  }

  return {
    async list() {
      return (await getSettings()).printers;
    },
    async status(printerId) {
      const printer = await find(printerId);
      if (!printer) return unknownPrinter(printerId);
      return makeTransport(printer).status();
    },
    async printRaster(job: RasterJob): Promise<PrintOutcome> {
      const printer = await find(job.printerId);
      if (!printer) return { ok: false, retryable: false, status: unknownPrinter(job.printerId) };
      if (printer.paper === 'A4' || printer.paper === 'A5') {
        return { ok: false, retryable: false, status: makeStatus('error', `máy in "${printer.name}" dùng giấy ${printer.paper}, không in được phiếu cuộn`) };
      }
      let bytes: Uint8Array;
      let lengthMm: number;
      try {
        const raster = fromRasterJob(job);
        if (raster.widthDots > THERMAL_WIDTH_DOTS[printer.paper]) {
          throw new RangeError(`phiếu rộng ${raster.widthDots} điểm, khổ ${printer.paper} chỉ in được ${THERMAL_WIDTH_DOTS[printer.paper]} điểm`);
        }
        bytes = encodeRasterJob(raster, { cut: job.cut, beep: job.beep ?? false });
        lengthMm = raster.heightDots / DOTS_PER_MM;
      } catch (error) {
        return { ok: false, retryable: false, status: makeStatus('error', (error as Error).message) };
      }
      return inLane(printer.id, () => makeTransport(printer).send(bytes, { lengthMm }));
    },
    async printHtml(job: HtmlJob): Promise<PrintOutcome> {
      return {
        ok: false,
        retryable: false,
        status: makeStatus('error', `biểu mẫu ${job.paper} được in qua hộp thoại in của ứng dụng (hoặc lưu PDF), không gửi qua dịch vụ máy in`),
      };
    },
  };
}

export { encodeRasterJob, parseStatus, makeStatus, STATUS_MESSAGES } from './escpos';
export { networkTransport } from './transports/network';
export { usbTransport } from './transports/usb';
export { deviceTransport } from './transports/device';
export { systemTransport } from './transports/system';
