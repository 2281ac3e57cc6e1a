import { describe, expect, it } from 'vitest';
import { codeSearchKeys, codeTailDigits, nameSearchKeys } from './searchKeys';

describe('search keys', () => {
  it('a name from each word on, folded', () => {
    expect(nameSearchKeys('Nguyễn  Thu Hà')).toEqual(['nguyen thu ha', 'thu ha', 'ha']);
    expect(nameSearchKeys('')).toEqual([]);
  });

  it('a code’s date and sequence digits, and its sequence from each position, three digits at least', () => {
    expect(codeTailDigits('000.00.15.H41-260112-0004')).toBe('2601120004');
    expect(codeTailDigits('H41.001.02-260112-010004')).toBe('260112010004');
    expect(codeSearchKeys('000.00.15.H41-260112-0004')).toEqual(['2601120004', '01120004', '0004', '004']);
    expect(codeSearchKeys('H41.001.02-260112-010004')).toEqual(['260112010004', '0112010004', '010004', '10004', '0004', '004']);
    expect(codeSearchKeys(undefined)).toEqual([]);
    expect(codeSearchKeys('000.00.15.H41')).toEqual([]);
  });
});
