// Barcode and QR symbols as module grids, drawn by both renderers as filled rectangles:
// whole dots at 1 bit on thermal, exact SVG rects on sheets.
import { CODE128, CODE128C } from 'jsbarcode/bin/barcodes/CODE128/index.js';
import { create as createQr } from 'qrcode/lib/core/qrcode.js';

/** Quiet zone each side of a CODE128 symbol, in modules (the standard asks for at least 10). */
export const CODE128_QUIET_MODULES = 10;
/** Quiet zone around a QR symbol, in modules (the standard asks for 4). */
export const QR_QUIET_MODULES = 4;

/** CODE128 bars as booleans (true = bar), without quiet zones. Set C for even-length digit strings. */
export function code128Modules(value: string): boolean[] {
  const numericPairs = /^(\d\d)+$/.test(value);
  const symbol = numericPairs ? new CODE128C(value, {}) : new CODE128(value, {});
  if (!symbol.valid()) {
    throw new RangeError(`Không mã hóa được mã vạch CODE128 cho "${value}".`);
  }
  return Array.from(symbol.encode().data, (bit) => bit === '1');
}

export interface QrMatrix {
  size: number;
  /** Row-major, true = dark module. */
  dark: boolean[];
}

/** QR modules at error correction M: the slip's code survives a smudge or a fold. */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = createQr(text, { errorCorrectionLevel: 'M' });
  const dark: boolean[] = new Array<boolean>(modules.size * modules.size);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) dark[row * modules.size + col] = Boolean(modules.get(row, col));
  }
  return { size: modules.size, dark };
}

/** Runs of bars as [startModule, length] pairs: one rectangle per bar instead of per module. */
export function barRuns(modules: boolean[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= modules.length; i++) {
    const bar = i < modules.length && modules[i] === true;
    if (bar && start < 0) start = i;
    if (!bar && start >= 0) {
      runs.push([start, i - start]);
      start = -1;
    }
  }
  return runs;
}
