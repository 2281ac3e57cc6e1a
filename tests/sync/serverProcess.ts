// The real server as its own process (server/main.ts under `node --import tsx`), for the tests that
// kill it, take its database away or start a second one beside it; and plain fetch calls to it.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import type { PullResponse } from '../../shared/sync/protocol';

const ROOT = new URL('../..', import.meta.url).pathname;
export const ADMIN = { username: 'quantri', password: 'mat-khau-cua-truong-phong' };

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote so far, stdout and stderr together. */
  output(): string;
}

const children = new Set<ChildProcess>();
/** SIGKILLs every server a test file started and left running (call from afterAll). */
export function killServers(): void {
  for (const c of children) c.kill('SIGKILL');
}

function spawnServer(env: Record<string, string>): { child: ChildProcess; output: () => string; onOutput: (f: () => void) => void } {
  // node --import tsx: one process, so SIGKILL hits the server itself (the tsx CLI would leave it running).
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', INITIAL_ADMIN_USERNAME: ADMIN.username, INITIAL_ADMIN_PASSWORD: ADMIN.password, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let text = '';
  const listeners: (() => void)[] = [];
  const onData = (d: Buffer) => {
    text += d.toString();
    for (const f of listeners) f();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  return { child, output: () => text, onOutput: (f) => listeners.push(f) };
}

export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const { child, output, onOutput } = spawnServer(env);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output()}`)), 60_000);
    onOutput(() => {
      const m = /listening on (http:\/\/\S+)/.exec(output());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${output()}`)));
  });
  return { url, child, output };
}

/** A server expected to refuse to start: its exit status and everything it wrote. */
export async function startRefused(env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  const { child, output, onOutput } = spawnServer(env);
  const status = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server neither started nor refused:\n${output()}`)), 60_000);
    onOutput(() => {
      if (!/listening on/.test(output())) return;
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(new Error(`server started although it should have refused:\n${output()}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  return { status, output: output() };
}

export async function call<T>(url: string, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(url + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

/** Signs in as the initial administrator and enrols one counter; returns its credential. */
export async function enrolCounter(url: string, counterId: string): Promise<string> {
  const session = await call<{ token: string }>(url, 'POST', '/v1/sessions', undefined, ADMIN);
  const code = await call<{ code: string }>(url, 'POST', '/v1/admin/enrolment-codes', session.json.token, { counterId, counterName: `Quầy ${counterId}` });
  const device = await call<{ credential: string }>(url, 'POST', '/v1/enrol', undefined, { code: code.json.code, deviceName: `PC ${counterId}` });
  if (device.status !== 201) throw new Error(`enrol failed: ${device.status} ${JSON.stringify(device.json)}`);
  return device.json.credential;
}

/** Every dossier snapshot the counter may see, all pages. */
export async function pullDossiers(url: string, credential: string): Promise<PullResponse['dossiers']> {
  const out: PullResponse['dossiers'] = [];
  let after = 0;
  for (;;) {
    const page = await call<PullResponse>(url, 'GET', `/v1/pull?after=${after}&limit=1000`, credential);
    if (page.status !== 200) throw new Error(`pull failed: ${page.status} ${JSON.stringify(page.json)}`);
    out.push(...page.json.dossiers);
    after = page.json.next;
    if (!page.json.more) return out;
  }
}

/** How many times each event id appears across the snapshots: once each when nothing is doubled. */
export function eventIdCounts(dossiers: PullResponse['dossiers']): Map<string, number> {
  const seen = new Map<string, number>();
  for (const d of dossiers) for (const id of d.state.eventIds) seen.set(id, (seen.get(id) ?? 0) + 1);
  return seen;
}

/** Runs `fn` with a DATABASE_URL on a fresh schema of `pgUrl` (DATABASE_URL_TEST), dropped afterwards. */
export async function withPgSchema(pgUrl: string, prefix: string, fn: (databaseUrl: string) => Promise<void>): Promise<void> {
  const schema = `${prefix}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    const url = new URL(pgUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    await fn(url.toString());
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}
