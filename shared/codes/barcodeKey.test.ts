import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barcodeKeyForCode, dossierBarcodeKey, dossierCodeFromBarcodeKey, parseDossierBarcodeKey } from './barcodeKey';
import { formatYymmdd } from './calendarDate';
import { agencyCode, centralAgencyCode, codeDate, sequence, twoDigits } from './testArbitraries';

describe('dossierBarcodeKey', () => {
  it.each<[Parameters<typeof dossierBarcodeKey>[0], string]>([
    [{ agencyIndex: 0, date: '2026-01-12', seq: 1 }, '002601120001'],
    [{ agencyIndex: 7, date: { year: 2026, month: 1, day: 12 }, seq: 42 }, '072601120042'],
    [{ agencyIndex: 99, date: '2099-12-31', seq: 9999 }, '999912319999'],
    [{ agencyIndex: 3, date: '2026-01-12', seq: 10_000 }, '03260112510000'],
    [{ agencyIndex: 3, date: '2026-01-12', seq: 123_456 }, '032601126123456'],
    [{ agencyIndex: 3, date: '2026-01-12', seq: 999_999_999 }, '032601129999999999'],
  ])('%j → %s', (input, key) => {
    expect(dossierBarcodeKey(input)).toBe(key);
  });

  it.each([
    { agencyIndex: 100, date: '2026-01-12', seq: 1 },
    { agencyIndex: -1, date: '2026-01-12', seq: 1 },
    { agencyIndex: 1.5, date: '2026-01-12', seq: 1 },
    { agencyIndex: 1, date: '2026-01-12', seq: 0 },
    { agencyIndex: 1, date: '2026-02-30', seq: 1 },
  ])('throws RangeError for %j', (input) => {
    expect(() => dossierBarcodeKey(input)).toThrow(RangeError);
  });
});

describe('parseDossierBarcodeKey', () => {
  it('reads a 12-digit key', () => {
    expect(parseDossierBarcodeKey('072601120042')).toEqual({
      ok: true,
      value: { agencyIndex: 7, date: { year: 2026, month: 1, day: 12 }, seq: 42 },
    });
  });

  it('reads a length-prefixed long key', () => {
    expect(parseDossierBarcodeKey('03260112510000')).toEqual({
      ok: true,
      value: { agencyIndex: 3, date: { year: 2026, month: 1, day: 12 }, seq: 10_000 },
    });
  });

  it.each<[string, string]>([
    ['', 'empty'],
    ['07260112004A', 'notDigits'],
    ['07-260112-0042', 'notDigits'],
    ['07260112004', 'wrongLength'],
    ['0726011200421', 'wrongLength'],
    ['03260112410000', 'wrongLength'],
    ['0326011251000', 'wrongLength'],
    ['032601126012345', 'badSequence'],
    ['03260112501234', 'badSequence'],
    ['072602300042', 'impossibleDate'],
    ['072601120000', 'badSequence'],
  ])('%j → %s', (key, code) => {
    const result = parseDossierBarcodeKey(key);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('round-trips every key, and no two inputs share a key', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), codeDate, sequence, (agencyIndex, date, seq) => {
        const key = dossierBarcodeKey({ agencyIndex, date, seq });
        expect(key).toMatch(/^\d{12}$|^\d{14,18}$/);
        expect(parseDossierBarcodeKey(key)).toEqual({ ok: true, value: { agencyIndex, date, seq } });
      }),
    );
  });

  it('parses only canonical keys: whatever it accepts, it writes back identically', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12,18}$/), (digits) => {
        const parsed = parseDossierBarcodeKey(digits);
        if (parsed.ok) expect(dossierBarcodeKey(parsed.value)).toBe(digits);
      }),
    );
  });
});

describe('dossierCodeFromBarcodeKey', () => {
  const agencies = ['000.00.15.H41', '000.00.16.H41'];

  it('maps the key back to the official code through the agency table', () => {
    const parsed = parseDossierBarcodeKey('012601120042');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(dossierCodeFromBarcodeKey(parsed.value, agencies)).toEqual({ ok: true, value: '000.00.16.H41-260112-0042' });
    }
  });

  it('names an index missing from the table', () => {
    const result = dossierCodeFromBarcodeKey({ agencyIndex: 5, date: { year: 2026, month: 1, day: 12 }, seq: 1 }, agencies);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknownAgencyIndex', agencyIndex: 5 } });
  });
});

describe('barcodeKeyForCode', () => {
  const table = ['000.00.15.H41', '000.00.15.H41', '000.00.16.H41'];
  const anyCode = fc.oneof(
    fc
      .tuple(fc.oneof(fc.constantFrom(...table), agencyCode), codeDate, sequence, fc.nat({ max: 3 }))
      .map(([agency, date, seq, pad]) => `${agency}-${formatYymmdd(date)}-${String(seq).padStart(4 + pad, '0')}`),
    fc.tuple(centralAgencyCode, codeDate, twoDigits, sequence).map(([agency, date, owner, seq]) => `${agency}-${formatYymmdd(date)}-${owner}${String(seq).padStart(4, '0')}`),
  );

  it('gives a key only when the table reads it back to the same code', () => {
    fc.assert(
      fc.property(anyCode, (code) => {
        const key = barcodeKeyForCode(code, table);
        if (key === undefined) return;
        const parts = parseDossierBarcodeKey(key);
        expect(parts.ok && dossierCodeFromBarcodeKey(parts.value, table)).toEqual({ ok: true, value: code });
      }),
    );
  });

  it('keys every ordinary code of an agency in the table, at its last index', () => {
    expect(barcodeKeyForCode('000.00.15.H41-261207-0005', table)).toBe('012612070005');
    expect(barcodeKeyForCode('000.00.16.H41-261207-12345', table)).toBe('02261207512345');
  });

  it.each(['H41.001.02-261207-010005', '000.00.17.H41-261207-0005', '000.00.15.H41-261207-00005', 'not a code'])('gives no key for %s', (code) => {
    expect(barcodeKeyForCode(code, table)).toBeUndefined();
  });
});
