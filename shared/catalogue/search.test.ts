import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDemoCatalogue } from './demo';
import type { Procedure } from './model';
import { createProcedureIndex, foldVietnamese, searchProcedures, tokenize } from './search';

const demo = parseDemoCatalogue(readFileSync(new URL('../../assets/catalogue/catalogue-demo.csv', import.meta.url), 'utf8')).procedures;
const index = createProcedureIndex(demo);
const codes = (query: string, limit?: number) => index.search(query, limit).map((m) => m.procedure.code);

function procedure(code: string, name: string, field = ''): Procedure {
  return {
    code,
    localCode: `${code}.000.00.00.H41`,
    name,
    field,
    departmentId: '',
    departmentName: '',
    agencyNote: '',
    processingDays: 1,
    fees: [],
    feeNote: '',
    documents: [],
    documentNotes: [],
    collectionMethods: ['desk'],
    formVersion: '2025',
    source: '',
    demo: false,
    incomplete: [],
  };
}

describe('foldVietnamese', () => {
  it('lowercases and strips every diacritic, đ included', () => {
    expect(foldVietnamese('Cấp giấy phép xây dựng')).toBe('cap giay phep xay dung');
    expect(foldVietnamese('ĐĂNG KÝ ĐẤT ĐAI')).toBe('dang ky dat dai');
    expect(foldVietnamese('Ủy ban, Hồ sơ, Thửa, Nghệ An, Tĩnh')).toBe('uy ban, ho so, thua, nghe an, tinh');
  });

  it('gives the same result for precomposed (NFC) and decomposed (NFD) input', () => {
    const text = 'Trường Thi, phường Trường Vinh';
    expect(foldVietnamese(text.normalize('NFD'))).toBe(foldVietnamese(text.normalize('NFC')));
  });

  it('is idempotent and leaves no combining mark (property)', () => {
    const vietnamese = fc.string({ unit: fc.constantFrom(...'aăâbdđeêioôơuưyAĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ .,1'.split('')) });
    fc.assert(
      fc.property(vietnamese, (text) => {
        const folded = foldVietnamese(text);
        expect(foldVietnamese(folded)).toBe(folded);
        expect(folded).toMatch(/^[a-z .,1]*$/);
        // One letter out per letter in; runs of spaces fold to one and the ends are trimmed.
        expect(folded).toHaveLength(text.replace(/\s+/g, ' ').trim().length);
      }),
    );
  });
});

describe('createProcedureIndex / search', () => {
  it('finds names typed without diacritics', () => {
    expect(codes('cap phep xay dung')).toEqual(['1.013236']);
    expect(index.search('cap phep xay dung')[0]?.procedure.name).toMatch(/^Cấp giấy phép xây dựng/);
  });

  it('matches the same with diacritics, any case', () => {
    expect(codes('CẤP PHÉP XÂY DỰNG')).toEqual(codes('cap phep xay dung'));
  });

  it('matches token prefixes as the officer types', () => {
    expect(codes('giay phep lao')).toEqual(['1.014199']);
    expect(codes('ly lich tu')).toEqual(['3.000333']);
    expect(codes('ly lich tu phap xyz')).toEqual([]);
  });

  it('requires every token to match', () => {
    const all = codes('cong chung', 50);
    expect(all.length).toBeGreaterThan(0);
    for (const code of codes('cong chung vien', 50)) expect(all).toContain(code);
    expect(codes('cong chung vien')).toEqual(['1.013859']);
  });

  it('matches the field', () => {
    expect(codes('dat dai').sort()).toEqual(['1.012783', '1.012784', '1.012786', '1.012790']);
  });

  it('ranks code prefix matches first, in code order, exact code on top', () => {
    expect(codes('1.0127')).toEqual(['1.012783', '1.012784', '1.012786', '1.012790']);
    expect(index.search('1.0127').every((m) => m.matchedOn === 'code')).toBe(true);
    expect(codes('1.012790')[0]).toBe('1.012790');
    expect(codes('1012790')[0]).toBe('1.012790');
    expect(codes('1.004623.000.00.00.h41')).toEqual(['1.004623']);
  });

  it('puts a code match before text matches of the same query', () => {
    const small = createProcedureIndex([procedure('2.000001', 'Thủ tục 1.000002'), procedure('1.000002', 'Khác')]);
    expect(small.search('1.000002').map((m) => [m.procedure.code, m.matchedOn])).toEqual([
      ['1.000002', 'code'],
      ['2.000001', 'text'],
    ]);
  });

  it('ranks a name starting with the query first, then shorter names', () => {
    const small = createProcedureIndex([
      procedure('1.000001', 'Gia hạn giấy phép lái xe'),
      procedure('1.000002', 'Cấp lại giấy phép lái xe'),
      procedure('1.000003', 'Cấp lại giấy phép lái xe quốc tế dài hơn'),
    ]);
    expect(small.search('cap lai giay phep').map((m) => m.procedure.code)).toEqual(['1.000002', '1.000003']);
    expect(small.search('giay phep lai').map((m) => m.procedure.code)).toEqual(['1.000001', '1.000002', '1.000003']);
  });

  it('respects the limit and ignores an empty query', () => {
    expect(index.search('cap', 3)).toHaveLength(3);
    expect(index.search('cap').length).toBeLessThanOrEqual(20);
    expect(index.search('   ')).toEqual([]);
    expect(index.search('cap', 0)).toEqual([]);
    expect(index.size).toBe(41);
  });

  it('searchProcedures gives the same answer as the index', () => {
    expect(searchProcedures(demo, 'thu y').map((m) => m.procedure.code)).toEqual(codes('thu y'));
  });

  it('returns exactly the procedures whose words start with every query token (property)', () => {
    const words = [...new Set(demo.flatMap((p) => tokenize(`${p.name} ${p.field}`)))];
    const query = fc.array(
      fc.tuple(fc.constantFrom(...words), fc.integer({ min: 1, max: 8 })).map(([w, n]) => w.slice(0, n)),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(query, (tokens) => {
        const results = index.search(tokens.join(' '), 100);
        for (const m of results.filter((r) => r.matchedOn === 'text')) {
          const own = tokenize(`${m.procedure.name} ${m.procedure.field} ${m.procedure.code}`);
          for (const t of tokens) expect(own.some((w) => w.startsWith(t))).toBe(true);
        }
        const expected = demo.filter((p) => {
          const own = tokenize(`${p.name} ${p.field} ${p.code}`);
          return tokens.every((t) => own.some((w) => w.startsWith(t)));
        });
        const found = new Set(results.map((m) => m.procedure.code));
        for (const p of expected) expect(found).toContain(p.code);
      }),
      { numRuns: 200 },
    );
  });
});
