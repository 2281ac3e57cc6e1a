// Process-level: a real server process is killed with SIGKILL in the middle of a stream of pushes,
// restarted on the same data, and the whole stream is pushed again: nothing lost, nothing doubled.
// Runs on PGlite always, and on PostgreSQL when DATABASE_URL_TEST is set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { DossierEvent } from '../../shared/domain';
import type { LeaseResponse, PushResponse } from '../../shared/sync/protocol';
import { dossierCode, handedToCourier, received } from './events';
import { call, enrolCounter, eventIdCounts, killServers, pullDossiers, startServer, withPgSchema } from './serverProcess';

afterAll(killServers);

async function scenario(env: Record<string, string>): Promise<void> {
  let server = await startServer(env);
  const device = { credential: await enrolCounter(server.url, 'Q01') };
  const lease = await call<LeaseResponse>(server.url, 'POST', '/v1/leases', device.credential, { requestId: randomUUID(), dossierDates: ['260112'], blockSize: 500 });
  const first = lease.json.blocks[0]!.first;

  const events: DossierEvent[] = [];
  for (let i = 0; i < 400; i++) {
    const r = received('Q01', dossierCode(first + i));
    events.push(r, handedToCourier('Q01', r.dossierId));
  }
  const chunks: DossierEvent[][] = [];
  for (let i = 0; i < events.length; i += 50) chunks.push(events.slice(i, i + 50));

  // Push chunks back to back, several in flight, and kill the server after the first few answers.
  let acked = 0;
  let killed = false;
  await Promise.all(
    [0, 1, 2].map(async (lane) => {
      for (let i = lane; i < chunks.length; i += 3) {
        try {
          const r = await call<PushResponse>(server.url, 'POST', '/v1/push', device.credential, { events: chunks[i] });
          if (r.status === 200) acked++;
        } catch {
          return;
        }
        if (acked >= 4 && !killed) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      }
    }),
  );
  expect(killed).toBe(true);
  const dead = server.child;
  if (dead.exitCode === null && dead.signalCode === null) await new Promise((r) => dead.once('exit', r));
  expect(acked).toBeLessThan(chunks.length);

  server = await startServer(env);
  // The counter resends its whole outbox: what was stored before the kill comes back as duplicates.
  const statuses = new Map<string, string>();
  for (const chunk of chunks) {
    const r = await call<PushResponse>(server.url, 'POST', '/v1/push', device.credential, { events: chunk });
    expect(r.status).toBe(200);
    for (const x of r.json.results) statuses.set(x.id, x.status);
  }
  expect([...statuses.values()].filter((s) => s === 'conflict')).toEqual([]);
  expect([...statuses.values()].filter((s) => s === 'duplicate').length).toBeGreaterThanOrEqual(4 * 50);

  const dossiers = await pullDossiers(server.url, device.credential);
  for (const d of dossiers) {
    expect(d.status).toBe('withCourier');
    expect(d.registerNumber).not.toBeNull();
  }
  const seen = eventIdCounts(dossiers);
  expect(seen.size).toBe(events.length);
  expect([...seen.values()].every((n) => n === 1)).toBe(true);
  for (const e of events) expect(seen.has(e.id)).toBe(true);
  server.child.kill('SIGTERM');
}

describe('server killed with SIGKILL mid-push', () => {
  it('on PGlite: nothing lost, nothing doubled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-kill-'));
    try {
      await scenario({ DATA_DIR: dir, DATABASE_URL: '' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const pgUrl = process.env.DATABASE_URL_TEST;
  it.skipIf(!pgUrl)(`on PostgreSQL${pgUrl ? '' : ' (skipped: set DATABASE_URL_TEST=postgres://… to run)'}: nothing lost, nothing doubled`, async () => {
    await withPgSchema(pgUrl!, 'kill', (url) => scenario({ DATABASE_URL: url }));
  });
});
