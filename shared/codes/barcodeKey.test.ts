import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dossierBarcodeKey, dossierCodeFromBarcodeKey, parseDossierBarcodeKey } from './barcodeKey';
import { codeDate, sequence } from './testArbitraries';

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
