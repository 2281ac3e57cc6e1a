import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, PushEventResult, LeaseResponse } from '../shared/sync/protocol';
import { dossierCode, feeCollected, handedToCourier, received, resultReceived, returned, deliveredToDepartment } from '../tests/sync/events';
import { startTestServer } from '../tests/sync/harness';
import type { TestServer } from '../tests/sync/harness';

let server: TestServer;
let a: { credential: string; counterId: string; counterIndex: number };
let b: { credential: string; counterId: string; counterIndex: number };

beforeAll(async () => {
  server = await startTestServer();
  a = await server.enrol('Q01');
  b = await server.enrol('Q02');
}, 60_000);
afterAll(() => server.close());

const auth = (c: { credential: string }) => ({ authorization: `Bearer ${c.credential}` });

async function push(c: { credential: string }, events: unknown[]) {
  const r = await server.app.inject({ method: 'POST', url: '/v1/push', headers: auth(c), payload: { events } });
  expect(r.statusCode, r.body).toBe(200);
  const answer = r.json() as { results: (PushEventResult | { status: 'refused' })[] };
  // These tests send sound events only: a refusal is a failure here.
  expect(answer.results.filter((x) => x.status === 'refused')).toEqual([]);
  return answer as { results: PushEventResult[] };
}

async function pullAll(c: { credential: string }, after = 0, limit = 500) {
  const out: PullResponse['dossiers'] = [];
  let cursor = after;
  for (;;) {
    const r = await server.app.inject({ method: 'GET', url: `/v1/pull?after=${cursor}&limit=${limit}`, headers: auth(c) });
    expect(r.statusCode, r.body).toBe(200);
    const page = r.json() as PullResponse;
    out.push(...page.dossiers);
    cursor = page.next;
    if (!page.more) return { dossiers: out, cursor };
  }
}

