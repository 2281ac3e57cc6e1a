import { describe, expect, it } from 'vitest';
import { newStatusSecret, STATUS_SECRET_PATTERN } from './statusSecret';

describe('newStatusSecret', () => {
  it('makes 12 base32 characters, a different one each time', () => {
    const secrets = Array.from({ length: 200 }, () => newStatusSecret());
    for (const s of secrets) expect(s).toMatch(STATUS_SECRET_PATTERN);
    expect(new Set(secrets).size).toBe(200);
  });

  it('maps every byte value onto the alphabet evenly (256 is a multiple of 32)', () => {
    expect(newStatusSecret((b) => b.fill(0))).toBe('AAAAAAAAAAAA');
    expect(newStatusSecret((b) => b.fill(31))).toBe('777777777777');
    expect(newStatusSecret((b) => b.fill(32))).toBe('AAAAAAAAAAAA');
    expect(newStatusSecret((b) => b.fill(255))).toBe('777777777777');
  });
});
