import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYymmdd } from './calendarDate';
import { formatDossierCode, parseDossierCode } from './dossierCode';
import { agencyCode, centralAgencyCode, codeDate, sequence, twoDigits } from './testArbitraries';

describe('formatDossierCode', () => {
  it.each<[Parameters<typeof formatDossierCode>[0], string]>([
    [{ agency: '000.00.15.H41', date: { year: 2026, month: 1, day: 12 }, seq: 1 }, '000.00.15.H41-260112-0001'],
    [{ agency: '000.00.15.H41', date: '2026-01-12', seq: 1 }, '000.00.15.H41-260112-0001'],
    [{ agency: '000.17.22.H56', date: '2021-05-31', seq: 1 }, '000.17.22.H56-210531-0001'],
    [{ agency: '000.00.04.H40', date: '2023-04-14', seq: 2 }, '000.00.04.H40-230414-0002'],
    [{ agency: '000.00.15.H41', date: '2024-02-29', seq: 9999 }, '000.00.15.H41-240229-9999'],
    [{ agency: '000.00.15.H41', date: '2026-12-31', seq: 10_000 }, '000.00.15.H41-261231-10000'],
    [{ agency: '000.00.15.H41', date: '2000-01-01', seq: 123_456 }, '000.00.15.H41-000101-123456'],
  ])('%j → %s', (input, code) => {
    expect(formatDossierCode(input)).toBe(code);
  });

  it.each([
    { agency: '000.00.15.h41', date: '2026-01-12', seq: 1 },
    { agency: '00.00.15.H41', date: '2026-01-12', seq: 1 },
    { agency: 'H41.001.01', date: '2026-01-12', seq: 1 },
    { agency: '000.00.15.H41', date: '2026-01-12', seq: 0 },
    { agency: '000.00.15.H41', date: '2026-01-12', seq: -3 },
    { agency: '000.00.15.H41', date: '2026-01-12', seq: 1.5 },
    { agency: '000.00.15.H41', date: '2026-01-12', seq: 1_000_000_000 },
    { agency: '000.00.15.H41', date: '2026-02-29', seq: 1 },
    { agency: '000.00.15.H41', date: '2026-1-12', seq: 1 },
    { agency: '000.00.15.H41', date: '1999-12-31', seq: 1 },
    { agency: '000.00.15.H41', date: { year: 2026, month: 13, day: 1 }, seq: 1 },
  ])('throws RangeError for %j', (input) => {
    expect(() => formatDossierCode(input)).toThrow(RangeError);
  });
});

