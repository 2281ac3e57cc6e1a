// The scanner service on a real pseudo-terminal (socat), as on a kiosk's /dev/ttyACM0: the bytes a
// scanner in virtual-COM mode sends, split where the port happens to split them, and a port that
// vanishes and comes back.
import { afterEach, describe, expect, test } from 'vitest';
import { startVirtualSerial, type VirtualSerial } from '../../tests/serial/virtualSerial';
import { createScannerService, type ScannerService } from './scanner';

const CARD = '040193005678|187654321|Lê Thị Hoa|15031993|Nữ|Số 12 đường Lê Lợi, phường Vinh Phú, tỉnh Nghệ An|10052022';
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

let serial: VirtualSerial | undefined;
let service: ScannerService | undefined;
afterEach(async () => {
  await service?.close();
  await serial?.close();
  service = serial = undefined;
});

async function codes(s: ScannerService, count: number): Promise<string[]> {
  for (let waited = 0; waited < 5_000; waited += 50) {
    const events = await s.next(0, 0);
    if (events.length >= count) return events.map((e) => e.code);
    await pause(50);
  }
  return (await s.next(0, 0)).map((e) => e.code);
}

describe('serial scanner on a real port', () => {
  test('a card read in UTF-8 with CRLF, with CR, and split inside a character and paused mid-line, comes out whole', async () => {
    serial = await startVirtualSerial();
    const lines: string[] = [];
    service = createScannerService({ log: (l) => lines.push(l) });
    await service.use({ path: serial.kioskPath, baudRate: 9600 });
    await serial.write(`${CARD}\r\n`);
    await serial.write('000.00.15.H41-260112-0001\r');
    const bytes = Buffer.from(`${CARD}\r\n`, 'utf8');
    const inside = bytes.indexOf(Buffer.from('ê', 'utf8')) + 1; // between the two bytes of «ê»
    await serial.write(bytes.subarray(0, inside));
    await pause(25);
    await serial.write(bytes.subarray(inside, inside + 30));
    await pause(15);
    await serial.write(bytes.subarray(inside + 30));
    expect(await codes(service, 3)).toEqual([CARD, '000.00.15.H41-260112-0001', CARD]);
    expect(lines).toEqual([]);
  });

  test('a port that vanishes is opened again when it is back, without a half-sent line, and the host lives on', async () => {
    serial = await startVirtualSerial();
    const lines: string[] = [];
    service = createScannerService({ retryMs: 100, log: (l) => lines.push(l) });
    await service.use({ path: serial.kioskPath, baudRate: 9600 });
    await serial.write('BG-260112-07-01\r\n');
    expect(await codes(service, 1)).toEqual(['BG-260112-07-01']);
    await serial.write('040193005678|1876'); // the cable is pulled mid-card
    await pause(50);
    await serial.unplug();
    await pause(300);
    expect(lines.some((l) => l.includes('Mất kết nối cổng máy quét'))).toBe(true);
    await serial.plugIn();
    for (let waited = 0; !lines.some((l) => l.includes('đã mở lại')) && waited < 5_000; waited += 50) await pause(50);
    expect(lines.at(-1)).toBe(`[máy quét] Cổng máy quét ${serial.kioskPath} đã mở lại.`);
    await serial.write(`${CARD}\r\n`);
    expect(await codes(service, 2)).toEqual(['BG-260112-07-01', CARD]);
  });

  test('a port missing at start is told once, then read as soon as it appears; no port set stops the retries', async () => {
    serial = await startVirtualSerial();
    await serial.unplug();
    const lines: string[] = [];
    service = createScannerService({ retryMs: 100, log: (l) => lines.push(l) });
    await expect(service.use({ path: serial.kioskPath, baudRate: 9600 })).rejects.toThrow(/^Không mở được cổng máy quét .*ttyACM0: .*Kiểm tra cáp và cài đặt cổng COM\.$/);
    await pause(400);
    expect(lines.filter((l) => l.includes('Không mở được'))).toHaveLength(1);
    await serial.plugIn();
    for (let waited = 0; !lines.some((l) => l.includes('đã mở lại')) && waited < 5_000; waited += 50) await pause(50);
    await serial.write('000.00.15.H41-260112-0001\r\n');
    expect(await codes(service, 1)).toEqual(['000.00.15.H41-260112-0001']);

    await service.use(undefined);
    await serial.write('BG-260112-07-01\r\n');
    await pause(300);
    expect(await codes(service, 1)).toEqual(['000.00.15.H41-260112-0001']);
  });
});
