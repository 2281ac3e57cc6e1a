// The state machine as data: which event may follow which status, and where it leads.
// The reducer reads only this table to decide legality, so the table is the rule.
import { DOSSIER_STATUSES } from './types';
import type { DossierEvent, DossierEventType, DossierRoute, DossierState, DossierStatus } from './types';

export type DossierStatusOrNew = DossierStatus | 'new';

/**
 * 'received' means the dossier must already carry its official code (it was received at the
 * counter); 'notReceived' means it must not (a counter supplement or refusal before reception).
 */
export type ReceptionRequirement = 'received' | 'notReceived';

export interface TransitionCase {
  from: readonly DossierStatusOrNew[];
  to: DossierStatus | 'same';
  requires?: ReceptionRequirement;
}

export interface TransitionRule extends TransitionCase {
  /**
   * Some facts lead to different places depending on one payload field (who refused, which way
   * the courier goes, what the department sent back). `from` above is then the union of the
   * cases and `to` the main path; the case decides.
   */
  variants?: { field: 'by' | 'direction' | 'outcome' | 'carried'; cases: Readonly<Record<string, TransitionCase>> };
}

const OPEN_AFTER_RECEPTION = ['received', 'withCourier', 'atDepartment', 'resultInTransit'] as const;
/** A result physically arriving at the Center proves any department-side step nobody recorded. */
const RESULT_CAN_ARRIVE_FROM = ['withCourier', 'atDepartment', 'resultInTransit'] as const;

export const TRANSITIONS: Readonly<Record<DossierEventType, TransitionRule>> = {
  received: { from: ['new', 'awaitingSupplement'], to: 'received', requires: 'notReceived' },
  supplementRequested: {
    from: ['new', 'atDepartment'],
    to: 'awaitingSupplement',
    variants: {
      field: 'by',
      cases: {
        counter: { from: ['new'], to: 'awaitingSupplement' },
        department: { from: ['atDepartment'], to: 'awaitingSupplement' },
      },
    },
  },
  supplementSupplied: { from: ['awaitingSupplement'], to: 'received', requires: 'received' },
  refused: {
    from: ['new', 'awaitingSupplement', 'atDepartment'],
    to: 'refused',
    variants: {
      field: 'by',
      cases: {
        counter: { from: ['new', 'awaitingSupplement'], to: 'refused', requires: 'notReceived' },
        department: { from: ['atDepartment'], to: 'refused' },
      },
    },
  },
  handedToCourier: {
    from: ['received', 'correctionRequested', 'atDepartment', 'resultInTransit'],
    to: 'withCourier',
    variants: {
      field: 'direction',
      cases: {
        toDepartment: { from: ['received', 'correctionRequested'], to: 'withCourier' },
        toCenter: { from: ['atDepartment', 'resultInTransit'], to: 'resultInTransit' },
      },
    },
  },
  deliveredToDepartment: { from: ['withCourier'], to: 'atDepartment' },
  deliveryDisputed: { from: ['withCourier', 'atDepartment'], to: 'same' },
  resultDispatched: { from: ['atDepartment', 'resultInTransit'], to: 'resultInTransit' },
  resultReceived: {
    from: RESULT_CAN_ARRIVE_FROM,
    to: 'resultReady',
    variants: {
      field: 'outcome',
      cases: {
        result: { from: RESULT_CAN_ARRIVE_FROM, to: 'resultReady' },
        supplement: { from: RESULT_CAN_ARRIVE_FROM, to: 'awaitingSupplement' },
        refusal: { from: RESULT_CAN_ARRIVE_FROM, to: 'refused' },
      },
    },
  },
  // Between centers the papers travel as with the courier to a department, the result as on its way
  // back; arriving, they are at that center as after a reception or a result taken in.
  sentToCenter: {
    from: ['received', 'correctionRequested', 'resultReady'],
    to: 'withCourier',
    variants: {
      field: 'carried',
      cases: {
        papers: { from: ['received', 'correctionRequested'], to: 'withCourier' },
        result: { from: ['resultReady'], to: 'resultInTransit' },
      },
    },
  },
  arrivedAtCenter: {
    from: ['withCourier', 'resultInTransit'],
    to: 'received',
    variants: {
      field: 'carried',
      cases: {
        papers: { from: ['withCourier'], to: 'received' },
        result: { from: ['resultInTransit'], to: 'resultReady' },
      },
    },
  },
  returned: { from: ['resultReady'], to: 'returned' },
  apologyIssued: { from: OPEN_AFTER_RECEPTION, to: 'same' },
  correctionRequested: { from: ['returned'], to: 'correctionRequested' },
  withdrawn: { from: ['awaitingSupplement', ...OPEN_AFTER_RECEPTION, 'resultReady'], to: 'withdrawn' },
  feeCollected: {
    from: ['awaitingSupplement', ...OPEN_AFTER_RECEPTION, 'resultReady', 'correctionRequested', 'returned'],
    to: 'same',
    requires: 'received',
  },
  // After a stop only the papers' trip back and the notice to collect them remain; where the
  // papers are (state.papers) decides which of these the reducer takes, not the status.
  papersReturned: { from: ['withdrawn'], to: 'same' },
  applicantNotified: { from: ['resultReady', 'withdrawn'], to: 'same' },
  // A copy may be made (or redone) whenever the papers are at hand, even after the dossier closed:
  // the scorecard counts what was digitised, and only a received dossier has checklist lines.
  documentDigitised: { from: DOSSIER_STATUSES, to: 'same', requires: 'received' },
};

