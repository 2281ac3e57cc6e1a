import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each<[string, 'mobile' | 'landline', string, string]>([
    ['0912345678', 'mobile', '0912345678', '0912 345 678'],
    ['0912 345 678', 'mobile', '0912345678', '0912 345 678'],
    ['0912.345.678', 'mobile', '0912345678', '0912 345 678'],
    ['0912-345-678', 'mobile', '0912345678', '0912 345 678'],
    ['+84912345678', 'mobile', '0912345678', '0912 345 678'],
    ['+84 912 345 678', 'mobile', '0912345678', '0912 345 678'],
    ['84912345678', 'mobile', '0912345678', '0912 345 678'],
    ['0387654321', 'mobile', '0387654321', '0387 654 321'],
    ['0523456789', 'mobile', '0523456789', '0523 456 789'],
    ['0701234567', 'mobile', '0701234567', '0701 234 567'],
    ['0861234567', 'mobile', '0861234567', '0861 234 567'],
    ['02383841234', 'landline', '02383841234', '0238 384 1234'],
    ['(0238) 384 1234', 'landline', '02383841234', '0238 384 1234'],
    ['+842383841234', 'landline', '02383841234', '0238 384 1234'],
    ['842383841234', 'landline', '02383841234', '0238 384 1234'],
    ['02438251234', 'landline', '02438251234', '024 3825 1234'],
    ['028 3829 1234', 'landline', '02838291234', '028 3829 1234'],
  ])('%j → %s %s', (text, kind, number, display) => {
    expect(normalizePhone(text)).toEqual({ ok: true, value: { kind, number, display } });
  });

  it.each<[string, string]>([
    ['', 'empty'],
    [' - ', 'empty'],
    ['0912a45678', 'invalidCharacter'],
    ['0912+345678', 'invalidCharacter'],
    ['091234567', 'wrongLength'],
    ['09123456789', 'wrongLength'],
    ['0238384123', 'wrongLength'],
    ['01683456789', 'oldMobileNumber'],
    ['0123456789', 'unknownPrefix'],
    ['0612345678', 'unknownPrefix'],
    ['+14155550123', 'unknownPrefix'],
    ['912345678', 'unknownPrefix'],
  ])('%j → %s', (text, code) => {
    const result = normalizePhone(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(/[.)]$/);
    }
  });

  it('agrees with the official mobile pattern and is stable on its own output', () => {
    const official = /^(0|\+84)(3|5|7|8|9)[0-9]{8}$/;
    fc.assert(
      fc.property(fc.constantFrom('0', '+84', '84'), fc.stringMatching(/^\d{9}$/), (prefix, rest) => {
        const text = prefix + rest;
        const result = normalizePhone(text);
        const expectedMobile = official.test(prefix === '84' ? `+${text}` : text);
        expect(result.ok && result.value.kind === 'mobile').toBe(expectedMobile);
        if (result.ok) {
          expect(normalizePhone(result.value.display)).toEqual(result);
          expect(normalizePhone(result.value.number)).toEqual(result);
        }
      }),
    );
  });
});
