// What the queue list shows: the newest jobs, as stored when the screen opened and updated by the
// queue's live changes (a job changed since wins over its stored copy).
import type { PrintJobRecord } from '../../print/queue';

export const SHOWN_JOBS = 30;

export function mergeJobs(stored: readonly PrintJobRecord[], live: readonly PrintJobRecord[], limit = SHOWN_JOBS): PrintJobRecord[] {
  const byId = new Map(stored.map((j) => [j.id, j]));
  for (const j of live) byId.set(j.id, j);
  return [...byId.values()].sort((a, b) => b.createdAt - a.createdAt).slice(0, limit);
}
