// Group commit: pushes that arrive while one commits are committed together, each answered as if
// it had committed alone, and a push that fails inside a group fails alone. The committer runs on
// a database whose first transaction waits for a gate, so all pushes of a test are waiting when
// the group is taken, however busy the machine.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierEvent } from '../shared/domain';
import type { PushEventResult } from '../shared/sync/protocol';
import { dossierCode, handedToCourier, received } from '../tests/sync/events';
import { startTestServer, type TestServer } from '../tests/sync/harness';
import type { DeviceRow } from './auth';
import type { Db } from './db';
import { PushCommitter } from './push';

let server: TestServer;
const counters: { credential: string; counterId: string; device: DeviceRow }[] = [];

beforeAll(async () => {
  server = await startTestServer();
  for (let i = 1; i <= 8; i++) {
    const e = await server.enrol(`G${i}`);
    const { rows } = await server.db.query<DeviceRow>('SELECT id, counter_id, counter_name, counter_index, revoked_at FROM devices WHERE id = $1', [e.deviceId]);
    counters.push({ ...e, device: rows[0]! });
  }
}, 60_000);
afterAll(() => server.close());

/** Sends every push to one committer whose transactions start only once all of them wait. */
async function sendTogether(pushes: { counter: (typeof counters)[number]; events: DossierEvent[] }[]): Promise<PromiseSettledResult<PushEventResult[]>[]> {
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const gated: Db = Object.assign(Object.create(server.db) as Db, { transaction: async <T>(fn: Parameters<Db['transaction']>[0]) => (await gate, server.db.transaction(fn) as Promise<T>) });
  const committer = new PushCommitter(gated);
  const answers = Promise.allSettled(pushes.map((p) => committer.push(p.counter.device, p.events)));
  open();
  return answers;
}
const results = (a: PromiseSettledResult<PushEventResult[]>) => {
  if (a.status === 'rejected') throw a.reason;
  return a.value;
};

const firstLeased = (c: { credential: string }, date: string) => server.firstDossierSeq(c, date, 10);

describe('group commit', () => {
  it('commits concurrent pushes of several counters together, each answered as if alone, numbers continuous', async () => {
    const batches = await Promise.all(
      counters.map(async (c) => {
        const r = received(c.counterId, dossierCode(await firstLeased(c, '260120'), '260120'));
        return [r, handedToCourier(c.counterId, r.dossierId)];
      }),
    );
    // The same reception sent twice at once (a counter retrying): stored once, the copy a duplicate.
    const answers = (await sendTogether([...batches.map((events, i) => ({ counter: counters[i]!, events })), { counter: counters[0]!, events: batches[0]! }])).map(results);
    expect(
      answers
        .slice(0, -1)
        .flat()
        .map((r) => r.status),
    ).toEqual(Array(16).fill('stored'));
    expect(answers.at(-1)!.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(answers.at(-1)!.map((r) => r.seq)).toEqual(answers[0]!.map((r) => r.seq));
    const seqs = answers
      .slice(0, -1)
      .flat()
      .map((r) => r.seq);
    expect(new Set(seqs).size).toBe(16);
    // In the order given: the register numbers and sequence follow the pushes.
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    const numbers = answers.slice(0, -1).map((r) => r[0]!.registerNumber!);
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));

    const ids = batches.flat().map((e) => e.id);
    const { rows } = await server.db.query<{ n: number; tx: number }>('SELECT count(*)::int AS n, count(DISTINCT xmin::text)::int AS tx FROM events WHERE id = ANY($1::uuid[])', [ids]);
    expect(rows[0]!.n).toBe(16);
    // One transaction for all of them.
    expect(rows[0]!.tx).toBe(1);
  });

  it('fails only the push whose plan fails; the others of its group are stored', async () => {
    // A snapshot the reducer cannot read makes the plan throw for any fact about that dossier.
    const broken = randomUUID();
    await server.db.query(`INSERT INTO dossiers (id, code, status, state, last_seq) VALUES ($1::uuid, NULL, 'received', '{"id":"x"}', 1)`, [broken]);
    const good = await Promise.all(
      counters.map(async (c) => {
        const r = received(c.counterId, dossierCode(await firstLeased(c, '260121'), '260121'));
        return [r];
      }),
    );
    const bad = handedToCourier(counters[3]!.counterId, broken);
    const answers = await sendTogether([
      ...good.slice(0, 4).map((events, i) => ({ counter: counters[i]!, events })),
      { counter: counters[3]!, events: [bad] },
      ...good.slice(4).map((events, i) => ({ counter: counters[i + 4]!, events })),
    ]);
    expect(answers[4]!.status).toBe('rejected');
    for (const a of [...answers.slice(0, 4), ...answers.slice(5)]) expect(results(a)[0]!.status).toBe('stored');
    const { rows } = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE id = ANY($1::uuid[])', [[...good.flat().map((e) => e.id), bad.id]]);
    expect(rows[0]!.n).toBe(8);
  });
});
