// Process-level failover, as in the runbook of server/README.md: a PostgreSQL primary with a
// synchronous standby (two clusters on loopback, pg_basebackup -R), the server given both addresses.
// The primary is killed (immediate stop) while a counter pushes, the standby is promoted, and the
// server moves to it by itself: every acknowledged push is there, nothing doubled, the counter
// carries on, and new number blocks continue after those issued before the failover.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { ApiErrorBody, LeaseResponse } from '../../shared/sync/protocol';
import { PgCluster, freePort, postgresBin, skipReason } from './pgCluster';
import { pushLoad } from './pushLoad';
import { call, enrolCounter, eventIdCounts, killServers, pullDossiers, startServer } from './serverProcess';

const bin = postgresBin();
const why = skipReason();

const clusters: PgCluster[] = [];
afterAll(async () => {
  killServers();
  for (const c of clusters) await c.remove();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function untilSynchronous(primary: PgCluster, name: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await primary.sql(`SELECT sync_state FROM pg_stat_replication WHERE application_name = '${name}'`)) === 'sync') return;
    await sleep(100);
  }
  throw new Error(`standby ${name} never became synchronous`);
}

describe('failover to a synchronous standby', () => {
  it.skipIf(why !== '')(`loses no acknowledged push and doubles nothing${why ? ` (skipped: ${why})` : ''}`, async () => {
    const primary = await PgCluster.create(bin!, await freePort(), ['synchronous_standby_names=standby1', 'synchronous_commit=on']);
    clusters.push(primary);
    const standby = await PgCluster.standbyOf(primary, await freePort(primary.port + 1), 'standby1');
    clusters.push(standby);
    await untilSynchronous(primary, 'standby1');

    const server = await startServer({ DATABASE_URL: `postgres://postgres@127.0.0.1:${primary.port},127.0.0.1:${standby.port}/postgres`, LOG_LEVEL: 'warn' });
    const credential = await enrolCounter(server.url, 'Q01');
    const load = await pushLoad(server, credential);
    await load.untilAcked(8);
    const ackedBeforeKill = new Set(load.acked);

    await primary.stop('immediate');
    await load.untilRefused(4);
    await standby.promote();
    await load.untilAcked(10);
    await load.stop();

    expect(server.child.exitCode).toBeNull();
    for (const a of load.answers.filter((x) => x.status !== 200)) {
      expect(a.status, JSON.stringify(a.body)).toBe(503);
      expect((a.body as ApiErrorBody).error.code).toBe('DATABASE_UNAVAILABLE');
    }
    // Every push acknowledged before the kill is on the promoted standby, every event once.
    expect(load.acked.size).toBe(load.sent.length);
    const seen = eventIdCounts(await pullDossiers(server.url, credential));
    for (const id of ackedBeforeKill) expect(seen.get(id)).toBe(1);
    for (const e of load.sent) expect(seen.get(e.id)).toBe(1);
    const onStandby = new pg.Client({ connectionString: standby.url });
    await onStandby.connect();
    const { rows } = await onStandby.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    await onStandby.end();
    expect(rows[0]!.n).toBe(load.sent.length);

    // Number blocks issued before the failover (three days of 500) are not handed out again.
    const lease = await call<LeaseResponse>(server.url, 'POST', '/v1/leases', credential, { requestId: randomUUID(), dossierDates: ['260112'], blockSize: 10 });
    expect(lease.status).toBe(200);
    expect(lease.json.blocks[0]!.first).toBe(501);
    server.child.kill('SIGTERM');
  });
});
