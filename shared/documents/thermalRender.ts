// Turns a thermal layout into the 1-bit raster ESC/POS `GS v 0` prints: rows packed MSB first,
// 1 = black dot. Rectangles go straight into the bits; each text line is drawn on a small scratch
// surface and only its ink box is read back, because reading back a whole slip-sized surface cost
// more than all the drawing on it.
import type { RasterJob } from '../host';
import type { Canvas2D, CanvasFactory, PixelCanvas2D } from './canvas';
import { PRINT_FONT_FAMILY } from './canvas';
import { base64ToBytes, bytesToBase64 } from './format';
import type { PrintDocument } from './model';
import type { DrawOp, ThermalLayout, ThermalPaper } from './thermalLayout';
import { layoutThermal, THERMAL_WIDTH_DOTS } from './thermalLayout';

export interface MonoRaster {
  widthDots: number;
  heightDots: number;
  /** ceil(widthDots / 8) bytes per row, MSB first, 1 = black. */
  bits: Uint8Array;
}

/**
 * Paints a whole layout onto one slip-sized canvas. Printing goes through `rasteriseLayout` instead;
 * this stays as the reference it must match dot for dot (tests/printing/rasterEquivalence.test.ts).
 */
export function paintThermal(layout: ThermalLayout, ctx: Canvas2D): void {
  // No background fill: a fresh canvas is transparent, which thresholdRgba reads as white paper.
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

/**
 * Rows of the scratch surface text is drawn on: a title line with stacked marks (Ể, Ặ) fits with
 * room to spare; taller text is drawn and read back in slices of this height.
 */
export const SCRATCH_ROWS = 96;

/**
 * Black ink at this coverage or more prints a dot: the same cut as thresholdRgba's luminance 160
 * over white paper (255 × (1 − 96/255) < 160), so thin strokes of small diacritics stay black.
 */
const INK_ALPHA = 96;

/** Lays out and rasterises a document for a roll width, on one scratch surface from `makeCanvas`. */
export function renderThermalRaster(doc: PrintDocument, paper: ThermalPaper, makeCanvas: CanvasFactory, family = PRINT_FONT_FAMILY): MonoRaster {
  const widthDots = THERMAL_WIDTH_DOTS[paper];
  const scratch = makeCanvas(widthDots, SCRATCH_ROWS);
  return rasteriseLayout(layoutThermal(doc, widthDots, scratch, family), scratch);
}

/**
 * The 1-bit raster of a layout. `scratch` must be transparent, at least the layout's width and
 * SCRATCH_ROWS high; it is left with arbitrary content.
 */
export function rasteriseLayout(layout: ThermalLayout, scratch: PixelCanvas2D): MonoRaster {
  const raster: MonoRaster = { widthDots: layout.widthDots, heightDots: layout.heightDots, bits: new Uint8Array(Math.ceil(layout.widthDots / 8) * layout.heightDots) };
  scratch.fillStyle = '#000000';
  scratch.textAlign = 'left';
  scratch.textBaseline = 'alphabetic';
  let font = '';
  for (const op of layout.ops) {
    if (op.kind === 'rect') {
      fillDots(raster, op.x, op.y, op.w, op.h);
      continue;
    }
    if (op.font !== font) {
      scratch.font = op.font;
      font = op.font;
    }
    inkText(raster, scratch, op);
  }
  return raster;
}

/** Sets the dots of a rectangle. Layouts place rectangles on whole dots; other edges round to the nearest dot. */
function fillDots(raster: MonoRaster, x: number, y: number, w: number, h: number): void {
  const x0 = Math.max(0, Math.round(x));
  const x1 = Math.min(raster.widthDots, Math.round(x + w));
  const y0 = Math.max(0, Math.round(y));
  const y1 = Math.min(raster.heightDots, Math.round(y + h));
  if (x1 <= x0 || y1 <= y0) return;
  const stride = Math.ceil(raster.widthDots / 8);
  const firstByte = x0 >> 3;
  const lastByte = (x1 - 1) >> 3;
  const firstMask = 0xff >> (x0 & 7);
  const lastMask = (0xff << (7 - ((x1 - 1) & 7))) & 0xff;
  for (let row = y0; row < y1; row++) {
    const base = row * stride;
    if (firstByte === lastByte) {
      raster.bits[base + firstByte]! |= firstMask & lastMask;
      continue;
    }
    raster.bits[base + firstByte]! |= firstMask;
    raster.bits.fill(0xff, base + firstByte + 1, base + lastByte);
    raster.bits[base + lastByte]! |= lastMask;
  }
}

/** Draws one line of text on the scratch surface, shifted by whole dots so its anti-aliasing is unchanged, and ORs its ink into the raster. */
function inkText(raster: MonoRaster, scratch: PixelCanvas2D, op: Extract<DrawOp, { kind: 'text' }>): void {
  const ink = scratch.measureText(op.text);
  // One dot of margin each side: the ink box is fractional, and anti-aliasing may spill past it.
  const left = Math.max(0, Math.floor(op.x - ink.actualBoundingBoxLeft) - 1);
  const right = Math.min(raster.widthDots, Math.ceil(op.x + ink.actualBoundingBoxRight) + 1);
  const top = Math.max(0, Math.floor(op.baseline - ink.actualBoundingBoxAscent) - 1);
  const bottom = Math.min(raster.heightDots, Math.ceil(op.baseline + ink.actualBoundingBoxDescent) + 1);
  const width = right - left;
  if (width <= 0) return;
  const stride = Math.ceil(raster.widthDots / 8);
  for (let sliceTop = top; sliceTop < bottom; sliceTop += SCRATCH_ROWS) {
    const height = Math.min(SCRATCH_ROWS, bottom - sliceTop);
    scratch.clearRect(0, 0, width, height);
    scratch.fillText(op.text, op.x - left, op.baseline - sliceTop);
    const rgba = scratch.getImageData(0, 0, width, height).data;
    for (let y = 0; y < height; y++) {
      const rowOut = (sliceTop + y) * stride;
      let i = y * width * 4 + 3;
      for (let x = left; x < right; x++, i += 4) {
        if (rgba[i]! >= INK_ALPHA) raster.bits[rowOut + (x >> 3)]! |= 0x80 >> (x & 7);
      }
    }
  }
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
