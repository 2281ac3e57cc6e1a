import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '../../shared/sync/protocol';
import { SECTIONS } from '../kiosk/sections';
import { DEFAULT_IDLE_LOCK_MINUTES, idleLockMinutes, idleLockMs, shouldLock } from './idle';
import { allowedSections, canEditPrinters, canViewPersonalData, homeSection, ROLE_SECTIONS } from './roles';

const ORDER = SECTIONS.map((s) => s.id);

describe('role restrictions', () => {
  it('gives each role only its screens', () => {
    expect(allowedSections(['receiving'], ORDER)).toEqual(['receive', 'stop', 'search']);
    expect(allowedSections(['returnDesk'], ORDER)).toEqual(['return', 'tracking', 'stop', 'search']);
    expect(allowedSections(['handoff'], ORDER)).toEqual(['handoff']);
    expect(allowedSections(['administrator'], ORDER)).toEqual(['settings', 'admin']);
    expect(allowedSections(['supervisor'], ORDER)).toEqual(ORDER.filter((id) => id !== 'admin'));
    expect(allowedSections(['receiving', 'handoff'], ORDER)).toEqual(['receive', 'handoff', 'stop', 'search']);
    expect(allowedSections([], ORDER)).toEqual([]);
  });

  it('the returnDesk never reaches Tiếp nhận, only administrators edit printers', () => {
    expect(allowedSections(['returnDesk'], ORDER)).not.toContain('receive');
    expect(canEditPrinters(['supervisor'])).toBe(false);
    expect(canEditPrinters(['administrator'])).toBe(true);
    expect(canViewPersonalData(['handoff'])).toBe(false);
    expect(canViewPersonalData(['administrator'])).toBe(false);
    expect(canViewPersonalData(['returnDesk'])).toBe(true);
  });

  it('the union of roles is exactly the union of their sections, in shell order', () => {
    fc.assert(
      fc.property(fc.subarray([...STAFF_ROLES] as StaffRole[]), (roles) => {
        const got = allowedSections(roles, ORDER);
        const expected = new Set(roles.flatMap((r) => ROLE_SECTIONS[r]));
        expect(new Set(got)).toEqual(expected);
        expect(got).toEqual(ORDER.filter((id) => got.includes(id)));
      }),
    );
  });
});

describe('idle lock timing', () => {
  it('reads the Center setting and falls back to 5 minutes on anything unusable', () => {
    expect(idleLockMinutes(undefined)).toBe(DEFAULT_IDLE_LOCK_MINUTES);
    expect(idleLockMinutes({ body: { minutes: 10 } })).toBe(10);
    expect(idleLockMinutes({ body: { value: 0.05 } })).toBe(0.05);
    expect(idleLockMinutes({ body: { minutes: '2,5' } })).toBe(2.5);
    expect(idleLockMinutes({ body: 3 })).toBe(3);
    for (const bad of [{ minutes: 0 }, { minutes: -1 }, { minutes: 'năm' }, { minutes: 1e9 }, null, {}]) {
      expect(idleLockMinutes({ body: bad })).toBe(DEFAULT_IDLE_LOCK_MINUTES);
    }
  });

  it('locks once the idle time has passed, never sooner than a second', () => {
    expect(idleLockMs(0.05)).toBe(3_000);
    expect(idleLockMs(0.001)).toBe(1_000);
    expect(shouldLock(0, 299_999, 5)).toBe(false);
    expect(shouldLock(0, 300_000, 5)).toBe(true);
    fc.assert(
      fc.property(fc.double({ min: 0.02, max: 240, noNaN: true }), fc.nat(10_000_000), (minutes, idle) => {
        expect(shouldLock(1_000, 1_000 + idle, minutes)).toBe(idle >= Math.round(minutes * 60_000));
      }),
    );
  });
});

describe('where an officer lands after signing in', () => {
  it('is their own desk, not the first section in the bar', () => {
    expect(homeSection(['returnDesk', 'handoff'])).toBe('return');
    expect(homeSection(['handoff', 'returnDesk'])).toBe('return');
    expect(homeSection(['receiving'])).toBe('receive');
    expect(homeSection(['handoff'])).toBe('handoff');
    expect(homeSection(['supervisor'])).toBe('tracking');
    expect(homeSection(['administrator'])).toBe('admin');
    expect(homeSection([])).toBeUndefined();
  });
});
