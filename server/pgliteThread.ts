// PGlite on a data folder, run in a worker thread (pgliteWorker.ts) behind the same Db interface:
// the server's event loop stays free while the database works. Each call is one message; a
// transaction is opened in the worker and its statements are sent to it until commit or rollback.
import { Worker } from 'node:worker_threads';
import type { Db, Queryable, QueryResult } from './db';

export type DbRequest =
  | { op: 'query'; id: number; sql: string; params?: unknown[]; tx?: number }
  | { op: 'exec'; id: number; sql: string; tx?: undefined }
  | { op: 'begin'; id: number; tx: number }
  | { op: 'commit' | 'rollback'; id: number; tx: number }
  | { op: 'close'; id: number; tx?: undefined };

export interface DbResponse {
  id: number;
  rows?: unknown[];
  error?: { message: string; code?: string; detail?: string; constraint?: string };
}

export async function openPgliteThread(dataDir: string): Promise<Db> {
  // The server runs as TypeScript through tsx; a worker thread registers tsx itself before loading its module.
  const entry = new URL('./pgliteWorker.ts', import.meta.url).href;
  const worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`, { eval: true, workerData: { dataDir } });
  const pending = new Map<number, { resolve(rows: unknown[]): void; reject(err: Error): void }>();
  let next = 1;
  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on('message', (m: DbResponse) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error) p.reject(Object.assign(new Error(m.error.message), m.error));
    else p.resolve(m.rows ?? []);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`PGlite worker exited (${code})`)));
  const send = (r: DbRequest, waitFor = r.id) =>
    new Promise<unknown[]>((resolve, reject) => {
      pending.set(waitFor, { resolve, reject });
      worker.postMessage(r);
    });
  const query = async <T>(sql: string, params?: unknown[], tx?: number): Promise<QueryResult<T>> => ({ rows: (await send({ op: 'query', id: next++, sql, params, tx })) as T[] });

  // The worker is ready once it answers a first query.
  await query('SELECT 1');
  return {
    kind: 'pglite',
    query: (sql, params) => query(sql, params),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const tx = next++;
      // The transaction's own id carries its outcome: committed, rolled back, or failed at commit.
      const ended = new Promise<unknown[]>((resolve, reject) => pending.set(tx, { resolve, reject }));
      ended.catch(() => undefined);
      await send({ op: 'begin', id: next++, tx });
      let result: T;
      try {
        result = await fn({ query: (sql, params) => query(sql, params, tx) });
      } catch (err) {
        worker.postMessage({ op: 'rollback', id: next++, tx } satisfies DbRequest);
        await ended.catch(() => undefined);
        throw err;
      }
      worker.postMessage({ op: 'commit', id: next++, tx } satisfies DbRequest);
      await ended;
      return result;
    },
    async exec(sql) {
      await send({ op: 'exec', id: next++, sql });
    },
    async close() {
      await send({ op: 'close', id: next++ });
      await worker.terminate();
    },
  };
}
