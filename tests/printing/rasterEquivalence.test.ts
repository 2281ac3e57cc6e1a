// The fast rasteriser (rectangles straight into bits, each text line inked on a small scratch
// surface) must print exactly the dots of the reference: the whole layout painted on one slip-sized
// canvas and thresholded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markReprint, printerTestPage, VIETNAMESE_LETTERS } from '../../shared/documents';
import type { DrawOp, ThermalLayout } from '../../shared/documents/thermalLayout';
import { layoutThermal, THERMAL_WIDTH_DOTS } from '../../shared/documents/thermalLayout';
import type { MonoRaster } from '../../shared/documents/thermalRender';
import { paintThermal, rasteriseLayout, SCRATCH_ROWS, thresholdRgba } from '../../shared/documents/thermalRender';
import { nodeCanvasFactory, registerPrintFonts } from '../../electron/services/printing/nodeCanvas';
import { allDocuments } from './fixtures';

registerPrintFonts();

function reference(layout: ThermalLayout): MonoRaster {
  const ctx = nodeCanvasFactory(layout.widthDots, layout.heightDots);
  paintThermal(layout, ctx);
  return thresholdRgba(ctx.getImageData(0, 0, layout.widthDots, layout.heightDots).data, layout.widthDots, layout.heightDots);
}

function fast(layout: ThermalLayout): MonoRaster {
  return rasteriseLayout(layout, nodeCanvasFactory(layout.widthDots, SCRATCH_ROWS));
}

/** Dots that differ, as "x,y" strings (the first few), so a failure shows where. */
function differingDots(a: MonoRaster, b: MonoRaster): string[] {
  const stride = Math.ceil(a.widthDots / 8);
  const out: string[] = [];
  for (let i = 0; i < a.bits.length && out.length < 20; i++) {
    const x = a.bits[i]! ^ b.bits[i]!;
    for (let bit = 0; bit < 8; bit++) if (x & (0x80 >> bit)) out.push(`${(i % stride) * 8 + bit},${Math.floor(i / stride)}`);
  }
  return out;
}

const testPage = printerTestPage({ printerName: 'Máy in phiếu quầy 3', paperLabel: '80 mm', counterName: 'Quầy 3', printedAt: '2026-01-12T01:00:00.000Z' }, { layout: 'thermal' });
const DOCUMENTS = [...allDocuments({ layout: 'thermal' }), markReprint(testPage)];

describe.each(['58mm', '80mm'] as const)('every thermal document at %s', (paper) => {
  it.each(DOCUMENTS.map((doc) => [doc.kind, doc] as const))('%s: the same dots as the whole-canvas reference', (_kind, doc) => {
    const layout = layoutThermal(doc, THERMAL_WIDTH_DOTS[paper], nodeCanvasFactory(1, 1));
    const expected = reference(layout);
    const actual = fast(layout);
    expect(actual.bits.some((b) => b !== 0)).toBe(true);
    expect(differingDots(actual, expected)).toEqual([]);
  });
});

const FONTS = ['20px', 'bold 24px', 'italic 28px', 'bold 32px', '130px'].map((f) => `${f} "Noto Sans"`);
const letters = fc.constantFrom(...VIETNAMESE_LETTERS, 'A', 'g', 'j', 'Q', '0', '.', ' ', '-');

/** Text ops far enough apart that their anti-aliased edges never overlap (where compositing order could matter). */
const separatedText = fc.array(
  fc.record({ text: fc.array(letters, { minLength: 1, maxLength: 12 }).map((l) => l.join('')), font: fc.constantFrom(...FONTS), x: fc.double({ min: -20, max: 400, noNaN: true }) }),
  { maxLength: 4 },
);
const rect = fc.record({ x: fc.integer({ min: -30, max: 420 }), y: fc.integer({ min: -30, max: 900 }), w: fc.integer({ min: 0, max: 200 }), h: fc.integer({ min: 0, max: 120 }) });

describe('rasteriseLayout', () => {
  it('matches the reference for random text (fractional x, every letter, text taller than the scratch) and rectangles past the edges', () => {
    fc.assert(
      fc.property(separatedText, fc.array(rect, { maxLength: 8 }), (texts, rects) => {
        const ops: DrawOp[] = texts.map((t, i) => ({ kind: 'text', text: t.text, font: t.font, x: t.x, baseline: 150 + i * 200 }));
        for (const r of rects) ops.push({ kind: 'rect', ...r });
        const layout: ThermalLayout = { widthDots: 384, heightDots: 860, ops };
        expect(differingDots(fast(layout), reference(layout))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('sets a dot for each whole-dot rectangle cell and nothing else', () => {
    const raster = fast({ widthDots: 20, heightDots: 3, ops: [{ kind: 'rect', x: 3, y: 1, w: 14, h: 1 }] });
    const row = (y: number) => Array.from({ length: 20 }, (_, x) => ((raster.bits[y * 3 + (x >> 3)]! >> (7 - (x & 7))) & 1).toString()).join('');
    expect([row(0), row(1), row(2)]).toEqual(['0'.repeat(20), '00011111111111111000', '0'.repeat(20)]);
  });
});
