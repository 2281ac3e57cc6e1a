import { describe, expect, it } from 'vitest';
import { makeEvent, plausibleEvent, sampleEventsTo, sampleJourney } from './fixtures';
import { applyEvent, foldEvents } from './reducer';
import { currentAppointment, timeliness } from './timeliness';
import type { DossierState } from './types';

function stateAt(status: Parameters<typeof sampleEventsTo>[0]): DossierState {
  const { state } = foldEvents(sampleEventsTo(status));
  if (!state) throw new Error('no state');
  return state;
}

// The sample deadline is 17:00 26/01/2026 in Vietnam, i.e. 10:00 UTC.
const DUE = '2026-01-26T10:00:00.000Z';

describe('timeliness by calendar day in Vietnam', () => {
  const received = stateAt('received');

  it.each([
    ['2026-01-25T16:59:00.000Z', 'early', '23:59 on the day before'],
    ['2026-01-25T17:00:00.000Z', 'onTime', '00:00 on the due day'],
    ['2026-01-26T09:00:00.000Z', 'onTime', 'before the due hour'],
    ['2026-01-26T16:59:59.000Z', 'onTime', 'after the due hour, same Vietnamese day'],
    ['2026-01-26T17:00:00.000Z', 'late', '00:00 the next day in Vietnam (still the 26th in UTC)'],
    ['2026-01-27T00:00:00+07:00', 'late', 'an offset-written time the next day'],
  ] as const)('finished at %s → %s (%s)', (finishedAt, expected, _why) => {
    expect(received.dueAt).toBe(DUE);
    expect(timeliness(received, finishedAt)).toBe(expected);
  });

  it('judges an unfinished dossier late only once now is past the deadline', () => {
    expect(timeliness(received, undefined, '2026-01-26T09:59:59.000Z')).toBeUndefined();
    expect(timeliness(received, undefined, '2026-01-26T10:00:01.000Z')).toBe('late');
    expect(timeliness(received, undefined, Date.parse('2026-02-01T00:00:00.000Z'))).toBe('late');
  });

  it('uses the time the result reached the Center, not when the applicant collected it', () => {
    const journey = foldEvents(sampleJourney(0)).state!;
    expect(timeliness(journey, undefined, '2027-01-01T00:00:00.000Z')).toBe('early');
    expect(timeliness({ ...journey, resultReadyAt: '2026-01-26T12:00:00.000Z', returnedAt: '2026-02-10T03:00:00.000Z' })).toBe('onTime');
  });

  it('an apology does not make a late dossier on time', () => {
    const atDepartment = stateAt('atDepartment');
    const apology = makeEvent(
      'apologyIssued',
      { reason: 'Chờ ý kiến liên ngành', responsibleOfficer: 'Phạm Văn Đức', reasonValid: true, newDueAt: '2026-02-05T10:00:00.000Z' },
      { seed: 11, dossierId: atDepartment.id },
    );
    const result = applyEvent(atDepartment, apology);
    if (!result.ok) throw new Error(result.error.message);
    const apologised = result.state;
    expect(currentAppointment(apologised)).toBe('2026-02-05T10:00:00.000Z');
    expect(apologised.dueAt).toBe(DUE);
    // Finished before the new date but after the original one: still late.
    expect(timeliness(apologised, '2026-02-03T03:00:00.000Z')).toBe('late');
    expect(timeliness(apologised, undefined, '2026-02-01T00:00:00.000Z')).toBe('late');
  });

  it('has no verdict for a dossier without a running deadline', () => {
    expect(timeliness(undefined)).toBeUndefined();
    expect(timeliness(stateAt('awaitingSupplement'), undefined, '2030-01-01T00:00:00.000Z')).toBeUndefined();
    expect(timeliness(stateAt('withdrawn'), undefined, '2030-01-01T00:00:00.000Z')).toBeUndefined();
    const counterRefusal = foldEvents(sampleEventsTo('refused', { by: 'counter' })).state!;
    expect(timeliness(counterRefusal, undefined, '2030-01-01T00:00:00.000Z')).toBeUndefined();
  });

  it('judges a supplemented dossier against its restarted deadline', () => {
    const awaiting = stateAt('awaitingSupplement');
    const supplied = applyEvent(awaiting, plausibleEvent('supplementSupplied', undefined, awaiting, { seed: 12, dayOffset: 20 }));
    if (!supplied.ok) throw new Error(supplied.error.message);
    expect(Date.parse(supplied.state.dueAt!)).toBeGreaterThan(Date.parse(DUE));
    expect(timeliness(supplied.state, '2026-01-28T03:00:00.000Z')).toBe('early');
  });
});
