import { mkdtemp, readFile, writeFile, chmod } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KioskSettings, PrinterConfig } from '../../../shared/host';
import { bytesToBase64 } from '../../../shared/documents/format';
import { createPrinterService } from './index';
import { deviceTransport } from './transports/device';
import { acknowledgeTimeoutMs, networkTransport, parseHostPort } from './transports/network';
import { systemTransport } from './transports/system';
import { parseVidPid, usbTransport } from './transports/usb';
import { startVirtualPrinter } from './virtualPrinter';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('network transport', () => {
  it('reports a printer that refuses connections as offline, retryable, in Vietnamese', async () => {
    const outcome = await networkTransport(`127.0.0.1:${await closedPort()}`).send(Uint8Array.of(1, 2, 3));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.retryable).toBe(true);
    expect(outcome.status.state).toBe('offline');
    expect(outcome.status.message).toContain('từ chối kết nối');
  });

  it('reads paper-out and cover-open from the virtual printer and holds the job', async () => {
    const printer = await startVirtualPrinter();
    try {
      const transport = networkTransport(printer.address);
      expect((await transport.status()).state).toBe('ready');
      printer.paper = 'out';
      expect((await transport.status()).state).toBe('paperOut');
      const held = await transport.send(Uint8Array.of(0x1b, 0x40));
      expect(held.ok).toBe(false);
      printer.paper = 'low';
      expect((await transport.status()).state).toBe('paperLow');
      printer.paper = 'ok';
      printer.coverOpen = true;
      expect((await transport.status()).message).toContain('Nắp máy in đang mở');
    } finally {
      await printer.stop();
    }
  });

  it('reports a job the printer took but never confirmed as unconfirmed, not retryable', async () => {
    // Answers the three status queries before the job, then goes silent: the job may be on paper.
    let answered = 0;
    const server = createServer((socket) =>
      socket.on('data', (chunk: Buffer) => {
        for (const byte of chunk) if (byte === 0x04 && answered < 3 && ++answered) socket.write(Uint8Array.of(0x12));
      }),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const address = `127.0.0.1:${(server.address() as { port: number }).port}`;
      const outcome = await networkTransport(address, { statusTimeoutMs: 200, speedMmPerS: 1000 }).send(Uint8Array.of(0x1b, 0x40), { lengthMm: 100 });
      expect(outcome).toMatchObject({ ok: false, retryable: false, unconfirmed: true, status: { state: 'unknown' } });
      if (!outcome.ok) expect(outcome.status.message).toContain('không xác nhận');
    } finally {
      server.close();
    }
  });

  it('waits for the reply in proportion to the job and the printer’s speed', () => {
    expect(acknowledgeTimeoutMs(250, 250, 1500)).toBe(2750);
    expect(acknowledgeTimeoutMs(250, 90, 1500)).toBe(1500 + 3473);
  });

  it('parses host:port with 9100 as the default', () => {
    expect(parseHostPort('192.168.1.50')).toEqual({ host: '192.168.1.50', port: 9100 });
    expect(parseHostPort('printer.local:9101')).toEqual({ host: 'printer.local', port: 9101 });
  });
});

describe('device file transport', () => {
  it('writes every byte to the device file', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'lp-')), 'lp0');
    await writeFile(file, '');
    const outcome = await deviceTransport(file).send(Uint8Array.of(0x1b, 0x40, 0x0a));
    expect(outcome).toEqual({ ok: true, bytes: 3 });
    expect([...(await readFile(file))]).toEqual([0x1b, 0x40, 0x0a]);
  });

  it('says the device is missing when the printer is unplugged', async () => {
    const outcome = await deviceTransport('/nonexistent-dir/usb/lp0').send(Uint8Array.of(1));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.status.message).toContain('không thấy thiết bị /nonexistent-dir/usb/lp0');
  });
});

describe('USB transport', () => {
  it('validates vid:pid', () => {
    expect(parseVidPid('0416:5011')).toEqual({ vendorId: 0x0416, productId: 0x5011 });
    expect(() => parseVidPid('abc')).toThrow(/không hợp lệ/);
  });

  it('reports a missing USB printer clearly (no device on this machine)', async () => {
    const outcome = await usbTransport('0416:5011').send(Uint8Array.of(1));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.retryable).toBe(true);
    expect(outcome.status.state).toBe('offline');
    expect(outcome.status.message).toContain('không thấy máy in USB 0416:5011');
    const absent = await usbTransport('0416:5011', async () => undefined).status();
    expect(absent.state).toBe('offline');
  });
});

describe('system spooler transport', () => {
  it('fails without retry when lp is not installed', async () => {
    const outcome = await systemTransport('XP80', { lpCommand: '/nonexistent/lp' }).send(Uint8Array.of(1));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.retryable).toBe(false);
      expect(outcome.status.message).toContain('không tìm thấy lệnh');
    }
  });

  it('pipes the raw bytes to lp -d queue -o raw', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lp-'));
    const fakeLp = join(dir, 'lp');
    await writeFile(fakeLp, `#!/bin/sh\necho "$@" > ${dir}/args\ncat > ${dir}/job\n`);
    await chmod(fakeLp, 0o755);
    const outcome = await systemTransport('XP80', { lpCommand: fakeLp }).send(Uint8Array.of(0x1b, 0x40));
    expect(outcome).toEqual({ ok: true, bytes: 2 });
    expect((await readFile(join(dir, 'args'), 'utf8')).trim()).toBe('-d XP80 -o raw -t MotCua');
    expect([...(await readFile(join(dir, 'job')))]).toEqual([0x1b, 0x40]);
  });
});

describe('printer service', () => {
  const printer: PrinterConfig = { id: 'p1', name: 'Máy in phiếu quầy 3', transport: 'network', address: '', paper: '58mm', roles: ['slip'], copies: {} };
  const settings = (p: PrinterConfig): KioskSettings => ({ serverUrl: '', counterName: 'Quầy 3', printers: [p] });

  it('prints a raster job to the configured printer', async () => {
    const virtual = await startVirtualPrinter();
    try {
      const service = createPrinterService(() => settings({ ...printer, address: virtual.address }));
      const bits = new Uint8Array(48 * 10).fill(0xaa);
      const outcome = await service.printRaster({ jobId: 'j', printerId: 'p1', widthDots: 384, heightDots: 10, rasterBase64: bytesToBase64(bits), cut: true });
      expect(outcome.ok).toBe(true);
      await virtual.waitForJobs(1);
      expect(virtual.jobs[0]!.raster.heightDots).toBe(10);
      expect(virtual.jobs[0]!.textBytes).toBe(0);
    } finally {
      await virtual.stop();
    }
  });

  it('refuses an unknown printer and a raster wider than the paper, without retry', async () => {
    const service = createPrinterService(() => settings({ ...printer, address: '127.0.0.1:1' }));
    const unknown = await service.printRaster({ jobId: 'j', printerId: 'nope', widthDots: 8, heightDots: 1, rasterBase64: 'AA==', cut: true });
    expect(unknown.ok === false && !unknown.retryable && unknown.status.message.includes('chưa cài đặt máy in')).toBe(true);
    const wide = await service.printRaster({ jobId: 'j', printerId: 'p1', widthDots: 576, heightDots: 1, rasterBase64: bytesToBase64(new Uint8Array(72)), cut: true });
    expect(wide.ok === false && wide.status.message.includes('chỉ in được 384 điểm')).toBe(true);
  });
});