/** Statuses in which a dossier's papers are out of the Center (with the courier or the department). */
const PAPERS_AWAY_IN: readonly DossierStatus[] = ['withCourier', 'atDepartment', 'resultInTransit'];

/**
 * Whether the dossier's papers are outside the Center right now. A supplement the department
 * recorded itself leaves the papers there (the trip's batch is still open: only a result or
 * request arriving at the Center ends it).
 */
export function papersOutsideCenter(state: Pick<DossierState, 'status' | 'currentBatchId' | 'papers'>): boolean {
  if (state.status === 'withdrawn') return state.papers === 'away';
  if (state.status === 'awaitingSupplement') return state.currentBatchId !== undefined;
  return PAPERS_AWAY_IN.includes(state.status);
}

/**
 * Received across boundaries and known to be held at another center than `center` (an agency code):
 * its papers or result are there, so they can neither leave nor be returned from here.
 */
export function heldElsewhere<S extends Pick<DossierState, 'route' | 'heldAt'>>(state: S, center: string): state is S & { route: DossierRoute; heldAt: string } {
  return state.route !== undefined && state.heldAt !== undefined && state.heldAt !== center;
}

/** The payload value that picks the variant case, or undefined for single-case rules. */
export function variantOf(event: DossierEvent): string | undefined {
  const rule = TRANSITIONS[event.type];
  if (!rule.variants) return undefined;
  const value: unknown = (event.payload as Record<string, unknown>)[rule.variants.field];
  return typeof value === 'string' ? value : undefined;
}

/** The case that governs this event: the variant's, or the rule itself. Undefined for an unknown variant. */
export function caseFor(event: DossierEvent): TransitionCase | undefined {
  const rule = TRANSITIONS[event.type];
  if (!rule.variants) return rule;
  const variant = variantOf(event);
  return variant === undefined ? undefined : rule.variants.cases[variant];
}

/** Whether the table lets an event of this type (and variant) follow the given status. */
export function isAllowed(from: DossierStatusOrNew, type: DossierEventType, variant?: string): boolean {
  const rule = TRANSITIONS[type];
  if (!rule.variants || variant === undefined) return rule.from.includes(from);
  return rule.variants.cases[variant]?.from.includes(from) ?? false;
}

/** Where an accepted event leads from a given status. */
export function targetOf(from: DossierStatusOrNew, c: TransitionCase): DossierStatus {
  if (c.to !== 'same') return c.to;
  // The table never lists 'new' for a 'same' case; reaching here is a table bug, not bad input.
  if (from === 'new') throw new Error('A "same" transition cannot start a dossier');
  return from;
}

/** Statuses reachable from 'new' by following the table: for checks and diagrams. */
export function reachableStatuses(): Set<DossierStatus> {
  const seen = new Set<DossierStatusOrNew>(['new']);
  const queue: DossierStatusOrNew[] = ['new'];
  const allCases = Object.values(TRANSITIONS).flatMap((r) => (r.variants ? Object.values(r.variants.cases) : [r]));
  while (queue.length > 0) {
    const from = queue.shift() as DossierStatusOrNew;
    for (const c of allCases) {
      if (!c.from.includes(from)) continue;
      const to = c.to === 'same' ? from : c.to;
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  seen.delete('new');
  return seen as Set<DossierStatus>;
}