describe('parseDossierCode', () => {
  it('reads the real examples', () => {
    expect(parseDossierCode('000.17.22.H56-210531-0001')).toEqual({
      ok: true,
      value: {
        shape: 'agency',
        agency: '000.17.22.H56',
        date: { year: 2021, month: 5, day: 31 },
        seq: 1,
        code: '000.17.22.H56-210531-0001',
      },
    });
    expect(parseDossierCode('000.00.04.H40-230414-0002')).toEqual({
      ok: true,
      value: {
        shape: 'agency',
        agency: '000.00.04.H40',
        date: { year: 2023, month: 4, day: 14 },
        seq: 2,
        code: '000.00.04.H40-230414-0002',
      },
    });
  });

  it('reads the nationwide central shape with its system owner', () => {
    expect(parseDossierCode('G22.001.05-250815-030042')).toEqual({
      ok: true,
      value: {
        shape: 'central',
        agency: 'G22.001.05',
        date: { year: 2025, month: 8, day: 15 },
        seq: 42,
        systemOwner: '03',
        code: 'G22.001.05-250815-030042',
      },
    });
  });

  it.each<[string, number]>([
    ['000.00.15.H41-260112-12345', 12345],
    ['  000.00.15.H41-260112-0007\n', 7],
    ['000.00.15.H41-240229-0001', 1],
  ])('accepts %j', (text, seq) => {
    const result = parseDossierCode(text);
    expect(result.ok && result.value.seq).toBe(seq);
  });

  it.each<[string, string, RegExp]>([
    ['', 'empty', /Chưa nhập/],
    ['   ', 'empty', /Chưa nhập/],
    ['000.00.15.H41 -260112-0001', 'innerWhitespace', /khoảng trắng.*vị trí 14/],
    ['000.00.15.H41-260112 0001', 'innerWhitespace', /khoảng trắng/],
    ['000.00.15.h41-260112-0001', 'lowercase', /in hoa.*000\.00\.15\.H41-260112-0001/],
    ['000.00.15.H41_260112_0001', 'wrongSeparator', /«_»/],
    ['000.00.15.H41/260112/0001', 'wrongSeparator', /«\/»/],
    ['000.00.15.H41–260112–0001', 'wrongSeparator', /«–»/],
    ['000.00.15.H41.260112.0001', 'wrongSeparator', /3 phần/],
    ['000.00.15.H41-260112', 'wrongSeparator', /3 phần/],
    ['000.00.15.H41-260112-0001-2', 'wrongSeparator', /3 phần/],
    ['000.00.15.Ư41-260112-0001', 'invalidCharacter', /«Ư»/],
    ['00.00.15.H41-260112-0001', 'badAgency', /«00\.00\.15\.H41»/],
    ['000.00.15.41-260112-0001', 'badAgency', /mã cơ quan/],
    ['000.00.15.HH1-260112-0001', 'badAgency', /mã cơ quan/],
    ['000.00.15.H41-26011-0001', 'badDate', /6 chữ số/],
    ['000.00.15.H41-2601120-0001', 'badDate', /6 chữ số/],
    ['000.00.15.H41-260231-0001', 'impossibleDate', /260231.*không có thật/],
    ['000.00.15.H41-250229-0001', 'impossibleDate', /không có thật/],
    ['000.00.15.H41-261301-0001', 'impossibleDate', /không có thật/],
    ['000.00.15.H41-260100-0001', 'impossibleDate', /không có thật/],
    ['000.00.15.H41-260112-0000', 'zeroSequence', /0000.*0001/],
    ['000.00.15.H41-260112-001', 'badSequence', /ít nhất 4 chữ số/],
    ['000.00.15.H41-260112-', 'badSequence', /ít nhất 4 chữ số/],
    ['000.00.15.H41-260112-00A1', 'badSequence', /ít nhất 4 chữ số/],
    ['000.00.15.H41-260112-1234567890', 'badSequence', /ít nhất 4 chữ số/],
    ['G22.001.05-250815-0042', 'badSequence', /2 chữ số mã hệ thống/],
    ['G22.001.05-250815-030000', 'zeroSequence', /bằng 0/],
  ])('%j → %s', (text, code, message) => {
    const result = parseDossierCode(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(message);
    }
  });

  it('round-trips every valid ordinary code', () => {
    fc.assert(
      fc.property(agencyCode, codeDate, sequence, (agency, date, seq) => {
        const code = formatDossierCode({ agency, date, seq });
        expect(code).toMatch(/^[0-9A-Z.-]+$/);
        expect(parseDossierCode(code)).toEqual({ ok: true, value: { shape: 'agency', agency, date, seq, code } });
      }),
    );
  });

  it('round-trips every valid central code', () => {
    fc.assert(
      fc.property(centralAgencyCode, codeDate, twoDigits, fc.integer({ min: 1, max: 99_999 }), (agency, date, owner, seq) => {
        const code = `${agency}-${formatYymmdd(date)}-${owner}${String(seq).padStart(4, '0')}`;
        expect(parseDossierCode(code)).toEqual({
          ok: true,
          value: { shape: 'central', agency, date, seq, systemOwner: owner, code },
        });
      }),
    );
  });

  it('never throws and always explains a refusal in a sentence', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const result = parseDossierCode(text);
        if (!result.ok) expect(result.error.message).toMatch(/\S{2,}.*[.?]$/u);
      }),
    );
  });
});
