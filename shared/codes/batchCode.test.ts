import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDossierBarcodeKey } from './barcodeKey';
import { batchBarcodeKey, formatBatchCode, parseBatchBarcodeKey } from './batchCode';
import { classifyScan } from './classifyScan';
import { codeDate } from './testArbitraries';

describe('batchBarcodeKey', () => {
  const batch = fc.record({ date: codeDate, counter: fc.integer({ min: 1, max: 99 }), batchNumber: fc.integer({ min: 1, max: 9999 }) });

  it('is 12 digits that read back to the batch code and never as a dossier key', () => {
    fc.assert(
      fc.property(batch, (input) => {
        const code = formatBatchCode(input);
        const key = batchBarcodeKey(code)!;
        expect(key).toMatch(/^\d{12}$/);
        expect(parseBatchBarcodeKey(key)?.code).toBe(code);
        expect(parseDossierBarcodeKey(key).ok).toBe(false);
        expect(classifyScan(key)).toMatchObject({ kind: 'batchCode', parts: { code } });
      }),
    );
  });

  it('writes the month plus 20, and refuses a dossier key', () => {
    expect(batchBarcodeKey('BG-260112-03-02')).toBe('032621120002');
    expect(parseBatchBarcodeKey('012601120042')).toBeUndefined();
    expect(batchBarcodeKey('not a batch')).toBeUndefined();
  });
});
