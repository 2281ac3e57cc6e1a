import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dossierBarcodeKey } from './barcodeKey';
import { formatBatchCode, parseBatchCode } from './batchCode';
import { classifyScan } from './classifyScan';
import { formatDossierCode } from './dossierCode';
import { agencyCode, codeDate, sequence } from './testArbitraries';

describe('batch code', () => {
  it.each<[Parameters<typeof formatBatchCode>[0], string]>([
    [{ date: '2026-01-12', counter: 7, batchNumber: 1 }, 'BG-260112-07-01'],
    [{ date: { year: 2026, month: 1, day: 12 }, counter: 12, batchNumber: 345 }, 'BG-260112-12-345'],
    [{ date: '2030-02-02', counter: 99, batchNumber: 9999 }, 'BG-300202-99-9999'],
  ])('%j → %s', (input, code) => {
    expect(formatBatchCode(input)).toBe(code);
    expect(code).toMatch(/^[0-9A-Z.-]+$/);
    expect(code).not.toMatch(/[AEIOUY]/);
  });

  it.each([
    { date: '2026-01-12', counter: 0, batchNumber: 1 },
    { date: '2026-01-12', counter: 100, batchNumber: 1 },
    { date: '2026-01-12', counter: 1, batchNumber: 0 },
    { date: '2026-01-12', counter: 1, batchNumber: 10_000 },
    { date: '2026-02-29', counter: 1, batchNumber: 1 },
  ])('throws RangeError for %j', (input) => {
    expect(() => formatBatchCode(input)).toThrow(RangeError);
  });

  it.each<[string, string]>([
    ['', 'empty'],
    ['BG-260112-07', 'malformed'],
    ['BX-260112-07-01', 'malformed'],
    ['bg-260112-07-01', 'malformed'],
    ['BG-260230-07-01', 'impossibleDate'],
    ['BG-260112-7-01', 'badCounter'],
    ['BG-260112-00-01', 'badCounter'],
    ['BG-260112-07-0', 'badBatchNumber'],
    ['BG-260112-07-12345', 'badBatchNumber'],
  ])('%j → %s', (text, code) => {
    const result = parseBatchCode(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('round-trips', () => {
    fc.assert(
      fc.property(codeDate, fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }), (date, counter, batchNumber) => {
        const code = formatBatchCode({ date, counter, batchNumber });
        expect(parseBatchCode(code)).toEqual({ ok: true, value: { date, counter, batchNumber, code } });
      }),
    );
  });
});

describe('classifyScan', () => {
  it('recognises an ordinary dossier code', () => {
    expect(classifyScan('000.00.15.H41-260112-0001\r\n')).toMatchObject({
      kind: 'dossierCode',
      parts: { agency: '000.00.15.H41', seq: 1, code: '000.00.15.H41-260112-0001' },
    });
  });

  it('recognises a central-system code', () => {
    expect(classifyScan('G22.001.05-250815-030042')).toMatchObject({ kind: 'dossierCode', parts: { shape: 'central', systemOwner: '03' } });
  });

  it('undoes the lowercase a wedge scanner types with Caps Lock on', () => {
    expect(classifyScan('000.00.15.h41-260112-0001')).toMatchObject({
      kind: 'dossierCode',
      parts: { code: '000.00.15.H41-260112-0001' },
    });
    expect(classifyScan('bg-260112-07-01')).toMatchObject({ kind: 'batchCode', parts: { counter: 7, batchNumber: 1 } });
  });

  it('recognises the numeric 1D key', () => {
    expect(classifyScan('072601120042')).toEqual({
      kind: 'barcodeKey',
      parts: { agencyIndex: 7, date: { year: 2026, month: 1, day: 12 }, seq: 42 },
    });
  });

  it('recognises a handover batch', () => {
    expect(classifyScan('BG-260112-07-03')).toMatchObject({ kind: 'batchCode', parts: { counter: 7, batchNumber: 3 } });
  });

  it('finds the code inside the status-page URL the slip QR carries', () => {
    expect(classifyScan('https://dichvucong.nghean.gov.vn/tra-cuu/000.00.15.H41-260112-0001')).toMatchObject({
      kind: 'dossierCode',
      parts: { code: '000.00.15.H41-260112-0001' },
    });
    expect(classifyScan('https://example.vn/ho-so?ma=000.00.15.H41-260112-0001&x=1')).toMatchObject({ kind: 'dossierCode' });
    expect(classifyScan('https://example.vn/lo/BG-260112-07-03')).toMatchObject({ kind: 'batchCode' });
    expect(classifyScan('https://example.vn/khong-co-ma')).toEqual({ kind: 'unknown', text: 'https://example.vn/khong-co-ma' });
  });

  it.each<[string, string | undefined]>([
    ['', undefined],
    ['hello', 'wrongSeparator'],
    ['000.00.15.H41-260231-0001', 'impossibleDate'],
    ['0726011200', 'wrongLength'],
    ['BG-260112-7-01', 'badCounter'],
    ['040085001234|123456789|Nguyễn Văn A', 'tooFewFields'],
    ['HELLO-260112-0001', 'badAgency'],
  ])('calls %j unknown, with the closest complaint %s', (text, code) => {
    const result = classifyScan(text);
    expect(result.kind).toBe('unknown');
    if (result.kind === 'unknown') expect(result.error?.code).toBe(code);
  });

  it('classifies whatever the app itself prints', () => {
    fc.assert(
      fc.property(agencyCode, codeDate, sequence, fc.integer({ min: 0, max: 99 }), (agency, date, seq, agencyIndex) => {
        expect(classifyScan(formatDossierCode({ agency, date, seq })).kind).toBe('dossierCode');
        expect(classifyScan(dossierBarcodeKey({ agencyIndex, date, seq })).kind).toBe('barcodeKey');
      }),
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 60 }),
          fc.string({ unit: fc.constantFrom(...'0123456789.-ABGHbgh :/_'.split('')), maxLength: 40 }),
          fc.stringMatching(/^https?:\/\/[a-z.]{1,10}\/[0-9A-Za-z.\-/?=&]{0,40}$/),
        ),
        (text) => {
          const result = classifyScan(text);
          expect(['dossierCode', 'barcodeKey', 'batchCode', 'unknown']).toContain(result.kind);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
