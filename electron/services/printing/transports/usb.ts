// USB printers driven directly through `usb` (libusb): find by vid:pid, detach the kernel's usblp
// driver on Linux, claim the printer interface and write to its bulk OUT endpoint.
import type { PrintOutcome, PrinterStatus } from '../../../../shared/host';
import { makeStatus } from '../escpos';
import type { PrinterTransportDriver } from './types';
import { failure } from './types';

/** The part of the `usb` package's device we use (its WebUSB-style API). */
interface UsbPrinterDevice {
  configuration: { interfaces: { interfaceNumber: number; alternate: { interfaceClass: number; endpoints: { endpointNumber: number; direction: string; type: string }[] } }[] } | null;
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(value: number): Promise<void>;
  claimInterface(n: number): Promise<void>;
  releaseInterface(n: number): Promise<void>;
  detachKernelDriver?(n: number): Promise<void>;
  transferOut(endpoint: number, data: Uint8Array): Promise<{ bytesWritten: number; status: string }>;
}

export type FindUsbDevice = (vendorId: number, productId: number) => Promise<UsbPrinterDevice | undefined>;

const PRINTER_CLASS = 7;

export function parseVidPid(address: string): { vendorId: number; productId: number } {
  const match = /^(?:0x)?([0-9a-f]{4}):(?:0x)?([0-9a-f]{4})$/i.exec(address.trim());
  if (!match) throw new RangeError(`Địa chỉ máy in USB "${address}" không hợp lệ (cần dạng 0416:5011).`);
  return { vendorId: parseInt(match[1]!, 16), productId: parseInt(match[2]!, 16) };
}

async function defaultFind(vendorId: number, productId: number): Promise<UsbPrinterDevice | undefined> {
  const { usb } = await import('usb');
  return (await usb.findDeviceByIds(vendorId, productId)) as unknown as UsbPrinterDevice | undefined;
}

function notFound(address: string, detail?: string): PrinterStatus {
  return makeStatus('offline', `không thấy máy in USB ${address}${detail ? ` (${detail})` : ''}; hãy kiểm tra cáp USB và nguồn máy in`);
}

export function usbTransport(address: string, find: FindUsbDevice = defaultFind): PrinterTransportDriver {
  async function locate(): Promise<UsbPrinterDevice | PrinterStatus> {
    let ids;
    try {
      ids = parseVidPid(address);
    } catch (error) {
      return makeStatus('error', (error as Error).message);
    }
    try {
      return (await find(ids.vendorId, ids.productId)) ?? notFound(address);
    } catch (error) {
      return notFound(address, (error as Error).message);
    }
  }

  return {
    async send(bytes: Uint8Array): Promise<PrintOutcome> {
      const device = await locate();
      if (!('open' in device)) return failure(device.state !== 'error', device);
      let claimed: number | undefined;
      try {
        await device.open();
        if (!device.configuration) await device.selectConfiguration(1);
        const iface = device.configuration?.interfaces.find((i) => i.alternate.interfaceClass === PRINTER_CLASS) ?? device.configuration?.interfaces[0];
        const out = iface?.alternate.endpoints.find((e) => e.direction === 'out' && e.type === 'bulk');
        if (!iface || !out) return failure(false, makeStatus('error', `thiết bị USB ${address} không phải máy in (không có cổng ghi dữ liệu)`));
        // Linux binds usblp to printers; libusb cannot claim the interface until it lets go.
        if (process.platform === 'linux') await device.detachKernelDriver?.(iface.interfaceNumber).catch(() => undefined);
        await device.claimInterface(iface.interfaceNumber);
        claimed = iface.interfaceNumber;
        const result = await device.transferOut(out.endpointNumber, bytes);
        if (result.status !== 'ok' || result.bytesWritten !== bytes.length) {
          return failure(true, makeStatus('error', `máy in USB chỉ nhận ${result.bytesWritten}/${bytes.length} byte (${result.status})`));
        }
        return { ok: true, bytes: bytes.length };
      } catch (error) {
        return failure(true, notFound(address, (error as Error).message));
      } finally {
        if (claimed !== undefined) await device.releaseInterface(claimed).catch(() => undefined);
        await device.close().catch(() => undefined);
      }
    },
    async status(): Promise<PrinterStatus> {
      const device = await locate();
      if (!('open' in device)) return device;
      return makeStatus('unknown', `đã thấy máy in USB ${address}`);
    },
  };
}
