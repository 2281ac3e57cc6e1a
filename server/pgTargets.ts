// Several PostgreSQL addresses for one database (a primary and its standbys), written as libpq does:
// postgres://user:password@host1:5432,host2:5432/motcua. node-postgres connects to one host only, so
// the server keeps the address of the current primary and opens every new connection there. When
// the database is away (server/dbUnavailable.ts) it asks each address in turn which one accepts
// writes (`pg_is_in_recovery()` false) and moves there: after a standby is promoted the server
// carries on by itself. It never moves away from a primary that still accepts writes.
import pg from 'pg';
import { isDatabaseUnavailable } from './dbUnavailable';

const MULTI_HOST = /^(postgres(?:ql)?:\/\/)([^@/?#]*@)?([^/?#]*)(.*)$/s;

/** One connection string per host of a libpq multi-host URL (the URL itself when it names one host). */
export function splitHosts(url: string): string[] {
  const m = MULTI_HOST.exec(url);
  if (!m || !m[3]!.includes(',')) return [url];
  return m[3]!.split(',').map((host) => `${m[1]}${m[2] ?? ''}${host}${m[4]}`);
}

/**
 * A new connection that is not made within this (a host switched off, a cut network) fails, so the
 * request is answered 503 and the addresses are asked again. Set on the connection, not the pool:
 * waiting for a pooled connection while all are busy is load and keeps waiting.
 */
const CONNECT_TIMEOUT_MS = 5_000;
/** Probes are spaced at least this far apart however many requests fail meanwhile. */
const PROBE_INTERVAL_MS = 1_000;
const PROBE_TIMEOUT_MS = 2_000;

export interface PostgresTargets {
  /** The pool's client class: connects to the current primary. */
  readonly Client: new () => pg.Client;
  /** Finds the primary among the addresses (at start); throws what the last address said when none accepts writes. */
  findPrimary(): Promise<void>;
  /** Called with every database error: one meaning the database is away starts a search for the primary in the background. */
  notice(err: unknown): void;
}

export function postgresTargets(connectionString: string): PostgresTargets {
  const urls = splitHosts(connectionString);
  let current = urls[0]!;
  let probing: Promise<void> | undefined;
  let lastProbe = 0;

  async function acceptsWrites(url: string): Promise<boolean> {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const { rows } = await client.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
      return rows[0]?.standby === false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  async function search(): Promise<void> {
    let lastError: unknown;
    // The current address first: a primary that still accepts writes is kept.
    for (const url of [current, ...urls.filter((u) => u !== current)]) {
      try {
        if (await acceptsWrites(url)) {
          current = url;
          return;
        }
        lastError = Object.assign(new Error('cannot execute in a read-only transaction (standby)'), { code: '25006' });
      } catch (err) {
        lastError = err;
      }
    }
    throw lastError;
  }

  return {
    Client: class extends pg.Client {
      constructor(poolOptions?: pg.ClientConfig) {
        super({ ...poolOptions, connectionString: current, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
      }
    },
    findPrimary: search,
    notice(err) {
      if (urls.length < 2 || !isDatabaseUnavailable(err) || probing || Date.now() - lastProbe < PROBE_INTERVAL_MS) return;
      lastProbe = Date.now();
      probing = search()
        .catch(() => undefined)
        .finally(() => {
          probing = undefined;
        });
    },
  };
}
