import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords } from './amountInWords';

const cases: Array<[number, string]> = [
  [0, 'Không đồng'],
  [1, 'Một đồng'],
  [4, 'Bốn đồng'],
  [5, 'Năm đồng'],
  [10, 'Mười đồng'],
  [11, 'Mười một đồng'],
  [14, 'Mười bốn đồng'],
  [15, 'Mười lăm đồng'],
  [20, 'Hai mươi đồng'],
  [21, 'Hai mươi mốt đồng'],
  [24, 'Hai mươi tư đồng'],
  [25, 'Hai mươi lăm đồng'],
  [55, 'Năm mươi lăm đồng'],
  [91, 'Chín mươi mốt đồng'],
  [99, 'Chín mươi chín đồng'],
  [100, 'Một trăm đồng'],
  [101, 'Một trăm linh một đồng'],
  [104, 'Một trăm linh bốn đồng'],
  [105, 'Một trăm linh năm đồng'],
  [110, 'Một trăm mười đồng'],
  [111, 'Một trăm mười một đồng'],
  [115, 'Một trăm mười lăm đồng'],
  [121, 'Một trăm hai mươi mốt đồng'],
  [999, 'Chín trăm chín mươi chín đồng'],
  [1000, 'Một nghìn đồng'],
  [1001, 'Một nghìn không trăm linh một đồng'],
  [1010, 'Một nghìn không trăm mười đồng'],
  [1015, 'Một nghìn không trăm mười lăm đồng'],
  [1100, 'Một nghìn một trăm đồng'],
  [2024, 'Hai nghìn không trăm hai mươi tư đồng'],
  [10_000, 'Mười nghìn đồng'],
  [15_000, 'Mười lăm nghìn đồng'],
  [21_000, 'Hai mươi mốt nghìn đồng'],
  [50_000, 'Năm mươi nghìn đồng'],
  [100_000, 'Một trăm nghìn đồng'],
  [105_000, 'Một trăm linh năm nghìn đồng'],
  [1_000_000, 'Một triệu đồng'],
  [1_000_005, 'Một triệu không trăm linh năm đồng'],
  [1_005_000, 'Một triệu không trăm linh năm nghìn đồng'],
  [1_250_000, 'Một triệu hai trăm năm mươi nghìn đồng'],
  [2_500_500, 'Hai triệu năm trăm nghìn năm trăm đồng'],
  [10_000_000, 'Mười triệu đồng'],
  [25_000_000, 'Hai mươi lăm triệu đồng'],
  [1_000_000_000, 'Một tỷ đồng'],
  [1_000_000_005, 'Một tỷ không trăm linh năm đồng'],
  [1_000_001_000, 'Một tỷ không trăm linh một nghìn đồng'],
  [5_020_000_000, 'Năm tỷ không trăm hai mươi triệu đồng'],
  [999_999_999_999, 'Chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng'],
  [1_000_000_000_000, 'Một nghìn tỷ đồng'],
  [1_500_000_000_000, 'Một nghìn năm trăm tỷ đồng'],
  [2_000_000_000_001, 'Hai nghìn tỷ không trăm linh một đồng'],
];

describe('amountInWords', () => {
  it.each(cases)('%d → %s', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects %d with a RangeError', (amount) => {
    expect(() => amountInWords(amount)).toThrow(RangeError);
  });

  it('reads n nghìn exactly as n followed by nghìn', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), (n) => {
        const units = amountInWords(n).replace(/ đồng$/, '');
        expect(amountInWords(n * 1000)).toBe(`${units} nghìn đồng`);
      }),
    );
  });

  const vocabulary = new Set('không một hai ba bốn năm sáu bảy tám chín mười mươi mốt tư lăm linh trăm nghìn triệu tỷ'.split(' '));

  it('always yields a capitalised sentence ending in đồng, in known words, no scale word twice in a row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const words = amountInWords(n);
        expect(words).toMatch(/^[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]/u);
        expect(words.endsWith(' đồng')).toBe(true);
        const body = words
          .replace(/ đồng$/, '')
          .toLowerCase()
          .split(' ');
        for (const word of body) expect(vocabulary.has(word)).toBe(true);
        expect(words).not.toMatch(/(trăm|nghìn|triệu|tỷ|mươi|mười) \1/u);
        expect(words.toLowerCase().startsWith('không') && n !== 0).toBe(false);
      }),
    );
  });
});