async function lease(c: { credential: string }, dates: string[], size = 50) {
  const r = await server.app.inject({
    method: 'POST',
    url: '/v1/leases',
    headers: auth(c),
    payload: { requestId: randomUUID(), dossierDates: dates, blockSize: size, receiptSeries: [{ formSymbol: 'EBL01', series: '26TAA' }] },
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as LeaseResponse;
}

describe('push', () => {
  it('stores each event once, in order, and answers duplicates with the same seq', async () => {
    const l = await lease(a, ['260112']);
    const first = l.blocks.find((x) => x.kind === 'dossierSeq')!.first;
    const r1 = received(a.counterId, dossierCode(first));
    const r2 = handedToCourier(a.counterId, r1.dossierId);
    const res = await push(a, [r1, r2]);
    expect(res.results.map((x) => x.status)).toEqual(['stored', 'stored']);
    expect(res.results[1]!.seq).toBeGreaterThan(res.results[0]!.seq);
    expect(res.results[0]!.registerNumber).toBeGreaterThan(0);
    const again = await push(a, [r1, r2, r2]);
    expect(again.results.map((x) => x.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(again.results.map((x) => x.seq)).toEqual([res.results[0]!.seq, res.results[1]!.seq, res.results[1]!.seq]);
    expect(again.results[0]!.registerNumber).toBe(res.results[0]!.registerNumber);
    const { rows } = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE dossier_id = $1', [r1.dossierId]);
    expect(rows[0]!.n).toBe(2);
  });

  it('flags a fact that conflicts (returned at two desks) and never blocks the events behind it', async () => {
    const l = await lease(a, ['260113']);
    const seq = l.blocks.find((x) => x.kind === 'dossierSeq')!.first;
    const r = received(a.counterId, dossierCode(seq, '260113'));
    await push(a, [r, handedToCourier(a.counterId, r.dossierId), deliveredToDepartment(a.counterId, r.dossierId), resultReceived(a.counterId, r.dossierId)]);
    const retA = returned(a.counterId, r.dossierId, 'Người nhận A');
    const retB = returned(b.counterId, r.dossierId, 'Người nhận B');
    const other = received(b.counterId, dossierCode((await lease(b, ['260113'])).blocks.find((x) => x.kind === 'dossierSeq')!.first, '260113'));
    expect((await push(a, [retA])).results[0]!.status).toBe('stored');
    const resB = await push(b, [retB, other]);
    expect(resB.results.map((x) => x.status)).toEqual(['conflict', 'stored']);
    expect(resB.results[0]!.conflict!.code).toBe('ILLEGAL_TRANSITION');
    const conflicts = await server.app.inject({ method: 'GET', url: '/v1/conflicts', headers: { authorization: `Bearer ${server.adminToken}` } });
    const list = (conflicts.json() as { conflicts: { eventId: string }[] }).conflicts;
    expect(list.map((c) => c.eventId)).toContain(retB.id);
    const snap = (await pullAll(b)).dossiers.find((d) => d.id === r.dossierId)!;
    expect(snap.status).toBe('returned');
    expect(snap.openConflicts).toBe(1);
    expect(snap.state.eventIds).not.toContain(retB.id);

    const before = snap.lastSeq;
    const resolve = await server.app.inject({
      method: 'POST',
      url: `/v1/conflicts/${retB.id}/resolve`,
      headers: { authorization: `Bearer ${server.adminToken}` },
      payload: { note: 'Đã xác minh: người nhận A đúng.' },
    });
    expect(resolve.statusCode, resolve.body).toBe(200);
    const after = (await pullAll(b, before)).dossiers.find((d) => d.id === r.dossierId)!;
    expect(after.openConflicts).toBe(0);
    expect(after.lastSeq).toBeGreaterThan(before);
  });

  it('flags a dossier code issued twice and a code outside the counter leases', async () => {
    const l = await lease(a, ['260114']);
    const seq = l.blocks.find((x) => x.kind === 'dossierSeq')!.first;
    const first = received(a.counterId, dossierCode(seq, '260114'));
    const twice = received(a.counterId, dossierCode(seq, '260114'));
    const notLeased = received(a.counterId, dossierCode(8000, '260114'));
    const fallback = received(a.counterId, dossierCode(9000 + (a.counterIndex - 1) * 50, '260114'));
    const res = await push(a, [first, twice, notLeased, fallback]);
    expect(res.results.map((x) => x.conflict?.code ?? x.status)).toEqual(['stored', 'DUPLICATE_CODE', 'CODE_NOT_LEASED', 'stored']);
  });

  it('flags a receipt number used twice', async () => {
    const l = await lease(a, ['260115']);
    const seq = l.blocks.find((x) => x.kind === 'dossierSeq')!.first;
    const receipt = l.blocks.find((x) => x.kind === 'receipt')!.first;
    const r = received(a.counterId, dossierCode(seq, '260115'));
    const res = await push(a, [r, feeCollected(a.counterId, r.dossierId, receipt), feeCollected(a.counterId, r.dossierId, receipt)]);
    expect(res.results.map((x) => x.conflict?.code ?? x.status)).toEqual(['stored', 'stored', 'DUPLICATE_RECEIPT']);
  });

  it('numbers receptions continuously through the year for the whole Center', async () => {
    const la = (await lease(a, ['260116'])).blocks.find((x) => x.kind === 'dossierSeq')!;
    const lb = (await lease(b, ['260116'])).blocks.find((x) => x.kind === 'dossierSeq')!;
    const ra = await push(a, [received(a.counterId, dossierCode(la.first, '260116')), received(a.counterId, dossierCode(la.first + 1, '260116'))]);
    const rb = await push(b, [received(b.counterId, dossierCode(lb.first, '260116'))]);
    const numbers = [...ra.results, ...rb.results].map((x) => x.registerNumber!);
    expect(numbers[1]).toBe(numbers[0]! + 1);
    expect(numbers[2]).toBe(numbers[1]! + 1);
    const { rows } = await server.db.query<{ n: number; max: number }>('SELECT count(*)::int AS n, max(number) AS max FROM register_numbers WHERE year = 2026');
    expect(rows[0]!.n).toBe(rows[0]!.max);
  });
});

describe('pull', () => {
  it('pages dossier snapshots after a cursor, each dossier once at its latest state', async () => {
    const all = await pullAll(a, 0, 2);
    const ids = all.dossiers.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    const { rows } = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM dossiers');
    expect(ids.length).toBe(rows[0]!.n);
    const seqs = all.dossiers.map((d) => d.lastSeq);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    expect((await pullAll(a, all.cursor)).dossiers).toEqual([]);
  });
});

describe('leases', () => {
  it('hands out disjoint blocks below the fallback range, and the same blocks to a retried request', async () => {
    const requestId = randomUUID();
    const ask = (c: { credential: string }, id: string) =>
      server.app.inject({ method: 'POST', url: '/v1/leases', headers: auth(c), payload: { requestId: id, dossierDates: ['260201', '260202'], blockSize: 500 } });
    const first = (await ask(a, requestId)).json() as LeaseResponse;
    const retried = (await ask(a, requestId)).json() as LeaseResponse;
    expect(retried.blocks).toEqual(first.blocks);
    const blocks = [...first.blocks];
    for (let i = 0; i < 20; i++) blocks.push(...((await ask(i % 2 ? a : b, randomUUID())).json() as LeaseResponse).blocks);
    for (const scope of new Set(blocks.map((x) => x.scope))) {
      const s = blocks.filter((x) => x.scope === scope).sort((x, y) => x.first - y.first);
      for (let i = 1; i < s.length; i++) expect(s[i]!.first).toBeGreaterThan(s[i - 1]!.last);
      expect(s[s.length - 1]!.last).toBeLessThanOrEqual(8999);
    }
  });
});
