// Process-level: the PostgreSQL cluster under a real server process is stopped and started again
// while counters keep pushing. The server must stay up, answer 503 in the API's error format while
// the database is away (the counter keeps its outbox and retries), and carry on by itself once the
// database is back: every acknowledged event stored once, nothing doubled.
// Needs its own cluster (it stops it), so it runs where PostgreSQL tests run (DATABASE_URL_TEST set,
// as in CI) and the PostgreSQL binaries are installed.
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../shared/sync/protocol';
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

describe('PostgreSQL restarted under load', () => {
  it.skipIf(why !== '')(`the server stays up, answers 503 while the database is away and recovers by itself${why ? ` (skipped: ${why})` : ''}`, async () => {
    const cluster = await PgCluster.create(bin!, await freePort());
    clusters.push(cluster);
    const server = await startServer({ DATABASE_URL: cluster.url, LOG_LEVEL: 'warn' });
    const credential = await enrolCounter(server.url, 'Q01');
    const load = await pushLoad(server, credential);

    await load.untilAcked(5);
    await cluster.stop('fast');
    await load.untilRefused(6);
    const health = await call<ApiErrorBody>(server.url, 'GET', '/v1/health');
    expect(health.status).toBe(503);
    expect(health.json.error.code).toBe('DATABASE_UNAVAILABLE');
    await cluster.start();
    await load.untilAcked(10);
    await load.stop();

    expect(server.child.exitCode).toBeNull();
    const refused = load.answers.filter((a) => a.status !== 200);
    expect(refused.length).toBeGreaterThanOrEqual(6);
    for (const a of refused) {
      expect(a.status, JSON.stringify(a.body)).toBe(503);
      const body = a.body as ApiErrorBody;
      expect(body.error.code).toBe('DATABASE_UNAVAILABLE');
      expect(body.error.message).toMatch(/cơ sở dữ liệu/);
    }
    expect((await call<{ ok: boolean }>(server.url, 'GET', '/v1/health')).json.ok).toBe(true);

    // Every chunk was acknowledged in the end; each event is stored exactly once.
    expect(load.acked.size).toBe(load.sent.length);
    const seen = eventIdCounts(await pullDossiers(server.url, credential));
    expect(seen.size).toBe(load.sent.length);
    for (const e of load.sent) expect(seen.get(e.id)).toBe(1);
    server.child.kill('SIGTERM');
  });
});
