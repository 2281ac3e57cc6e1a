// Ink spreads and heads wear: every barcode on every roll document must still read when each bar
// grows or shrinks by one dot, which a 1-dot module does not survive.
import { describe, expect, it } from 'vitest';
import type { BarcodeBlock } from '../../shared/documents';
import type { MonoRaster } from '../../shared/documents/thermalRender';
import { renderThermalNode } from '../../electron/services/printing/nodeCanvas';
import { rasterToPng } from '../../electron/services/printing/png';
import { decodeSymbol } from './decode';
import { allDocuments } from './fixtures';

/** Each horizontal run of black dots made one dot longer (+1) or shorter (-1) on its right edge. */
function degrade(raster: MonoRaster, dots: 1 | -1): MonoRaster {
  const stride = Math.ceil(raster.widthDots / 8);
  const bits = new Uint8Array(raster.bits.length);
  const at = (x: number, y: number) => x >= 0 && x < raster.widthDots && (raster.bits[y * stride + (x >> 3)]! & (0x80 >> (x & 7))) !== 0;
  for (let y = 0; y < raster.heightDots; y++) {
    for (let x = 0; x < raster.widthDots; x++) {
      const black = dots === 1 ? at(x, y) || at(x - 1, y) : at(x, y) && at(x + 1, y);
      if (black) bits[y * stride + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { ...raster, bits };
}

const DOCUMENTS = allDocuments({ layout: 'thermal' }).filter((d) => d.blocks.some((b) => b.type === 'barcode'));

describe.each(['58mm', '80mm'] as const)('barcodes at %s', (paper) => {
  it.each(DOCUMENTS.map((d) => [d.kind, d] as const))('%s reads back as printed, with bars one dot wider and one dot narrower', (_kind, doc) => {
    const values = doc.blocks.filter((b): b is BarcodeBlock => b.type === 'barcode').map((b) => b.value);
    expect(values).toHaveLength(1);
    const raster = renderThermalNode(doc, paper);
    for (const variant of [raster, degrade(raster, 1), degrade(raster, -1)]) {
      expect(decodeSymbol(rasterToPng(variant), 'CODE_128')).toBe(values[0]);
    }
  });
});

/** ZXing's reading of a raster's CODE128, or undefined when it finds none. */
function read(raster: MonoRaster): string | undefined {
  try {
    return decodeSymbol(rasterToPng(raster), 'CODE_128');
  } catch {
    return undefined;
  }
}

describe.each(['58mm', '80mm'] as const)('a sheet document sent to a %s roll', (paper) => {
  it.each(allDocuments({ layout: 'sheet' }).map((d) => [d.kind, d] as const))('%s prints only barcodes that survive a dot more or less', (_kind, doc) => {
    const raster = renderThermalNode(doc, paper);
    const printed = read(raster);
    if (printed === undefined) return;
    expect(read(degrade(raster, 1))).toBe(printed);
    expect(read(degrade(raster, -1))).toBe(printed);
  });
});
