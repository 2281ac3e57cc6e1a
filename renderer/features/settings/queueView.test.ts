import { describe, expect, it } from 'vitest';
import type { PrintJobRecord } from '../../print/queue';
import { mergeJobs } from './queueView';

const job = (id: string, createdAt: number, state: PrintJobRecord['state'] = 'queued'): PrintJobRecord => ({
  id,
  printerId: 'p',
  document: { kind: 'testPage', title: id } as unknown as PrintJobRecord['document'],
  copies: 1,
  copiesDone: 0,
  state,
  attempts: 0,
  nextAttemptAt: 0,
  createdAt,
});

describe('print queue list', () => {
  it('shows the newest first, a live change replacing the stored copy, up to the limit', () => {
    const stored = [job('a', 1, 'failed'), job('b', 2)];
    const live = [job('a', 1, 'queued'), job('c', 3)];
    expect(mergeJobs(stored, live).map((j) => [j.id, j.state])).toEqual([
      ['c', 'queued'],
      ['b', 'queued'],
      ['a', 'queued'],
    ]);
    expect(mergeJobs(stored, live, 2).map((j) => j.id)).toEqual(['c', 'b']);
    expect(mergeJobs([], [])).toEqual([]);
  });
});
