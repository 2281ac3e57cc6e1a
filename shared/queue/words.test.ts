import { describe, expect, it } from 'vitest';
import { callAnnouncement, clipTexts, numberInWords } from './words';

describe('numberInWords', () => {
  it.each([
    [0, 'không'],
    [1, 'một'],
    [4, 'bốn'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [55, 'năm mươi lăm'],
    [91, 'chín mươi mốt'],
    [100, 'một trăm'],
    [101, 'một trăm linh một'],
    [104, 'một trăm linh bốn'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [111, 'một trăm mười một'],
    [115, 'một trăm mười lăm'],
    [121, 'một trăm hai mươi mốt'],
    [1000, 'một nghìn'],
    [1001, 'một nghìn không trăm linh một'],
    [1005, 'một nghìn không trăm linh năm'],
    [1010, 'một nghìn không trăm mười'],
    [1015, 'một nghìn không trăm mười lăm'],
    [1025, 'một nghìn không trăm hai mươi lăm'],
    [1100, 'một nghìn một trăm'],
    [1234, 'một nghìn hai trăm ba mươi tư'],
    [2024, 'hai nghìn không trăm hai mươi tư'],
    [9999, 'chín nghìn chín trăm chín mươi chín'],
    [15_000, 'mười lăm nghìn'],
    [21_005, 'hai mươi mốt nghìn không trăm linh năm'],
    [1_000_000, 'một triệu'],
    [1_000_025, 'một triệu không trăm hai mươi lăm'],
    [2_005_000, 'hai triệu không trăm linh năm nghìn'],
  ])('%i → %s', (n, words) => {
    expect(numberInWords(n)).toBe(words);
  });

  it('refuses what it cannot read', () => {
    expect(() => numberInWords(-1)).toThrow(RangeError);
    expect(() => numberInWords(1.5)).toThrow(/số nguyên/);
    expect(() => numberInWords(1e9)).toThrow(RangeError);
  });
});

describe('callAnnouncement', () => {
  it('is the phrase, the number, the phrase, the counter, clip by clip', () => {
    expect(callAnnouncement(1025, 3)).toEqual({
      text: 'Mời công dân có số thứ tự 1025 đến quầy số 3',
      clips: ['moi-cong-dan', 'mot', 'nghin', 'khong', 'tram', 'hai', 'muoi', 'lam', 'den-quay-so', 'ba'],
    });
    expect(callAnnouncement(2001, 14).clips).toEqual(['moi-cong-dan', 'hai', 'nghin', 'khong', 'tram', 'linh', 'mot', 'den-quay-so', 'muoi-huyen', 'bon']);
  });

  it('every clip a call can use has a recording text, each file once', () => {
    const files = clipTexts().map((c) => c.file);
    const recorded = new Set(files);
    expect(recorded.size).toBe(files.length);
    const missing = new Set<string>();
    for (let n = 0; n <= 9999; n++) for (const clip of callAnnouncement(n, 1 + (n % 99)).clips) if (!recorded.has(clip)) missing.add(clip);
    expect([...missing]).toEqual([]);
  });
});
