// The conflict list pages past 1,000: after a long outage a Center can hold more open conflicts than
// one page, and a supervisor must reach every one of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConflictPage } from '../shared/sync/protocol';
import { startTestServer } from '../tests/sync/harness';
import type { TestServer } from '../tests/sync/harness';

let server: TestServer;
const TOTAL = 1_234;

beforeAll(async () => {
  server = await startTestServer();
  const device = await server.enrol('Q01');
  // Stored flagged facts, written directly: what the push would write, in bulk.
  await server.db.exec(`
    INSERT INTO events (id, dossier_id, type, body, device_id, counter_id, officer_id, conflict)
      SELECT gen_random_uuid(), gen_random_uuid(), 'returned', '{}'::jsonb, '${device.deviceId}', 'Q01', 'officer-1', '{"code":"INVALID_TRANSITION","message":"x"}'::jsonb
      FROM generate_series(1, ${TOTAL});
    INSERT INTO conflicts (event_id, dossier_id, code, message) SELECT id, dossier_id, 'INVALID_TRANSITION', 'Hồ sơ đã được trả kết quả.' FROM events;`);
}, 60_000);
afterAll(() => server.close());

async function page(query: string): Promise<ConflictPage> {
  const r = await server.app.inject({ method: 'GET', url: `/v1/conflicts?${query}`, headers: { authorization: `Bearer ${server.adminToken}` } });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as ConflictPage;
}

describe('GET /v1/conflicts', () => {
  it('reaches all of more than 1,000 open conflicts, page by page, each once, in sequence order', async () => {
    const seen: number[] = [];
    let after = 0;
    let pages = 0;
    for (;;) {
      const p = await page(`status=open&limit=1000&after=${after}`);
      pages++;
      seen.push(...p.conflicts.map((c) => c.seq));
      if (!p.more) break;
      after = p.next;
    }
    expect(pages).toBe(2);
    expect(seen.length).toBe(TOTAL);
    expect(new Set(seen).size).toBe(TOTAL);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('a small page says there is more and where to go on', async () => {
    const first = await page('limit=10');
    expect(first.conflicts.length).toBe(10);
    expect(first.more).toBe(true);
    const second = await page(`limit=10&after=${first.next}`);
    expect(second.conflicts[0]!.seq).toBeGreaterThan(first.next);
  });
});
