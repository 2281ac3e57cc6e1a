// The scanner's port list and what staff read when the machine cannot give it: a minimal Linux
// without udevadm made serialport fail with "spawn udevadm ENOENT", shown as is in Cài đặt.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { KioskHost } from '../../shared/host';
import { dispatchHostCall } from './dispatch';
import { createScannerService } from './scanner';

/** The error Node's child_process gives when a program is missing, as serialport passes it on. */
function spawnMissing(program: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`spawn ${program} ENOENT`), { code: 'ENOENT', errno: -2, syscall: `spawn ${program}`, path: program });
}

describe('serial scanner ports', () => {
  test.skipIf(process.platform === 'win32')('without udevadm, the USB serial device files are listed instead of failing', async () => {
    const dev = await mkdtemp(join(tmpdir(), 'motcua-dev-'));
    for (const name of ['ttyACM0', 'ttyUSB1', 'ttyS0', 'tty1', 'null']) await writeFile(join(dev, name), '');
    await mkdir(join(dev, 'serial'));
    const scanner = createScannerService({ devDir: dev, listSerialPorts: () => Promise.reject(spawnMissing('udevadm')) });
    expect(await scanner.listPorts()).toEqual([{ path: `${dev}/ttyACM0` }, { path: `${dev}/ttyUSB1` }]);
  });

  test('another failure is told in Vietnamese through the host contract, with its code for IT', async () => {
    const failing = Object.assign(new Error('open /dev/ttyUSB0: EACCES: permission denied'), { code: 'EACCES', errno: -13, syscall: 'open', path: '/dev/ttyUSB0' });
    const scanner = createScannerService({ listSerialPorts: () => Promise.reject(failing) });
    const result = await dispatchHostCall({ scanner } as unknown as KioskHost, 'scanner.listPorts', []);
    expect(result).toEqual({
      ok: false,
      error: { code: 'HOST_FAILED', message: 'Tài khoản đang chạy ứng dụng không có quyền dùng tệp hoặc thiết bị này (/dev/ttyUSB0). Mã lỗi cho bộ phận kỹ thuật: EACCES.' },
    });
  });

  test('the missing program itself, on a machine where it cannot be worked around, is named in Vietnamese', async () => {
    const host = { scanner: { listPorts: () => Promise.reject(spawnMissing('udevadm')) } } as unknown as KioskHost;
    const result = await dispatchHostCall(host, 'scanner.listPorts', []);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toBe('Máy không có tệp, thiết bị hoặc chương trình cần dùng (udevadm). Mã lỗi cho bộ phận kỹ thuật: ENOENT.');
    expect(result.error.message).not.toMatch(/spawn/);
  });

  test("a service's own message reaches staff unchanged", async () => {
    const host = { scanner: { listPorts: () => Promise.reject(new Error('Không mở được cổng máy quét COM3.')) } } as unknown as KioskHost;
    expect(await dispatchHostCall(host, 'scanner.listPorts', [])).toEqual({ ok: false, error: { code: 'HOST_FAILED', message: 'Không mở được cổng máy quét COM3.' } });
  });
});
