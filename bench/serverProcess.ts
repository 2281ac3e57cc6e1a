// The real central server as a child process (`node --import tsx server/main.ts`), as a Center runs it:
// PGlite in a fresh temp folder, or a fresh PostgreSQL database on the cluster named by a URL. Its
// memory (RSS) and CPU are read from /proc while it runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

// LOAD_SERVER_ROOT runs another checkout's server (the figures before a change) under the same load.
const ROOT = resolve(process.env.LOAD_SERVER_ROOT ?? resolve(import.meta.dirname, '..'));
export const LOAD_ADMIN = { username: 'dohieunang', password: 'kiem-thu-tai-may-chu-2026' };

export interface ServerProcess {
  base: string;
  pid: number;
  kind: 'pglite' | 'postgres';
  /** Resident memory in MiB, from /proc. */
  rssMiB(): number;
  /** CPU seconds (user + system) used so far, from /proc. */
  cpuSeconds(): number;
  /** CPU seconds used so far by the PostgreSQL cluster (postmaster, its processes and those it reaped), from /proc; NaN on PGlite (its CPU is the server's) or a cluster on another machine. */
  dbCpuSeconds(): number;
  /** Counts what the database holds once the server has stopped: every event, and distinct ids. */
  stopAndCount(): Promise<{ events: number; distinct: number }>;
}

const CLK_TCK = 100;

/** Fields of /proc/<pid>/stat after the command name: [0] is field 3 (state), [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime. */
function statFields(pid: number | string): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function procStat(pid: number): { rssMiB: number; cpuSeconds: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const fields = statFields(pid);
  return { rssMiB: rssKiB / 1024, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLK_TCK };
}

/** The postmaster's pid: the parent of a backend of the cluster, when the cluster runs on this machine. */
async function postmasterPid(url: string): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    // Read while the backend lives: it ends with the connection.
    return Number(statFields(rows[0]!.pid)[1]);
  } catch {
    return undefined;
  } finally {
    await client.end();
  }
}

/** The cluster's CPU: the postmaster's own and its reaped children's, plus every live child's (backends, WAL writer, checkpointer). */
function clusterCpuSeconds(postmaster: number): number {
  const own = statFields(postmaster);
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const f = statFields(entry);
      if (Number(f[1]) === postmaster) ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // The process ended meanwhile: its ticks are in the postmaster's cutime once reaped.
    }
  }
  return ticks / CLK_TCK;
}

async function waitReady(child: ChildProcess): Promise<string> {
  let output = '';
  return new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /\{"ready":true,"url":"([^"]+)"\}/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolvePromise(m[1]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${output}`));
    });
  });
}

/** Starts the server on PGlite (no url) or on a new database of the PostgreSQL cluster at `postgresUrl`. */
export async function startServerProcess(postgresUrl?: string): Promise<ServerProcess> {
  let dataDir: string | undefined;
  let databaseUrl: string | undefined;
  let dbName: string | undefined;
  if (postgresUrl) {
    dbName = `motcua_load_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(postgresUrl);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'motcua-load-'));
  }
  // LOAD_SERVER_NODE_ARGS adds Node flags to the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` (written when it stops).
  const nodeArgs = (process.env.LOAD_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      // One line per request at info would measure the logger; a Center runs at its own LOG_LEVEL.
      LOG_LEVEL: process.env.LOAD_LOG_LEVEL ?? 'warn',
      INITIAL_ADMIN_USERNAME: LOAD_ADMIN.username,
      INITIAL_ADMIN_PASSWORD: LOAD_ADMIN.password,
      DATABASE_URL: databaseUrl ?? '',
      DATA_DIR: dataDir ?? '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  // A benchmark that fails must not leave its server running.
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  const base = await waitReady(child);
  const pid = child.pid!;
  const postmaster = databaseUrl ? await postmasterPid(databaseUrl) : undefined;
  return {
    base,
    pid,
    kind: postgresUrl ? 'postgres' : 'pglite',
    rssMiB: () => procStat(pid).rssMiB,
    cpuSeconds: () => procStat(pid).cpuSeconds,
    dbCpuSeconds: () => (postmaster ? clusterCpuSeconds(postmaster) : NaN),
    async stopAndCount() {
      child.kill('SIGTERM');
      await exited;
      process.off('exit', orphan);
      const sql = 'SELECT count(*)::int AS events, count(DISTINCT id)::int AS distinct FROM events';
      if (dataDir) {
        const { PGlite } = await import('@electric-sql/pglite');
        const lite = await PGlite.create(dataDir);
        const { rows } = await lite.query<{ events: number; distinct: number }>(sql);
        await lite.close();
        rmSync(dataDir, { recursive: true, force: true });
        return rows[0]!;
      }
      const db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
      const { rows } = await db.query<{ events: number; distinct: number }>(sql);
      await db.end();
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
      await admin.end();
      return rows[0]!;
    },
  };
}
