// Paints a thermal layout onto a canvas and thresholds it to the 1-bit raster ESC/POS `GS v 0`
// prints: rows packed MSB first, 1 = black dot.
import type { RasterJob } from '../host';
import type { Canvas2D, CanvasFactory } from './canvas';
import { PRINT_FONT_FAMILY } from './canvas';
import { base64ToBytes, bytesToBase64 } from './format';
import type { PrintDocument } from './model';
import type { ThermalLayout, ThermalPaper } from './thermal-layout';
import { layoutThermal, THERMAL_WIDTH_DOTS } from './thermal-layout';

export interface MonoRaster {
  widthDots: number;
  heightDots: number;
  /** ceil(widthDots / 8) bytes per row, MSB first, 1 = black. */
  bits: Uint8Array;
}

export function paintThermal(layout: ThermalLayout, ctx: Canvas2D): void {
  // No background fill: a fresh canvas is transparent, which thresholdRgba reads as white paper, and
  // filling a whole slip's surface costs more than everything drawn on it.
  ctx.fillStyle = '#000000';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  let font = '';
  for (const op of layout.ops) {
    if (op.kind === 'rect') {
      ctx.fillRect(op.x, op.y, op.w, op.h);
    } else {
      if (op.font !== font) {
        ctx.font = op.font;
        font = op.font;
      }
      ctx.fillText(op.text, op.x, op.baseline);
    }
  }
}

/**
 * Anti-aliased RGBA → 1 bit. The threshold sits above mid-grey so thin strokes of small
 * diacritics (the hook of ả, the dot of ạ) stay black instead of vanishing.
 */
export function thresholdRgba(rgba: ArrayLike<number>, widthPx: number, heightPx: number, threshold = 160): MonoRaster {
  const stride = Math.ceil(widthPx / 8);
  const bits = new Uint8Array(stride * heightPx);
  // Integer luminance (weights ×256) keeps this loop cheap: it runs over every dot of every slip.
  const limit = threshold * 256;
  for (let y = 0; y < heightPx; y++) {
    let i = y * widthPx * 4;
    const rowOut = y * stride;
    for (let x = 0; x < widthPx; x++, i += 4) {
      const alpha = rgba[i + 3]!;
      if (alpha === 0) continue;
      let lum = rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29;
      // Semi-transparent pixels are composited over white paper.
      if (alpha !== 255) lum = (lum * alpha + 65280 * (255 - alpha)) / 255;
      if (lum < limit) bits[rowOut + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { widthDots: widthPx, heightDots: heightPx, bits };
}

/** Lays out, paints and thresholds a document for a roll width. */
export function renderThermalRaster(doc: PrintDocument, paper: ThermalPaper, makeCanvas: CanvasFactory, family = PRINT_FONT_FAMILY): MonoRaster {
  const widthDots = THERMAL_WIDTH_DOTS[paper];
  const layout = layoutThermal(doc, widthDots, makeCanvas(widthDots, 1), family);
  const ctx = makeCanvas(widthDots, layout.heightDots);
  paintThermal(layout, ctx);
  return thresholdRgba(ctx.getImageData(0, 0, widthDots, layout.heightDots).data, widthDots, layout.heightDots);
}

/** Back to RGBA (black on white), for previews and PNG files that show exactly the printed dots. */
export function rasterToRgba(raster: MonoRaster): Uint8ClampedArray {
  const { widthDots, heightDots, bits } = raster;
  const stride = Math.ceil(widthDots / 8);
  const out = new Uint8ClampedArray(widthDots * heightDots * 4);
  for (let y = 0; y < heightDots; y++) {
    for (let x = 0; x < widthDots; x++) {
      const black = ((bits[y * stride + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
      const i = (y * widthDots + x) * 4;
      const v = black ? 0 : 255;
      out[i] = v;
      out[i + 1] = v;
      out[i + 2] = v;
      out[i + 3] = 255;
    }
  }
  return out;
}

/** Wraps a raster for the host's `printers.printRaster`. */
export function toRasterJob(raster: MonoRaster, job: { jobId: string; printerId: string; cut?: boolean; beep?: boolean }): RasterJob {
  return {
    jobId: job.jobId,
    printerId: job.printerId,
    widthDots: raster.widthDots,
    heightDots: raster.heightDots,
    rasterBase64: bytesToBase64(raster.bits),
    cut: job.cut ?? true,
    ...(job.beep ? { beep: true } : {}),
  };
}

export function fromRasterJob(job: RasterJob): MonoRaster {
  const bits = base64ToBytes(job.rasterBase64);
  if (bits.length !== Math.ceil(job.widthDots / 8) * job.heightDots) {
    throw new RangeError(`Dữ liệu ảnh in của lệnh ${job.jobId} không khớp kích thước ${job.widthDots}×${job.heightDots}.`);
  }
  return { widthDots: job.widthDots, heightDots: job.heightDots, bits };
}
