// Every document type renders on both rolls (PNG) and on its sheet (HTML → PDF through Chromium).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSheetPaper, renderDocumentHtml } from '../../shared/documents';
import { DEFAULT_FONT_DIR, renderThermalNode } from '../../electron/services/printing/nodeCanvas';
import { rasterToPng } from '../../electron/services/printing/png';
import { decodeSymbol } from './decode';
import { allDocuments } from './fixtures';

const OUT = 'test-artifacts/printing';
const CHROMIUM = '/usr/bin/chromium';
const KINDS = allDocuments({ layout: 'thermal' }).map((d) => d.kind);

describe.each(['58mm', '80mm'] as const)('thermal %s', (paper) => {
  it.each(KINDS)('%s renders to a slip with ink, within the head width', async (kind) => {
    const doc = allDocuments({ layout: 'thermal' }).find((d) => d.kind === kind)!;
    const raster = renderThermalNode(doc, paper);
    expect(raster.widthDots).toBe(paper === '58mm' ? 384 : 576);
    expect(raster.heightDots).toBeGreaterThan(400);
    const black = raster.bits.reduce((n, b) => n + (b ? 1 : 0), 0);
    expect(black / raster.bits.length).toBeGreaterThan(0.03);
    await mkdir(OUT, { recursive: true });
    const png = rasterToPng(raster);
    await writeFile(join(OUT, `${kind}-${paper}.png`), png);
    // Every symbol on the roll reads back to what it holds, as the desk's scanner or a phone reads it.
    for (const block of doc.blocks) {
      if (block.type === 'barcode') expect(decodeSymbol(png, 'CODE_128')).toBe(block.value);
      if (block.type === 'qr') expect(decodeSymbol(png, 'QR_CODE')).toBe(block.value);
    }
  });
});

describe.skipIf(!existsSync(CHROMIUM))('sheets through Chromium to PDF', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });
  afterAll(() => browser?.close());
  const fontUrl = (file: string) => pathToFileURL(join(DEFAULT_FONT_DIR, file)).href;

  it.each(KINDS)('%s prints on its sheet with the bundled font', async (kind) => {
    const doc = allDocuments({ layout: 'sheet' }).find((d) => d.kind === kind)!;
    const paper = defaultSheetPaper(doc);
    const html = renderDocumentHtml(doc, paper, { fonts: { regular: fontUrl('NotoSans-Regular.ttf'), bold: fontUrl('NotoSans-Bold.ttf'), italic: fontUrl('NotoSans-Italic.ttf') } });
    await mkdir(OUT, { recursive: true });
    const htmlFile = join(OUT, `${kind}-${paper}.html`);
    await writeFile(htmlFile, html);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(htmlFile).href);
    await page.evaluate(() => document.fonts.ready);
    const pdfFile = join(OUT, `${kind}-${paper}.pdf`);
    await page.pdf({ path: pdfFile, preferCSSPageSize: true, printBackground: true });
    await page.close();
    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    // Both parties sign the return confirmation under what they confirm: it must not split; the
    // citizen's slip (Mẫu 01) and the receipt are one A5 page with ordinary data.
    if (kind === 'returnConfirmation' || kind === 'appointmentSlip' || kind === 'feeReceipt') expect(pages).toBe(1);
    // What the sheet's symbols hold reads back from the printed page, as a scanner or a phone reads it.
    const symbols = doc.blocks.flatMap((b): ['CODE_128' | 'QR_CODE', string][] => (b.type === 'barcode' ? [['CODE_128', b.value]] : b.type === 'qr' ? [['QR_CODE', b.value]] : []));
    if (symbols.length > 0) {
      execFileSync('pdftoppm', ['-png', '-r', '200', '-f', '1', '-l', '1', '-singlefile', pdfFile, join(OUT, `${kind}-${paper}-page1`)]);
      const png = await readFile(join(OUT, `${kind}-${paper}-page1.png`));
      for (const [format, value] of symbols) expect(decodeSymbol(png, format)).toBe(value);
    }
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    // A5 is 419.5 × 595.3 pt, A4 595.3 × 841.9 pt.
    expect(Math.round(Number(size[1]))).toBe(paper === 'A5' ? 420 : 595);
    const fonts = execFileSync('pdffonts', [pdfFile], { encoding: 'utf8' });
    expect(fonts).toContain('NotoSans');
  });
});
