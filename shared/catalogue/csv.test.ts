import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectDelimiter, formatCsv, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads plain fields and CRLF, LF and CR line ends', () => {
    expect(parseCsv('a,b\r\nc,d\ne,f\rg,h').rows).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('drops a leading BOM so the first header is not "\\uFEFFcode"', () => {
    expect(parseCsv('\uFEFFcode,name\n1.012790,x').rows[0]).toEqual(['code', 'name']);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const text = 'code,note\r\n1,"Bảng ""Cách thức"", dòng 1\r\ndòng 2"\r\n';
    expect(parseCsv(text).rows).toEqual([
      ['code', 'note'],
      ['1', 'Bảng "Cách thức", dòng 1\r\ndòng 2'],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,c,\n,,,').rows).toEqual([
      ['a', '', 'c', ''],
      ['', '', '', ''],
    ]);
  });

  it('does not add a record for the final line break', () => {
    expect(parseCsv('a\nb\n').rows).toEqual([['a'], ['b']]);
    expect(parseCsv('').rows).toEqual([]);
  });

  it('keeps a quote in the middle of an unquoted field literally', () => {
    expect(parseCsv('Giấy 2"x3",b').rows).toEqual([['Giấy 2"x3"', 'b']]);
  });

  it('reports an unclosed quote with its record and line, keeping the records before it', () => {
    const result = parseCsv('code,name\n1,ok\n2,"không đóng\nvẫn mở');
    expect(result.rows).toEqual([
      ['code', 'name'],
      ['1', 'ok'],
    ]);
    expect(result.error).toMatchObject({ row: 3, line: 3 });
    expect(result.error?.message).toContain('Dòng 3');
  });

  it('detects ";" and tab delimiters from the header line', () => {
    expect(detectDelimiter('code;name;field\n1,2;3')).toBe(';');
    expect(detectDelimiter('code\tname\n')).toBe('\t');
    expect(detectDelimiter('"a;b",c\n')).toBe(',');
    expect(parseCsv('code;name\n1.012790;"Cấp; đổi"').rows[1]).toEqual(['1.012790', 'Cấp; đổi']);
  });

  it('reads back whatever formatCsv writes (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Đ', 'ế', ',', ';', '"', '\n', '\r', ' ', '|', '1') });
    const table = fc.integer({ min: 1, max: 5 }).chain((width) => fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }));
    fc.assert(
      fc.property(table, fc.constantFrom(',', ';'), (rows, delimiter) => {
        // A lone empty field is indistinguishable from a blank line, as in every CSV reader.
        fc.pre(!rows.some((r) => r.length === 1 && r[0] === ''));
        const parsed = parseCsv(formatCsv(rows, delimiter), delimiter);
        expect(parsed.error).toBeUndefined();
        expect(parsed.rows).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});
