// The wire schema against the domain's own fixtures: every event type the reducer knows has a
// schema, sound events pass it, and the new facts' malformed shapes are refused before the reducer.
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { plausibleEvent } from '../domain/fixtures';
import { DOSSIER_EVENT_TYPES } from '../domain/types';
import { dossierEventSchema, EVENT_TYPES } from './eventSchema';

const validate = new Ajv({ allErrors: true, strict: false }).compile(dossierEventSchema);

describe('dossier event wire schema', () => {
  it('has a payload schema for exactly the event types the reducer knows', () => {
    expect([...EVENT_TYPES].sort()).toEqual([...DOSSIER_EVENT_TYPES].sort());
  });

  it('accepts a sound event of every type and variant', () => {
    const variants: Record<string, (string | undefined)[]> = { papersReturned: ['atCenter', 'toApplicant'], handedToCourier: ['toDepartment', 'toCenter'], documentDigitised: ['copy', 'exempt'] };
    for (const type of DOSSIER_EVENT_TYPES) {
      for (const variant of variants[type] ?? [undefined]) {
        const event = plausibleEvent(type, variant, undefined, { seed: 11 });
        expect(validate(event), `${type} ${variant ?? ''}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    }
  });

  it('refuses a papers return mixing the two stages, and a notice on an unknown channel', () => {
    const back = plausibleEvent('papersReturned', 'atCenter', undefined, { seed: 1 });
    expect(validate({ ...back, payload: { ...back.payload, at: '2026-01-16T02:30:00.000Z' } })).toBe(false);
    expect(validate({ ...back, payload: { stage: 'toApplicant', batchId: 'BG-1' } })).toBe(false);
    const notice = plausibleEvent('applicantNotified', undefined, undefined, { seed: 1 });
    expect(validate(notice)).toBe(true);
    expect(validate({ ...notice, payload: { ...notice.payload, channel: 'fax' } })).toBe(false);
    expect(validate({ ...notice, payload: { ...notice.payload, early: 'yes' } })).toBe(false);
  });

  it('refuses a digitised copy without a proper address or pages, and an exemption without a reason', () => {
    const copy = plausibleEvent('documentDigitised', 'copy', undefined, { seed: 2 });
    const exempt = plausibleEvent('documentDigitised', 'exempt', undefined, { seed: 2 });
    expect(validate(copy)).toBe(true);
    expect(validate(exempt)).toBe(true);
    const withPayload = (e: typeof copy, payload: Record<string, unknown>) => ({ ...e, payload: { ...e.payload, ...payload } });
    expect(validate(withPayload(copy, { sha256: 'A'.repeat(64) }))).toBe(false);
    expect(validate(withPayload(copy, { sha256: 'a'.repeat(65) }))).toBe(false);
    expect(validate(withPayload(copy, { pages: 0 }))).toBe(false);
    expect(validate(withPayload(copy, { line: -1 }))).toBe(false);
    expect(validate(withPayload(copy, { source: 'fax' }))).toBe(false);
    // The two kinds do not mix: a copy carries no exemption, an exemption no address.
    expect(validate(withPayload(copy, { exemption: 'shownOnly' }))).toBe(false);
    expect(validate(withPayload(exempt, { sha256: 'a'.repeat(64) }))).toBe(false);
    expect(validate(withPayload(exempt, { reason: '' }))).toBe(false);
    expect(validate(withPayload(exempt, { exemption: 'lazy' }))).toBe(false);
  });

  it('accepts a reception with its status secret, and refuses a secret of another shape', () => {
    const received = plausibleEvent('received', undefined, undefined, { seed: 3 });
    const withSecret = (statusSecret: unknown) => ({ ...received, payload: { ...received.payload, statusSecret } });
    expect(validate(withSecret('K7QW2MXR4TZB'))).toBe(true);
    for (const bad of ['k7qw2mxr4tzb', 'K7QW2MXR4TZ', 'K7QW2MXR4TZB1', 'K7QW2MXR4T0B', 12]) expect(validate(withSecret(bad)), String(bad)).toBe(false);
  });
});
