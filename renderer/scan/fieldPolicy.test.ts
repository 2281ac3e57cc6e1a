import { describe, expect, test } from 'vitest';
import { scanTypedIntoField } from './fieldPolicy';
import { makeScan } from './scanStream';

const CARD = '040090001234||Nguyễn Văn An|01011990|Nam|Phường Vinh Phú, tỉnh Nghệ An|04102024||||';
const scan = (code: string) => makeScan(code, 'keyboard', '2026-01-12T08:00:00Z');

describe('what a field does with a scan typed into it', () => {
  test('a field for text takes everything but a card; a field for typing takes only what is no code', () => {
    expect(scanTypedIntoField('text', scan('EA123456789VN'))).toBe(true);
    expect(scanTypedIntoField('text', scan('000.00.15.H41-260112-0001'))).toBe(true);
    expect(scanTypedIntoField('typing', scan('Nguyễn Văn An'))).toBe(true);
    expect(scanTypedIntoField('typing', scan('000.00.15.H41-260112-0001'))).toBe(false);
    expect(scanTypedIntoField('typing', scan('BG-260112-07-01'))).toBe(false);
  });

  test('a card, good or bad, always goes to the screen; with no policy every scan does', () => {
    for (const policy of ['text', 'typing', undefined] as const) {
      expect(scanTypedIntoField(policy, scan(CARD))).toBe(false);
      expect(scanTypedIntoField(policy, scan('040090001234||Nguyễn Văn An'))).toBe(false);
    }
    expect(scanTypedIntoField(undefined, scan('EA123456789VN'))).toBe(false);
  });
});
