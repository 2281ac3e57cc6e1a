// Process-level: the PostgreSQL cluster under a real server process is stopped and started again
// while counters keep pushing. The server must stay up, answer 503 in the API's error format while
// the database is away (the counter keeps its outbox and retries), and carry on by itself once the
// database is back: every acknowledged event stored once, nothing doubled.
// Needs its own cluster (it stops it), so it runs where PostgreSQL tests run (DATABASE_URL_TEST set,
// as in CI) and the PostgreSQL binaries are installed.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { DossierEvent } from '../../shared/domain';
import type { ApiErrorBody, LeaseResponse, PushResponse } from '../../shared/sync/protocol';
import { dossierCode, handedToCourier, received } from './events';
import { PgCluster, freePort, postgresBin } from './pgCluster';
import { call, enrolCounter, eventIdCounts, killServers, pullDossiers, startServer } from './serverProcess';
import type { ServerProcess } from './serverProcess';

const bin = postgresBin();
const why = !process.env.DATABASE_URL_TEST ? 'set DATABASE_URL_TEST=postgres://… to run' : !bin ? 'no PostgreSQL binaries in /usr/lib/postgresql' : '';

const clusters: PgCluster[] = [];
afterAll(async () => {
  killServers();
  for (const c of clusters) await c.remove();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Until `stop()`, counter Q01 pushes fresh dossiers in small chunks on three lanes, resending a chunk until it is acknowledged, as its outbox does. */
async function pushLoad(server: ServerProcess, credential: string) {
  const numbers: string[] = [];
  for (const date of ['260112', '260113', '260114']) {
    const lease = await call<LeaseResponse>(server.url, 'POST', '/v1/leases', credential, { requestId: randomUUID(), dossierDates: [date], blockSize: 500 });
    const block = lease.json.blocks[0]!;
    for (let n = block.first; n <= block.last; n++) numbers.push(dossierCode(n, date));
  }
  const sent: DossierEvent[] = [];
  const acked = new Set<string>();
  const answers: { status: number; body: unknown }[] = [];
  let stopping = false;
  const lane = async () => {
    while (!stopping) {
      const chunk: DossierEvent[] = [];
      for (let i = 0; i < 5; i++) {
        const r = received('Q01', numbers.shift()!);
        chunk.push(r, handedToCourier('Q01', r.dossierId));
      }
      sent.push(...chunk);
      for (;;) {
        const answer = await call<PushResponse | ApiErrorBody>(server.url, 'POST', '/v1/push', credential, { events: chunk }).catch((err: Error) => ({ status: 0, json: err.message }));
        answers.push({ status: answer.status, body: answer.json });
        if (answer.status === 200) break;
        if (answer.status === 0) throw new Error(`server unreachable: ${String(answer.json)}\n${server.output()}`);
        await sleep(50);
      }
      for (const e of chunk) acked.add(e.id);
      await sleep(20);
    }
  };
  let failure: Error | undefined;
  const lanes = Promise.all([lane(), lane(), lane()].map((l) => l.catch((err: Error) => void (failure ??= err))));
  const count = (refused: boolean) => answers.filter((a) => (a.status !== 200) === refused).length;
  const until = async (refused: boolean, more: number) => {
    const target = count(refused) + more;
    while (count(refused) < target) {
      if (failure) throw failure;
      await sleep(20);
    }
  };
  return {
    sent,
    acked,
    answers,
    untilAcked: (more: number) => until(false, more),
    untilRefused: (more: number) => until(true, more),
    async stop() {
      stopping = true;
      await lanes;
      if (failure) throw failure;
    },
  };
}

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
