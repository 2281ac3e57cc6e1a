// Process-level: a real server process is killed with SIGKILL in the middle of a stream of pushes,
// restarted on the same data, and the whole stream is pushed again: nothing lost, nothing doubled.
// Runs on PGlite always, and on PostgreSQL when DATABASE_URL_TEST is set.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { DossierEvent } from '../../shared/domain';
import type { EnrolResponse, LeaseResponse, PullResponse, PushResponse } from '../../shared/sync/protocol';
import { dossierCode, handedToCourier, received } from './events';

const ROOT = new URL('../..', import.meta.url).pathname;
const ADMIN = { username: 'quantri', password: 'mat-khau-cua-truong-phong' };
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

async function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  // node --import tsx: one process, so SIGKILL hits the server itself (the tsx CLI would leave it running).
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', INITIAL_ADMIN_USERNAME: ADMIN.username, INITIAL_ADMIN_PASSWORD: ADMIN.password, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
  return { url, child };
}

async function call<T>(url: string, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(url + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

async function scenario(env: Record<string, string>): Promise<void> {
  let server = await startServer(env);
  const session = await call<{ token: string }>(server.url, 'POST', '/v1/sessions', undefined, ADMIN);
  const code = await call<{ code: string }>(server.url, 'POST', '/v1/admin/enrolment-codes', session.json.token, { counterId: 'Q01', counterName: 'Quầy 1' });
  const device = (await call<EnrolResponse>(server.url, 'POST', '/v1/enrol', undefined, { code: code.json.code, deviceName: 'PC 1' })).json;
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

  const seen = new Map<string, number>();
  let after = 0;
  for (;;) {
    const page = (await call<PullResponse>(server.url, 'GET', `/v1/pull?after=${after}&limit=1000`, device.credential)).json;
    for (const d of page.dossiers) {
      expect(d.status).toBe('withCourier');
      expect(d.registerNumber).not.toBeNull();
      for (const id of d.state.eventIds) seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    after = page.next;
    if (!page.more) break;
  }
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
    const schema = `kill_${Date.now()}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      const url = new URL(pgUrl!);
      url.searchParams.set('options', `-c search_path=${schema}`);
      await scenario({ DATABASE_URL: url.toString() });
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  });
});
