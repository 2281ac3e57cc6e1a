// The numeric key a desk prints must scan back to the very dossier it was printed for, whatever
// agency or shape the code has; a code with no such key prints without the 1D symbol.
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { fromVnLocal } from '../../shared/calendar';
import { dossierCodeFromBarcodeKey, parseDossierBarcodeKey } from '../../shared/codes';
import { formatYymmdd } from '../../shared/codes/calendarDate';
import { agencyCode, centralAgencyCode, codeDate, sequence, twoDigits } from '../../shared/codes/testArbitraries';
import type { BarcodeBlock } from '../../shared/documents';
import type { DossierState } from '../../shared/domain';
import { MotCuaDb } from '../db';
import { deskContext } from '../testing/desk';
import { returnConfirmationFor } from '../features/return/confirmation';
import { agencyTableFor, DEFAULT_CENTER_CONFIG } from './config';
import { barcodeKeyFor, newAppointmentSlip, type DeskContext } from './context';

const CENTER = '000.00.15.H41';
const NOW = fromVnLocal(2026, 12, 7, 10, 0);
const ctx = (agencyIndex: number): DeskContext => ({
  ...deskContext(new MotCuaDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange }), NOW),
  config: { ...DEFAULT_CENTER_CONFIG, agencyIndex },
});

/** Every shape the counter accepts: this Center's, another agency's, the central system's, long or zero-padded sequences. */
const anyCode = fc.oneof(
  fc
    .tuple(fc.oneof(fc.constant(CENTER), agencyCode), codeDate, sequence, fc.nat({ max: 3 }))
    .map(([agency, date, seq, pad]) => `${agency}-${formatYymmdd(date)}-${String(seq).padStart(4 + pad, '0')}`),
  fc.tuple(centralAgencyCode, codeDate, twoDigits, sequence).map(([agency, date, owner, seq]) => `${agency}-${formatYymmdd(date)}-${owner}${String(seq).padStart(4, '0')}`),
);

const scanBack = (key: string, agencyIndex: number): string | undefined => {
  const parts = parseDossierBarcodeKey(key);
  const code = parts.ok ? dossierCodeFromBarcodeKey(parts.value, agencyTableFor({ ...DEFAULT_CENTER_CONFIG, agencyIndex }, CENTER)) : undefined;
  return code?.ok ? code.value : undefined;
};

const codes128 = (blocks: readonly { type: string }[]): string[] => blocks.filter((b): b is BarcodeBlock => b.type === 'barcode').map((b) => b.value);

describe('barcodeKeyFor', () => {
  it('gives a key only when it scans back to the code it was made from', () => {
    fc.assert(
      fc.property(anyCode, fc.integer({ min: 0, max: 99 }), (code, agencyIndex) => {
        const key = barcodeKeyFor(ctx(agencyIndex), code);
        if (key !== undefined) expect(scanBack(key, agencyIndex)).toBe(code);
      }),
    );
  });

  it('always keys the codes this Center issues', () => {
    fc.assert(
      fc.property(codeDate, sequence, fc.integer({ min: 0, max: 99 }), (date, seq, agencyIndex) => {
        const code = `${CENTER}-${formatYymmdd(date)}-${String(seq).padStart(4, '0')}`;
        const key = barcodeKeyFor(ctx(agencyIndex), code);
        expect(key && scanBack(key, agencyIndex)).toBe(code);
      }),
    );
  });

  it('gives no key for another agency’s code (it read back as this Center’s dossier)', () => {
    expect(barcodeKeyFor(ctx(1), 'H41.001.02-261207-010005')).toBeUndefined();
    expect(barcodeKeyFor(ctx(1), '000.00.16.H41-261207-0005')).toBeUndefined();
  });
});

describe('a reprinted slip and the return confirmation', () => {
  const state = (code: string): DossierState => ({ code, applicant: { name: 'Nguyễn Văn An' }, procedureName: 'Cấp bản sao trích lục', receivedAt: NOW.toISOString() }) as DossierState;

  it('carry no CODE128 for a code without a key, and the key of the Center’s own code', () => {
    const c = ctx(1);
    const foreign = 'H41.001.02-261207-010005';
    expect(codes128(newAppointmentSlip(c, state(foreign), NOW.toISOString())!.blocks)).toEqual([]);
    const returned = { method: 'desk', at: NOW.toISOString(), recipient: { name: 'Nguyễn Văn An', authorised: false } } as never;
    expect(codes128(returnConfirmationFor(c, state(foreign), returned)!.doc.blocks)).toEqual([]);
    const own = `${CENTER}-261207-0005`;
    expect(codes128(newAppointmentSlip(c, state(own), NOW.toISOString())!.blocks).map((k) => scanBack(k, 1))).toEqual([own]);
    expect(codes128(returnConfirmationFor(c, state(own), returned)!.doc.blocks).map((k) => scanBack(k, 1))).toEqual([own]);
  });
});
