// Reads an ESC/POS byte stream back into what a printer would do with it: raster bands stacked
// into pages, cuts ending jobs, beeps, drawer kicks, status queries. Bytes may arrive in any
// chunking; an incomplete command waits for the next chunk.
import type { MonoRaster } from '../../../shared/documents/thermalRender';
import { DLE, ESC, GS } from './escpos';

export type DecodedEvent =
  | { kind: 'init' }
  | { kind: 'raster'; widthDots: number; rows: number; bits: Uint8Array }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut'; partial: boolean }
  | { kind: 'beep' }
  | { kind: 'drawer' }
  | { kind: 'status'; n: number }
  /** Printable bytes outside any command: our app never sends text, so tests assert there are none. */
  | { kind: 'text'; bytes: number };

/** Argument byte counts of the ESC commands a slip may contain (after ESC and the command byte). */
const ESC_ARGS: Record<number, number> = { 0x40: 0, 0x42: 2, 0x70: 3, 0x64: 1, 0x61: 1, 0x45: 1, 0x21: 1, 0x4a: 1, 0x32: 0, 0x33: 1, 0x74: 1, 0x4d: 1, 0x47: 1 };

export class EscPosDecoder {
  private pending = new Uint8Array(0);

  /** Feeds a chunk; returns the commands completed by it. */
  push(chunk: Uint8Array): DecodedEvent[] {
    const buf = new Uint8Array(this.pending.length + chunk.length);
    buf.set(this.pending);
    buf.set(chunk, this.pending.length);
    const events: DecodedEvent[] = [];
    let i = 0;
    let text = 0;
    const flushText = (): void => {
      if (text > 0) events.push({ kind: 'text', bytes: text });
      text = 0;
    };
    while (i < buf.length) {
      const b = buf[i]!;
      const need = (n: number): boolean => i + n <= buf.length;
      if (b === ESC) {
        if (!need(2)) break;
        const cmd = buf[i + 1]!;
        const args = ESC_ARGS[cmd] ?? 0;
        if (!need(2 + args)) break;
        flushText();
        if (cmd === 0x40) events.push({ kind: 'init' });
        else if (cmd === 0x42) events.push({ kind: 'beep' });
        else if (cmd === 0x70) events.push({ kind: 'drawer' });
        else if (cmd === 0x64) events.push({ kind: 'feed', lines: buf[i + 2]! });
        i += 2 + args;
      } else if (b === GS) {
        if (!need(2)) break;
        const cmd = buf[i + 1]!;
        if (cmd === 0x76) {
          if (!need(8)) break;
          const stride = buf[i + 4]! | (buf[i + 5]! << 8);
          const rows = buf[i + 6]! | (buf[i + 7]! << 8);
          if (!need(8 + stride * rows)) break;
          flushText();
          events.push({ kind: 'raster', widthDots: stride * 8, rows, bits: buf.slice(i + 8, i + 8 + stride * rows) });
          i += 8 + stride * rows;
        } else if (cmd === 0x56) {
          if (!need(3)) break;
          const m = buf[i + 2]!;
          const withFeed = m === 65 || m === 66;
          if (withFeed && !need(4)) break;
          flushText();
          events.push({ kind: 'cut', partial: m === 1 || m === 49 || m === 66 });
          i += withFeed ? 4 : 3;
        } else {
          if (!need(3)) break;
          i += 3;
        }
      } else if (b === DLE) {
        if (!need(3)) break;
        flushText();
        if (buf[i + 1] === 0x04) events.push({ kind: 'status', n: buf[i + 2]! });
        i += 3;
      } else {
        if (b >= 0x20) text++;
        i++;
      }
    }
    flushText();
    this.pending = buf.slice(i);
    return events;
  }

  /** Bytes of an unfinished command still waiting. */
  get pendingBytes(): number {
    return this.pending.length;
  }
}

/** Stacks raster bands into one image, as the paper comes out of the printer. */
export function stackBands(bands: { widthDots: number; rows: number; bits: Uint8Array }[]): MonoRaster {
  const widthDots = Math.max(0, ...bands.map((b) => b.widthDots));
  const stride = Math.ceil(widthDots / 8);
  const heightDots = bands.reduce((n, b) => n + b.rows, 0);
  const bits = new Uint8Array(stride * heightDots);
  let row = 0;
  for (const band of bands) {
    const bandStride = band.widthDots / 8;
    for (let r = 0; r < band.rows; r++) bits.set(band.bits.subarray(r * bandStride, (r + 1) * bandStride), (row + r) * stride);
    row += band.rows;
  }
  return { widthDots, heightDots, bits };
}
