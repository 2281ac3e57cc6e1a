import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MonoRaster } from '../../../shared/documents/thermalRender';
import { encodeRasterJob, parseStatus, PARTIAL_CUT, statusQuery } from './escpos';
import { EscPosDecoder, stackBands, type DecodedEvent } from './escposDecoder';

const rasterArb = fc
  .record({ stride: fc.integer({ min: 1, max: 12 }), height: fc.integer({ min: 1, max: 40 }) })
  .chain(({ stride, height }) => fc.uint8Array({ minLength: stride * height, maxLength: stride * height }).map((bits): MonoRaster => ({ widthDots: stride * 8, heightDots: height, bits })));

function decodeAll(bytes: Uint8Array, cuts: number[]): DecodedEvent[] {
  const decoder = new EscPosDecoder();
  const events: DecodedEvent[] = [];
  let start = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b).concat(bytes.length)) {
    events.push(...decoder.push(bytes.subarray(start, cut)));
    start = cut;
  }
  expect(decoder.pendingBytes).toBe(0);
  return events;
}

describe('ESC/POS raster encoding', () => {
  it('decodes back to the same dots whatever the band height and TCP chunking', () => {
    fc.assert(
      fc.property(rasterArb, fc.integer({ min: 1, max: 50 }), fc.array(fc.nat(), { maxLength: 8 }), (raster, bandRows, cuts) => {
        const bytes = encodeRasterJob(raster, { bandRows, beep: true });
        const events = decodeAll(bytes, cuts);
        const bands = events.flatMap((e) => (e.kind === 'raster' ? [e] : []));
        expect(bands).toHaveLength(Math.ceil(raster.heightDots / bandRows));
        const back = stackBands(bands);
        expect(back.widthDots).toBe(raster.widthDots);
        expect([...back.bits]).toEqual([...raster.bits]);
        expect(events.filter((e) => e.kind === 'cut')).toHaveLength(1);
        expect(events.filter((e) => e.kind === 'beep')).toHaveLength(1);
        expect(events.some((e) => e.kind === 'text')).toBe(false);
      }),
    );
  });

  it('starts with ESC @ and ends with a partial cut', () => {
    const bytes = encodeRasterJob({ widthDots: 8, heightDots: 1, bits: Uint8Array.of(0xff) });
    expect([...bytes.subarray(0, 2)]).toEqual([0x1b, 0x40]);
    expect([...bytes.subarray(-PARTIAL_CUT.length)]).toEqual([...PARTIAL_CUT]);
    expect([...bytes.subarray(2, 10)]).toEqual([0x1d, 0x76, 0x30, 0, 1, 0, 1, 0]);
  });

  it('rejects a raster whose bytes do not match its size', () => {
    expect(() => encodeRasterJob({ widthDots: 16, heightDots: 2, bits: new Uint8Array(3) })).toThrow(RangeError);
  });
});

describe('status', () => {
  it('reads the real-time status bytes, most urgent first', () => {
    expect(parseStatus({ printer: 0x12, offlineCause: 0x12, paper: 0x12 }).state).toBe('ready');
    expect(parseStatus({ printer: 0x12, offlineCause: 0x16, paper: 0x72 }).state).toBe('coverOpen');
    expect(parseStatus({ printer: 0x1a, offlineCause: 0x32, paper: 0x72 }).state).toBe('paperOut');
    expect(parseStatus({ printer: 0x12, offlineCause: 0x12, paper: 0x1e }).state).toBe('paperLow');
    expect(parseStatus({ printer: 0x1a }).state).toBe('offline');
    expect(parseStatus({}).state).toBe('unknown');
    expect(parseStatus({ printer: 0x12, offlineCause: 0x32 }).message).toContain('hết giấy');
  });

  it('decodes status queries as such', () => {
    expect(new EscPosDecoder().push(statusQuery(4))).toEqual([{ kind: 'status', n: 4 }]);
  });
});
