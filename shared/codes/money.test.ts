import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatVnd, parseVnd } from './money';

describe('formatVnd', () => {
  it.each<[number, string]>([
    [0, '0 ₫'],
    [5, '5 ₫'],
    [999, '999 ₫'],
    [1000, '1.000 ₫'],
    [50_000, '50.000 ₫'],
    [1_250_000, '1.250.000 ₫'],
    [100_000_000, '100.000.000 ₫'],
    [999_999_999_999, '999.999.999.999 ₫'],
    [-5000, '-5.000 ₫'],
    [-1_250_000, '-1.250.000 ₫'],
  ])('%d → %s', (amount, text) => {
    expect(formatVnd(amount)).toBe(text);
  });

  it('writes -0 as 0', () => {
    expect(formatVnd(-0)).toBe('0 ₫');
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects %d', (amount) => {
    expect(() => formatVnd(amount)).toThrow(RangeError);
  });
});

describe('parseVnd', () => {
  it.each<[string, number]>([
    ['1.250.000', 1_250_000],
    ['1250000', 1_250_000],
    ['1 250 000', 1_250_000],
    ['  50.000 ', 50_000],
    ['50.000 ₫', 50_000],
    ['50.000đ', 50_000],
    ['50.000 đồng', 50_000],
    ['50.000 VND', 50_000],
    ['50.000 VNĐ', 50_000],
    ['0', 0],
    ['-5.000 ₫', -5000],
    ['999.999.999.999', 999_999_999_999],
  ])('%s → %d', (text, amount) => {
    expect(parseVnd(text)).toEqual({ ok: true, value: amount });
  });

  it.each<[string, string]>([
    ['', 'empty'],
    ['  ₫', 'empty'],
    ['1,5', 'fraction'],
    ['1,250,000', 'fraction'],
    ['12a', 'invalidCharacter'],
    ['1.25', 'badGrouping'],
    ['1.2500.000', 'badGrouping'],
    ['.250', 'badGrouping'],
    ['1.250 000', 'badGrouping'],
    ['1000.000', 'badGrouping'],
    ['99999999999999999999', 'tooLarge'],
  ])('%s → error %s', (text, code) => {
    const result = parseVnd(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(10);
    }
  });

  it('reads back whatever formatVnd wrote', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (amount) => {
        expect(parseVnd(formatVnd(amount))).toEqual({ ok: true, value: amount === 0 ? 0 : amount });
      }),
    );
  });
});
