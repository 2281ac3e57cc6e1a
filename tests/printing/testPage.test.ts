// The printer test page: all 146 Vietnamese letters, each drawn as its own distinct glyph by the
// bundled font at slip size (a missing glyph would draw as the same box or "?" for several letters).
import { mkdir, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { printerTestPage, VIETNAMESE_LETTERS } from '../../shared/documents';
import type { TextBlock } from '../../shared/documents';
import { nodeCanvasFactory, registerPrintFonts, renderThermalNode } from '../../electron/services/printing/nodeCanvas';
import { rasterToPng } from '../../electron/services/printing/png';
import { decodeSymbol } from './decode';

const doc = printerTestPage({ printerName: 'Máy in phiếu quầy 3', paperLabel: '80 mm', counterName: 'Quầy 3', printedAt: '2026-01-12T01:00:00.000Z' }, { layout: 'thermal' });

describe('printer test page', () => {
  it('lists every one of the 146 letters', () => {
    const text = doc.blocks
      .filter((b): b is TextBlock => b.type === 'text')
      .map((b) => b.text)
      .join(' ');
    for (const letter of VIETNAMESE_LETTERS) expect(text).toContain(letter);
  });

  it('draws the 146 letters as 146 different 1-bit glyphs in the bundled font', () => {
    registerPrintFonts();
    const seen = new Map<string, string>();
    for (const letter of VIETNAMESE_LETTERS) {
      const ctx = nodeCanvasFactory(40, 48);
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, 40, 48);
      ctx.fillStyle = '#000';
      ctx.font = '28px "Noto Sans"';
      ctx.fillText(letter, 6, 36);
      const data = ctx.getImageData(0, 0, 40, 48).data;
      let bits = '';
      for (let i = 0; i < 40 * 48; i++) bits += data[i * 4]! < 160 ? '1' : '0';
      expect(bits).toContain('1');
      expect(seen.get(bits), `${letter} looks like ${seen.get(bits)}`).toBeUndefined();
      seen.set(bits, letter);
    }
    expect(seen.size).toBe(146);
  });

  it('renders at 80 mm with a readable barcode and QR, saved as an artifact', async () => {
    const raster = renderThermalNode(doc, '80mm');
    const png = rasterToPng(raster);
    await mkdir('test-artifacts/printing', { recursive: true });
    await writeFile('test-artifacts/printing/test-page-80mm.png', png);
    expect(decodeSymbol(png, 'CODE_128')).toBe('012601120001');
    expect(decodeSymbol(png, 'QR_CODE')).toBe('000.00.15.H41-260112-0001');
  });
});
