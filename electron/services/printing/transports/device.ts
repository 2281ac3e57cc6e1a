// A printer exposed as a device file (Linux `usblp`: /dev/usb/lp0). Writing is all there is:
// such printers report no status through this path.
import { open } from 'node:fs/promises';
import type { PrintOutcome, PrinterStatus } from '../../../../shared/host';
import { makeStatus } from '../escpos';
import type { PrinterTransportDriver } from './types';
import { failure } from './types';

function deviceError(path: string, error: NodeJS.ErrnoException): { retryable: boolean; status: PrinterStatus } {
  switch (error.code) {
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
      return { retryable: true, status: makeStatus('offline', `không thấy thiết bị ${path}; hãy kiểm tra cáp USB và nguồn máy in`) };
    case 'EACCES':
    case 'EPERM':
      return {
        retryable: false,
        status: makeStatus('error', `tài khoản máy tính không có quyền ghi vào ${path}; nhờ bộ phận CNTT thêm vào nhóm "lp"`),
      };
    case 'EBUSY':
      return { retryable: true, status: makeStatus('offline', `${path} đang bận, chương trình khác đang dùng máy in`) };
    default:
      return { retryable: true, status: makeStatus('error', `${path}: ${error.message}`) };
  }
}

export function deviceTransport(path: string): PrinterTransportDriver {
  return {
    async send(bytes: Uint8Array): Promise<PrintOutcome> {
      let handle;
      try {
        handle = await open(path, 'a');
        let written = 0;
        while (written < bytes.length) {
          const { bytesWritten } = await handle.write(bytes, written, bytes.length - written);
          written += bytesWritten;
        }
        await handle.close();
        handle = undefined;
        return { ok: true, bytes: bytes.length };
      } catch (error) {
        const { retryable, status } = deviceError(path, error as NodeJS.ErrnoException);
        return failure(retryable, status);
      } finally {
        await handle?.close().catch(() => undefined);
      }
    },
    async status(): Promise<PrinterStatus> {
      try {
        const handle = await open(path, 'a');
        await handle.close();
        return makeStatus('unknown', `${path} sẵn sàng nhận dữ liệu`);
      } catch (error) {
        return deviceError(path, error as NodeJS.ErrnoException).status;
      }
    },
  };
}
