// Property tests of the reducer over random histories of one dossier: legal and illegal steps,
// incoherent batches and dates, and replays of events already applied.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureUuid, plausibleEvent } from './fixtures';
import { applyEvent, foldEvents } from './reducer';
import { TRANSITIONS, caseFor, isAllowed, reachableStatuses, targetOf, variantOf } from './transitions';
import { DOSSIER_EVENT_TYPES } from './types';
import type { DossierEvent, DossierEventType, DossierState, DossierStatus } from './types';

const DOSSIER_ID = fixtureUuid(424242, 2);
const REACHABLE = reachableStatuses();

const FORWARD: Record<DossierStatus | 'new', [DossierEventType, string?]> = {
  new: ['received'],
  received: ['handedToCourier', 'toDepartment'],
  withCourier: ['deliveredToDepartment'],
  atDepartment: ['resultDispatched'],
  resultInTransit: ['resultReceived', 'result'],
  resultReady: ['returned'],
  returned: ['correctionRequested'],
  correctionRequested: ['handedToCourier', 'toDepartment'],
  awaitingSupplement: ['supplementSupplied'],
  refused: ['received'],
  withdrawn: ['papersReturned'],
};

type Intent = {
  /**
   * 'any': a uniformly chosen type; 'allowed': one the table lists for the current status;
   * 'forward': the main-path next step (so histories get deep); 'replay': an earlier event again.
   */
  mode: 'any' | 'allowed' | 'forward' | 'replay';
  pick: number;
  variantPick: number;
  /** Whether references (batch, dates) follow the dossier's state or are picked blindly. */
  coherent: boolean;
  dayOffset: number;
};

const intentArb: fc.Arbitrary<Intent> = fc.record({
  mode: fc.constantFrom('any', 'allowed', 'allowed', 'forward', 'forward', 'forward', 'replay'),
  pick: fc.nat({ max: 1000 }),
  variantPick: fc.nat({ max: 1000 }),
  coherent: fc.boolean(),
  dayOffset: fc.integer({ min: -20, max: 20 }),
});

/** Turns intents into concrete events, looking at the state reached so far to make them plausible. */
function buildHistory(intents: readonly Intent[]): DossierEvent[] {
  const events: DossierEvent[] = [];
  let state: DossierState | undefined;
  intents.forEach((intent, i) => {
    let event: DossierEvent;
    if (intent.mode === 'replay' && events.length > 0) {
      event = events[intent.pick % events.length]!;
    } else if (intent.mode === 'forward') {
      const [type, variant] = FORWARD[state?.status ?? 'new'];
      event = plausibleEvent(type, variant, state, { seed: 10_000 + i, dossierId: DOSSIER_ID, dayOffset: intent.dayOffset });
    } else {
      const status = state?.status ?? 'new';
      const allowed = DOSSIER_EVENT_TYPES.filter((t) => TRANSITIONS[t].from.includes(status));
      const pool: readonly DossierEventType[] = intent.mode === 'allowed' && allowed.length > 0 ? allowed : DOSSIER_EVENT_TYPES;
      const type = pool[intent.pick % pool.length]!;
      const variants = Object.keys(TRANSITIONS[type].variants?.cases ?? {});
      const variant = variants.length > 0 ? variants[intent.variantPick % variants.length] : undefined;
      event = plausibleEvent(type, variant, state, {
        seed: 10_000 + i,
        dossierId: DOSSIER_ID,
        dayOffset: intent.dayOffset,
        ...(intent.coherent ? {} : { batchId: `BG-${intent.variantPick % 3}` }),
      });
    }
    events.push(event);
    const result = applyEvent(state, event);
    if (result.ok) state = result.state;
  });
  return events;
}

const historyArb = fc.array(intentArb, { minLength: 1, maxLength: 40 }).map(buildHistory);

describe('reducer properties', () => {
  it('(1) only steps the table allows are accepted, and every status reached is reachable per the table', () => {
    fc.assert(
      fc.property(historyArb, (events) => {
        let state: DossierState | undefined;
        const accepted: string[] = [];
        for (const event of events) {
          const from = state?.status ?? 'new';
          const result = applyEvent(state, event);
          if (!result.ok) continue;
          expect(isAllowed(from, event.type, variantOf(event))).toBe(true);
          expect(result.state.status).toBe(targetOf(from, caseFor(event)!));
          expect(REACHABLE.has(result.state.status)).toBe(true);
          accepted.push(event.id);
          state = result.state;
          expect(state.eventIds).toEqual(accepted);
          expect(state.version).toBe(accepted.length);
          expect(state.apologyCount).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('(2) folding is deterministic, and folding only the accepted events gives the same state', () => {
    fc.assert(
      fc.property(historyArb, (events) => {
        const first = foldEvents(events);
        const second = foldEvents(structuredClone(events));
        expect(second).toEqual(first);
        // By position, not identity: a replayed event is the same object as its accepted original.
        const acceptedOnly: DossierEvent[] = [];
        let state: DossierState | undefined;
        for (const event of events) {
          const result = applyEvent(state, event);
          if (result.ok) {
            state = result.state;
            acceptedOnly.push(event);
          }
        }
        expect(acceptedOnly.length + first.rejected.length).toBe(events.length);
        const refolded = foldEvents(acceptedOnly);
        expect(refolded.rejected).toEqual([]);
        expect(refolded.state).toEqual(first.state);
      }),
      { numRuns: 300 },
    );
  });

  it('(3) an event already applied is rejected as a duplicate and changes nothing', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(), (events, pick) => {
        const { state } = foldEvents(events);
        fc.pre(state !== undefined);
        const applied = events.filter((e) => state!.eventIds.includes(e.id));
        const again = applied[pick % applied.length]!;
        const before = structuredClone(state);
        const result = applyEvent(state, again);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('DUPLICATE_EVENT');
          expect(result.error.eventId).toBe(again.id);
        }
        expect(state).toEqual(before);
        expect(foldEvents([...events, again]).state).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  it('the generated histories reach deep into the lifecycle (guards the generator itself)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(historyArb, (events) => {
        let state: DossierState | undefined;
        for (const event of events) {
          const result = applyEvent(state, event);
          if (result.ok) state = result.state;
          if (state) seen.add(state.status);
        }
      }),
      { numRuns: 400, seed: 20260112 },
    );
    expect([...seen].sort()).toEqual([...REACHABLE].sort());
  });
});
