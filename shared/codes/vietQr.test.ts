import { describe, expect, it } from 'vitest';
import { crc16CcittFalse, vietQrPayload } from './vietQr';

const account = { bin: '970415', accountNumber: '113366668888', accountName: 'TRUNG TAM PVHCC TINH NGHE AN' };

describe('crc16CcittFalse', () => {
  it('gives the catalogue check value of CRC-16/CCITT-FALSE', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1');
  });

  it('reproduces the CRC of a published VietQR payload', () => {
    // github.com/subiz/vietqr README: 120.000 đ to VietinBank (970415) account 0011001932418, "ung ho lu lut".
    const published = '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C';
    expect(crc16CcittFalse(published.slice(0, -4))).toBe(published.slice(-4));
  });
});

describe('vietQrPayload', () => {
  it('builds the dynamic transfer-to-account QR with the amount and the dossier code', () => {
    // Built by hand from the EMVCo MPM / NAPAS layout; CRC checked with Python's binascii.crc_hqx(payload, 0xFFFF).
    const expected = '00020101021238560010A0000007270126000697041501121133666688880208QRIBFTTA53037045405500005802VN62580125000.00.15.H41-260112-00010825000.00.15.H41-260112-000163047B37';
    expect(vietQrPayload({ account, amount: 50_000, reference: '000.00.15.H41-260112-0001' })).toEqual({ ok: true, value: expected });
  });

  it('refuses what a bank would reject, in Vietnamese', () => {
    const bad = (patch: object) => {
      const r = vietQrPayload({ account, amount: 50_000, reference: '000.00.15.H41-260112-0001', ...patch });
      return r.ok ? undefined : r.error.field;
    };
    expect(bad({ account: { ...account, bin: '97041' } })).toBe('bin');
    expect(bad({ account: { ...account, bin: '97041A' } })).toBe('bin');
    expect(bad({ account: { ...account, accountNumber: '12345678901234567890' } })).toBe('accountNumber');
    expect(bad({ account: { ...account, accountNumber: '1133-6666' } })).toBe('accountNumber');
    expect(bad({ account: { ...account, accountNumber: 'ABC1234567890123456' } })).toBeUndefined();
    expect(bad({ account: { ...account, accountName: ' ' } })).toBe('accountName');
    expect(bad({ amount: 1500.5 })).toBe('amount');
    expect(bad({ amount: 0 })).toBe('amount');
    expect(bad({ reference: 'Phí hồ sơ' })).toBe('reference');
    expect(bad({ reference: '000.00.15.H41-260112-00012' })).toBe('reference');
    const r = vietQrPayload({ account: { ...account, bin: '123' }, amount: 1, reference: 'X' });
    expect(r.ok ? '' : r.error.message).toContain('6 chữ số');
  });
});
