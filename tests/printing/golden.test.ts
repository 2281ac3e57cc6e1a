// Golden images guard the slip layout: a change of more than a few dots fails until the new image
// is looked at and accepted with UPDATE_GOLDEN=1.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { appointmentSlip, returnConfirmation, type PrintDocument } from '../../shared/documents';
import { renderThermalNode } from '../../electron/services/printing/nodeCanvas';
import { pngToRaster, rasterToPng } from '../../electron/services/printing/png';
import { RETURN_CONFIRMATION, SLIP } from './fixtures';

const GOLDEN_DIR = new URL('./golden/', import.meta.url);
/** Font rasterisation may differ by a hair between builds of the canvas library: allow 0.2 % of dots. */
const TOLERANCE = 0.002;

const SLIPS: [string, PrintDocument][] = [
  ['appointment-slip', appointmentSlip(SLIP, { layout: 'thermal' })],
  ['return-confirmation', returnConfirmation(RETURN_CONFIRMATION, { layout: 'thermal' })],
];

describe.each(SLIPS.flatMap(([name, doc]) => (['80mm', '58mm'] as const).map((paper) => [name, paper, doc] as const)))('%s at %s', (name, paper, doc) => {
  it('matches its golden image', async () => {
    const raster = renderThermalNode(doc, paper);
    const file = new URL(`${name}-${paper}.png`, GOLDEN_DIR);
    if (process.env.UPDATE_GOLDEN === '1') {
      await mkdir(GOLDEN_DIR, { recursive: true });
      await writeFile(file, rasterToPng(raster));
    }
    expect(existsSync(file), `golden image missing: run with UPDATE_GOLDEN=1 and look at ${file.pathname}`).toBe(true);
    const golden = pngToRaster(await readFile(file));
    expect([raster.widthDots, raster.heightDots]).toEqual([golden.widthDots, golden.heightDots]);
    let differing = 0;
    for (let i = 0; i < raster.bits.length; i++) {
      let x = raster.bits[i]! ^ golden.bits[i]!;
      while (x) {
        differing += x & 1;
        x >>= 1;
      }
    }
    expect(differing / (raster.widthDots * raster.heightDots)).toBeLessThanOrEqual(TOLERANCE);
  });
});
