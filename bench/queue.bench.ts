// The hall queue's service on this machine's disk: a number taken over HTTP (journaled with fsync
// before the answer, no printer), a call from a counter, and a restart that replays a busy day.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startQueue } from '../electron/services/queue';
import { createQueueService } from '../electron/services/queue/service';
import { loadQueueConfig, DEMO_QUEUE_CONFIG } from '../electron/services/queue/config';
import { summarise, timeRuns } from './stats';
import type { BenchFigure } from './types';

const officer = { id: 'bench', name: 'Công chức đo' };

async function post(base: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(new URL(path, base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  await response.arrayBuffer();
}

export default async function run(): Promise<BenchFigure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-queue-bench-'));
  const queue = await startQueue({ dir, port: 0, host: '127.0.0.1' });
  try {
    const issue = await timeRuns(() => post(queue.url, '/api/tickets', { line: 'dn' }), 300);
    // A call then «Xong» at counters 1–9 in turn; the figure is the call alone.
    const call: number[] = [];
    for (let i = 0; i < 200; i++) {
      const counter = 1 + (i % 9);
      const start = performance.now();
      await post(queue.url, `/api/counters/${counter}/call`, { lines: ['dn'], officer });
      call.push(performance.now() - start);
      await post(queue.url, `/api/counters/${counter}/serve`, { officer, dossiers: [] });
    }
    const config = loadQueueConfig(DEMO_QUEUE_CONFIG);
    // A busy day: 1,000 numbers issued, called and served (3,000 facts), read back at start.
    const busy = createQueueService({ dir: join(dir, 'busy'), config });
    for (let i = 0; i < 1000; i++) {
      await busy.issue(config.lines[i % 4]!.id);
      busy.callNext(1 + (i % 9), [config.lines[i % 4]!.id], officer);
      busy.serve(1 + (i % 9), officer, []);
    }
    busy.close();
    const restart = await timeRuns(() => createQueueService({ dir: join(dir, 'busy'), config }).close(), 20, 2);
    return [
      { name: 'number taken (HTTP, fsync before the answer)', ...summarise(issue), unit: 'ms' },
      { name: 'number called at a counter (HTTP, fsync)', ...summarise(call), unit: 'ms' },
      { name: 'restart: replay a day of 3,000 facts', ...summarise(restart), unit: 'ms' },
    ];
  } finally {
    await queue.close();
    await rm(dir, { recursive: true, force: true });
  }
}
