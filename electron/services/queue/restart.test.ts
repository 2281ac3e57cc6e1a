// The queue survives its machine: the web host that runs it is killed (SIGKILL) while citizens take
// numbers, then started again on the same data folder. Every number answered before the kill is
// still in the queue (called afterwards), and no number is issued twice, before or after.
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vnDateKey } from '../../../shared/calendar';
import { startWebHost, type Started } from '../../../tests/e2e/processes';
import { openJournal, readDay } from './journal';

const officer = { id: 'e2e-officer', name: 'Nguyễn Thị Lan' };

async function post(base: string, path: string, body: unknown): Promise<{ status: number; value: Record<string, unknown> }> {
  const response = await fetch(new URL(path, base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, value: (await response.json()) as Record<string, unknown> };
}

describe('the queue journal', () => {
  it('drops a line torn by a crash and appends after the last whole one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-queue-'));
    const journal = openJournal(dir, '2026-12-07');
    journal.append({ type: 'issued', at: '2026-12-07T01:00:00.000Z', number: 1001, line: 'dn' });
    journal.close();
    appendFileSync(join(dir, '2026-12-07.jsonl'), '{"type":"issued","at":"2026-12-07T01:0');
    const again = openJournal(dir, '2026-12-07');
    expect(again.records.map((r) => r.number)).toEqual([1001]);
    again.append({ type: 'issued', at: '2026-12-07T01:01:00.000Z', number: 1002, line: 'dn' });
    again.close();
    expect(readDay(dir, '2026-12-07').records.map((r) => r.number)).toEqual([1001, 1002]);
    expect(readFileSync(join(dir, '2026-12-07.jsonl'), 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
  });
});

describe('the queue service across a kill of its machine', () => {
  const started: Started[] = [];
  afterAll(async () => {
    for (const s of started) await s.stop();
  });

  it('loses no number answered and issues none twice', { timeout: 120_000 }, async () => {
    const first = await startWebHost(['--queue-port', '0', '--queue-bind', '127.0.0.1']);
    started.push(first);
    const queueUrl = first.queueUrl!;
    const answered: number[] = [];
    // Citizens keep taking numbers on two lines until the machine dies under them.
    const takers = Array.from({ length: 6 }, async (_, i) => {
      for (;;) {
        const r = await post(queueUrl, '/api/tickets', { line: i % 2 ? 'dn' : 'kq' }).catch(() => undefined);
        if (!r) return;
        expect(r.status).toBe(200);
        answered.push(r.value.number as number);
      }
    });
    while (answered.length < 40) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    await Promise.all(takers);
    expect(new Set(answered).size).toBe(answered.length);

    const second = await startWebHost(['--queue-port', new URL(queueUrl).port, '--queue-bind', '127.0.0.1'], first);
    started.push(second);
    expect(second.queueUrl).toBe(queueUrl);
    const journaled = readDay(join(first.dataDir, 'queue'), vnDateKey(new Date())).records.map((r) => r.number);
    for (const n of answered) expect(journaled).toContain(n);

    const after: number[] = [];
    for (let i = 0; i < 6; i++) after.push((await post(queueUrl, '/api/tickets', { line: i % 2 ? 'dn' : 'kq' })).value.number as number);
    const all = [...answered, ...after];
    expect(new Set(all).size).toBe(all.length);
    expect(Math.min(...after.filter((n) => n < 2000))).toBeGreaterThan(Math.max(...answered.filter((n) => n < 2000)));

    // Counter 4 serves both lines: it calls every number answered before the kill, and the ones after.
    const called: number[] = [];
    for (;;) {
      const call = await post(queueUrl, '/api/counters/4/call', { lines: ['dn', 'kq'], officer });
      if (call.status === 409) {
        expect(call.value).toMatchObject({ error: { code: 'EMPTY', message: 'Không còn ai chờ ở các hàng quầy này phục vụ.' } });
        break;
      }
      called.push(call.value.number as number);
      expect((await post(queueUrl, '/api/counters/4/serve', { officer, dossiers: [] })).status).toBe(200);
    }
    for (const n of all) expect(called).toContain(n);
    expect(called.length).toBe(new Set(called).size);
  });
});
