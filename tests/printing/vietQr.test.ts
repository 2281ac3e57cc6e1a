// A fee paid by transfer: the VietQR printed on its receipt, read back by a real decoder from the
// virtual printer's image (58 and 80 mm) and from the A5 sheet's PDF, holds what NAPAS 247 asks for.
// The payload is taken apart here by its own TLV reader and CRC, not by the builder's code.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feeReceipt, renderDocumentHtml, type FeeReceiptData } from '../../shared/documents';
import { toRasterJob } from '../../shared/documents/thermalRender';
import type { PrinterConfig } from '../../shared/host';
import { createPrinterService } from '../../electron/services/printing';
import { DEFAULT_FONT_DIR, renderThermalNode } from '../../electron/services/printing/nodeCanvas';
import { startVirtualPrinter, type VirtualPrinter } from '../../electron/services/printing/virtualPrinter';
import { decodeAllQrCodes } from './decode';
import { DOSSIER_CODE, FEE } from './fixtures';

const OUT = 'test-artifacts/printing';
const CHROMIUM = '/usr/bin/chromium';
const ACCOUNT = { bin: '970415', accountNumber: '113366668888', accountName: 'TRUNG TAM PVHCC TINH NGHE AN' };
const PAID_BY_TRANSFER: FeeReceiptData = { ...FEE, paymentMethod: 'transfer', transferTo: ACCOUNT };
const TOTAL = FEE.lines.reduce((s, l) => s + l.amount, 0);

type Tlv = { id: string; value: string };

/** EMVCo data objects: 2-digit ID, 2-digit length, value; throws on anything left over or cut short. */
function readTlv(text: string): Tlv[] {
  const out: Tlv[] = [];
  let i = 0;
  while (i < text.length) {
    const head = text.slice(i, i + 4);
    if (!/^\d{4}$/.test(head)) throw new Error(`bad TLV head «${head}» at ${i}`);
    const length = Number(head.slice(2));
    const value = text.slice(i + 4, i + 4 + length);
    if (value.length !== length) throw new Error(`TLV ${head.slice(0, 2)} cut short at ${i}`);
    out.push({ id: head.slice(0, 2), value });
    i += 4 + length;
  }
  return out;
}

const byId = (objects: Tlv[]): Record<string, string> => Object.fromEntries(objects.map((o) => [o.id, o.value]));

/** CRC-16/CCITT-FALSE, table-driven (poly 0x1021, init 0xFFFF, MSB first, no final XOR). */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n << 8;
  for (let k = 0; k < 8; k++) c = (c << 1) ^ (c & 0x8000 ? 0x1021 : 0);
  return c & 0xffff;
});
function crc(text: string): number {
  let c = 0xffff;
  for (const byte of Buffer.from(text, 'latin1')) c = ((c << 8) & 0xffff) ^ CRC_TABLE[((c >> 8) ^ byte) & 0xff]!;
  return c;
}

/** Checks a VietQR field by field against EMVCo MPM and NAPAS 247 (transfer to an account). */
function expectVietQr(payload: string, expected: { bin: string; accountNumber: string; amount: number; reference: string }): void {
  const root = readTlv(payload);
  const ids = root.map((o) => o.id);
  expect(ids).toEqual([...ids].sort());
  expect(ids[0]).toBe('00');
  expect(ids.at(-1)).toBe('63');
  const f = byId(root);
  expect(f['00']).toBe('01'); // payload format indicator
  expect(f['01']).toBe('12'); // dynamic: the QR carries an amount
  const merchant = byId(readTlv(f['38']!));
  expect(merchant['00']).toBe('A000000727'); // NAPAS GUID
  expect(merchant['02']).toBe('QRIBFTTA'); // transfer to an account
  const beneficiary = byId(readTlv(merchant['01']!));
  expect(beneficiary['00']).toMatch(/^\d{6}$/);
  expect(beneficiary['00']).toBe(expected.bin);
  expect(beneficiary['01']).toMatch(/^[0-9A-Za-z]{1,19}$/);
  expect(beneficiary['01']).toBe(expected.accountNumber);
  expect(f['53']).toBe('704');
  expect(f['54']).toMatch(/^\d+$/);
  expect(Number(f['54'])).toBe(expected.amount);
  expect(f['58']).toBe('VN');
  const additional = byId(readTlv(f['62']!));
  expect(additional['01']).toBe(expected.reference); // bill number
  expect(additional['08']).toBe(expected.reference); // purpose: the transfer's content
  expect(f['63']).toMatch(/^[0-9A-F]{4}$/);
  expect(payload.slice(-8, -4)).toBe('6304');
  expect(parseInt(f['63']!, 16)).toBe(crc(payload.slice(0, -4)));
}

