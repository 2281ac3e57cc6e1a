// Every (status, event type, variant) pair against the table: legal pairs are accepted and land
// where the table says; every other pair is refused with the state-machine error code.
import { describe, expect, it } from 'vitest';
import { plausibleEvent, sampleEventsTo } from './fixtures';
import { applyEvent, foldEvents } from './reducer';
import { TRANSITIONS, reachableStatuses } from './transitions';
import type { DossierStatusOrNew, TransitionCase } from './transitions';
import { DOSSIER_EVENT_TYPES, DOSSIER_STATUSES } from './types';
import type { DossierEventType, DossierState } from './types';

interface StartingPoint {
  label: string;
  status: DossierStatusOrNew;
  state: DossierState | undefined;
}

function startingPoints(): StartingPoint[] {
  const points: StartingPoint[] = [{ label: 'new', status: 'new', state: undefined }];
  for (const status of DOSSIER_STATUSES) {
    const flavours = status === 'awaitingSupplement' || status === 'refused' ? (['counter', 'department'] as const) : ([undefined] as const);
    for (const by of flavours) {
      const { state, rejected } = foldEvents(sampleEventsTo(status, by ? { by } : {}));
      expect(rejected).toEqual([]);
      expect(state?.status).toBe(status);
      points.push({ label: by ? `${status} (${by})` : status, status, state });
    }
    // The same statuses on a batch between centers: only there can the batch arrive at a center.
    if (status === 'withCourier' || status === 'resultInTransit') {
      const { state, rejected } = foldEvents(sampleEventsTo(status, { via: 'center' }));
      expect(rejected).toEqual([]);
      expect(state?.boundFor).toBeDefined();
      points.push({ label: `${status} (between centers)`, status, state });
    }
  }
  return points;
}

function variantsOf(type: DossierEventType): [string | undefined, TransitionCase][] {
  const rule = TRANSITIONS[type];
  return rule.variants ? Object.entries(rule.variants.cases) : [[undefined, rule]];
}

const points = startingPoints();
const pairs = points.flatMap((p) => DOSSIER_EVENT_TYPES.flatMap((type) => variantsOf(type).map(([variant, c]) => ({ p, type, variant, c }))));

describe('transition table, exhaustively', () => {
  it('covers every status and every event type', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...DOSSIER_EVENT_TYPES].sort());
    expect(points.length).toBe(DOSSIER_STATUSES.length + 5);
    expect([...reachableStatuses()].sort()).toEqual([...DOSSIER_STATUSES].sort());
  });

  it.each(pairs.map((x) => [x.p.label, x.type, x.variant ?? '-', x] as const))('%s + %s (%s)', (_label, _type, _variant, { p, type, variant, c }) => {
    const event = plausibleEvent(type, variant, p.state, { seed: 7 });
    const result = applyEvent(p.state, event);
    const received = p.state?.code !== undefined;
    const requirementMet = c.requires === undefined || (c.requires === 'received') === received;
    // A batch arrives at a center only on a trip between centers (not on one to or from a department).
    const onItsTrip = type !== 'arrivedAtCenter' || p.state?.boundFor !== undefined;
    if (c.from.includes(p.status) && requirementMet && onItsTrip) {
      expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
      if (!result.ok) return;
      expect(result.state.status).toBe(c.to === 'same' ? p.status : c.to);
      expect(result.state.version).toBe((p.state?.version ?? 0) + 1);
      expect(result.state.lastEventId).toBe(event.id);
    } else {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const expected = p.status === 'new' ? 'UNKNOWN_DOSSIER' : type === 'received' && received ? 'DOSSIER_EXISTS' : 'ILLEGAL_TRANSITION';
      expect(result.error.code).toBe(expected);
      expect(result.error.eventId).toBe(event.id);
      expect(result.error.dossierId).toBe(event.dossierId);
      expect(result.error.eventType).toBe(type);
      expect(result.error.from).toBe(p.state?.status);
      expect(result.error.message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêệếềểễôộồốổỗơớờợởỡưứừựửữ]/i);
    }
  });

  it('has no dead entries: every listed (status, type) pair is accepted from some dossier', () => {
    for (const type of DOSSIER_EVENT_TYPES) {
      for (const status of TRANSITIONS[type].from) {
        const accepted = pairs.some((x) => x.type === type && x.p.status === status && applyEvent(x.p.state, plausibleEvent(type, x.variant, x.p.state, { seed: 9 })).ok);
        expect(accepted, `${status} + ${type}`).toBe(true);
      }
    }
  });

  it('only lets received, counter supplement requests and counter refusals start a dossier', () => {
    const starters = pairs.filter((x) => x.p.status === 'new' && applyEvent(undefined, plausibleEvent(x.type, x.variant, undefined, { seed: 3 })).ok);
    expect(starters.map((x) => `${x.type}:${x.variant ?? ''}`).sort()).toEqual(['received:', 'refused:counter', 'supplementRequested:counter']);
  });

  it('keeps the terminal statuses closed except for what the rules allow after them', () => {
    const after = (status: DossierStatusOrNew) => DOSSIER_EVENT_TYPES.filter((t) => TRANSITIONS[t].from.includes(status));
    // Digitising a received document stays possible whatever happened since (requires the code).
    expect(after('refused')).toEqual(['documentDigitised']);
    expect(after('withdrawn').sort()).toEqual(['applicantNotified', 'documentDigitised', 'papersReturned']);
    expect(after('returned').sort()).toEqual(['correctionRequested', 'documentDigitised', 'feeCollected']);
  });
});
