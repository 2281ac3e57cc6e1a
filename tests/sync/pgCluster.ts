// Throwaway PostgreSQL clusters for the fault tests, built with Debian's binaries
// (/usr/lib/postgresql/N/bin): a cluster the test may stop and restart, and a synchronous standby
// made with pg_basebackup that the test may promote. Run as the postgres user when the test runs as
// root (CI's .ci/run does), as the current user otherwise. Each lives in its own temporary folder.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest installed PostgreSQL's bin folder, or undefined when there is none. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length > 0 ? join(root, versions.at(-1)!, 'bin') : undefined;
}

/** Why a test that needs its own cluster cannot run here, or '' when it can: it runs where the PostgreSQL tests run (DATABASE_URL_TEST, as in CI). */
export function skipReason(): string {
  if (!process.env.DATABASE_URL_TEST) return 'set DATABASE_URL_TEST=postgres://… to run';
  return postgresBin() ? '' : 'no PostgreSQL binaries in /usr/lib/postgresql';
}

const asRoot = process.getuid?.() === 0;

const execFileAsync = promisify(execFile);

/** Runs a shell command as the cluster's owner, without blocking the test's own requests meanwhile. */
async function run(command: string): Promise<string> {
  // initdb refuses to run as root; the cluster then belongs to postgres.
  const { stdout } = asRoot ? await execFileAsync('su', ['postgres', '-s', '/bin/sh', '-c', command]) : await execFileAsync('/bin/sh', ['-c', command]);
  return stdout;
}

/** The first port from `from` nobody listens on (the fault tests' clusters use 55600 and up). */
export async function freePort(from = 55600): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${from + 99}`);
}

export class PgCluster {
  private constructor(
    readonly bin: string,
    readonly dir: string,
    readonly port: number,
    private readonly settings: string[],
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get data(): string {
    return join(this.dir, 'data');
  }

  /** A new cluster on `port`, started; `settings` are `-c name=value` options for every start. */
  static async create(bin: string, port: number, settings: string[] = []): Promise<PgCluster> {
    const cluster = new PgCluster(bin, PgCluster.folder(), port, settings);
    await run(`${bin}/initdb -D ${cluster.data} -A trust -U postgres -E UTF8 >/dev/null`);
    await cluster.start();
    return cluster;
  }

  /** A streaming standby of `primary` (pg_basebackup -R), started; `name` (its cluster_name) is what the primary's synchronous_standby_names calls it. */
  static async standbyOf(primary: PgCluster, port: number, name: string): Promise<PgCluster> {
    const standby = new PgCluster(primary.bin, PgCluster.folder(), port, [`cluster_name=${name}`]);
    await run(`${primary.bin}/pg_basebackup -h 127.0.0.1 -p ${primary.port} -U postgres -D ${standby.data} -R -X stream >/dev/null`);
    await standby.start();
    return standby;
  }

  private static folder(): string {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-pgfault-'));
    if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
    return dir;
  }

  async start(): Promise<void> {
    const options = [`-p ${this.port}`, `-k ${this.dir}`, '-c listen_addresses=127.0.0.1', ...this.settings.map((s) => `-c ${s}`)].join(' ');
    await run(`${this.bin}/pg_ctl -D ${this.data} -o '${options}' -l ${this.dir}/log -w start >/dev/null`);
  }

  /** `fast` disconnects every client and shuts down cleanly; `immediate` is a crash (no checkpoint). */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await run(`${this.bin}/pg_ctl -D ${this.data} -m ${mode} -w stop >/dev/null`);
  }

  async promote(): Promise<void> {
    await run(`${this.bin}/pg_ctl -D ${this.data} -w promote >/dev/null`);
  }

  /** One SQL statement through psql; its unaligned output. */
  async sql(statement: string): Promise<string> {
    return (await run(`${this.bin}/psql -h 127.0.0.1 -p ${this.port} -U postgres -d postgres -XAtq -c "${statement.replace(/"/g, '\\"')}"`)).trim();
  }

  /** Stops the cluster if it still runs and removes its folder. */
  async remove(): Promise<void> {
    try {
      await this.stop('immediate');
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
