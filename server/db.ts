// The thin database interface the server is written against: the same SQL runs on PGlite
// (embedded default, one Center, nothing to install) and on PostgreSQL through `pg`.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { postgresTargets } from './pgTargets';
import { openPgliteThread } from './pgliteThread';

export interface QueryResult<T> {
  rows: T[];
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
}

export interface Db extends Queryable {
  /** Runs `fn` in one transaction; a throw rolls everything back. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}

/** PGlite in `dataDir`, or in memory when dataDir is undefined (tests). */
export async function openPglite(dataDir?: string): Promise<Db> {
  const lite = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  // PGlite runs one query at a time; transactions are serialized by its own mutex.
  return {
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      const r = await lite.query<T>(sql, params as unknown[]);
      return { rows: r.rows };
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return lite.transaction(async (tx) =>
        fn({
          async query<R>(sql: string, params?: unknown[]) {
            const r = await tx.query<R>(sql, params as unknown[]);
            return { rows: r.rows };
          },
        }),
      );
    },
    async exec(sql: string) {
      await lite.exec(sql);
    },
    async close() {
      await lite.close();
    },
  };
}

// --- A database that restarts or fails over must not take the server down (server/README.md).
/**
 * node-postgres emits 'error' on a connection the database closed (restart, failover, network), on
 * idle pooled connections through the pool and on checked-out ones through the client; unhandled,
 * it ends the process. The pool drops such connections and opens fresh ones on demand, and the
 * query that was running rejects, so the request is answered 503 (server/dbUnavailable.ts).
 */
function ignoreLostConnection(): void {}
// --- end

// BIGINT comes back as a string from pg; all our bigints (seq) fit in a double.
pg.types.setTypeParser(20, (v: string) => Number(v));

/** `connectionString` may name several hosts (a primary and its standbys, server/pgTargets.ts). */
export async function openPostgres(connectionString: string): Promise<Db> {
  const targets = postgresTargets(connectionString);
  await targets.findPrimary();
  const pool = new pg.Pool({ Client: targets.Client, max: 10 });
  pool.on('error', ignoreLostConnection);
  const noticed = (err: unknown): never => {
    targets.notice(err);
    throw err;
  };
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    async query<T>(sql: string, params?: unknown[]) {
      const r = await pool.query(sql, params as unknown[]).catch(noticed);
      return { rows: r.rows as T[] };
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect().catch(noticed);
      client.on('error', ignoreLostConnection);
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn({
          async query<R>(sql: string, params?: unknown[]) {
            const r = await client.query(sql, params as unknown[]);
            return { rows: r.rows as R[] };
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        targets.notice(err);
        broken = await client.query('ROLLBACK').then(
          () => undefined,
          (rollbackError: Error) => rollbackError,
        );
        throw err;
      } finally {
        client.off('error', ignoreLostConnection);
        // A connection that could not even roll back is dropped, not handed to the next request.
        client.release(broken);
      }
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async close() {
      await pool.end();
    },
  };
}

export async function openDb(options: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  // On a data folder (the server) PGlite runs in its own thread, off the event loop; in memory (tests), here.
  return options.dataDir ? openPgliteThread(options.dataDir) : openPglite();
}
