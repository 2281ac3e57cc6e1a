// The merge rule both sides run: the server's snapshot is the base, the counter's own events
// not yet reflected in it are re-applied on top, in outbox order. An event the base no longer
// accepts (another desk got there first) stays in the outbox for the server to flag, and is
// left out of the local projection.
import { applyEvent } from '../domain';
import type { DossierEvent, DossierState, TransitionError } from '../domain';

export interface ReprojectResult {
  state: DossierState | undefined;
  applied: string[];
  rejected: { event: DossierEvent; error: TransitionError }[];
}

export function reproject(base: DossierState | undefined, pending: readonly DossierEvent[]): ReprojectResult {
  let state = base;
  const applied: string[] = [];
  const rejected: ReprojectResult['rejected'] = [];
  const seen = new Set(base?.eventIds ?? []);
  for (const event of pending) {
    if (seen.has(event.id)) continue;
    const r = applyEvent(state, event);
    if (r.ok) {
      state = r.state;
      applied.push(event.id);
      seen.add(event.id);
    } else {
      rejected.push({ event, error: r.error });
    }
  }
  return { state, applied, rejected };
}

/** A newer snapshot replaces an older one; an older or equal one (replayed page) is ignored. */
export function isNewerSnapshot(localSeq: number | undefined, incomingSeq: number): boolean {
  return localSeq === undefined || incomingSeq > localSeq;
}