function vietQrOf(codes: string[]): string {
  const found = codes.filter((c) => c.includes('A000000727'));
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('the CRC and reader of this test', () => {
  it('give the catalogue check value and reject a payload with one character changed', () => {
    expect(crc('123456789')).toBe(0x29b1);
    // github.com/subiz/vietqr README: a published VietQR with its CRC.
    const published = '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C';
    expect(crc(published.slice(0, -4))).toBe(0xc15c);
    expect(() => expectVietQr(published.replace('5406120000', '5406120001'), { bin: '970415', accountNumber: '0011001932418', amount: 120001, reference: '' })).toThrow();
  });
});

let printer: VirtualPrinter;
beforeAll(async () => {
  printer = await startVirtualPrinter({ outDir: 'test-artifacts/printing/vietqr-printer' });
});
afterAll(() => printer.stop());

describe.each(['58mm', '80mm'] as const)('a receipt paid by transfer, printed at %s', (paper) => {
  it('carries the VietQR of the total and the dossier code, and still its lookup QR', async () => {
    const config: PrinterConfig = { id: paper, name: `Máy in ${paper}`, transport: 'virtual', address: printer.address, paper, roles: ['receipt'], copies: {} };
    const service = createPrinterService(() => ({ serverUrl: '', counterName: 'Quầy 3', printers: [config] }));
    const before = printer.jobs.length;
    const raster = renderThermalNode(feeReceipt(PAID_BY_TRANSFER, { layout: 'thermal' }), paper);
    expect((await service.printRaster(toRasterJob(raster, { jobId: `vietqr-${paper}`, printerId: paper }))).ok).toBe(true);
    await printer.waitForJobs(before + 1);
    const png = printer.jobs[before]!.png;
    await mkdir(OUT, { recursive: true });
    await writeFile(join(OUT, `feeReceipt-transfer-${paper}.png`), png);
    const codes = decodeAllQrCodes(png);
    expectVietQr(vietQrOf(codes), { bin: ACCOUNT.bin, accountNumber: ACCOUNT.accountNumber, amount: TOTAL, reference: DOSSIER_CODE });
    expect(codes).toContain(`${FEE.lookupUrl}?ma=EBL01-26TAA-00000125`);
  });
});

describe.skipIf(!existsSync(CHROMIUM))('a receipt paid by transfer, on A5', () => {
  it('carries the VietQR, read back from the PDF at 200 dpi', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const font = (file: string) => pathToFileURL(join(DEFAULT_FONT_DIR, file)).href;
      const html = renderDocumentHtml(feeReceipt(PAID_BY_TRANSFER, { layout: 'sheet' }), 'A5', {
        fonts: { regular: font('NotoSans-Regular.ttf'), bold: font('NotoSans-Bold.ttf'), italic: font('NotoSans-Italic.ttf') },
      });
      await mkdir(OUT, { recursive: true });
      const htmlFile = join(OUT, 'feeReceipt-transfer-A5.html');
      await writeFile(htmlFile, html);
      const page = await browser.newPage();
      await page.goto(pathToFileURL(htmlFile).href);
      await page.evaluate(() => document.fonts.ready);
      const pdfFile = join(OUT, 'feeReceipt-transfer-A5.pdf');
      await page.pdf({ path: pdfFile, preferCSSPageSize: true, printBackground: true });
      expect(/Pages:\s+1\b/.test(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' }))).toBe(true);
      execFileSync('pdftoppm', ['-png', '-r', '200', '-f', '1', '-l', '1', '-singlefile', pdfFile, join(OUT, 'feeReceipt-transfer-A5-page1')]);
      const codes = decodeAllQrCodes(await readFile(join(OUT, 'feeReceipt-transfer-A5-page1.png')));
      expectVietQr(vietQrOf(codes), { bin: ACCOUNT.bin, accountNumber: ACCOUNT.accountNumber, amount: TOTAL, reference: DOSSIER_CODE });
    } finally {
      await browser.close();
    }
  });
});
