// The worker thread that owns the PGlite database of a server running on a data folder
// (pgliteThread.ts is its other end). PGlite executes SQL synchronously in WebAssembly: here it
// no longer stops the server's event loop, which keeps parsing requests and writing answers.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { DbRequest, DbResponse } from './pgliteThread';

const port = parentPort!;
const lite = await PGlite.create((workerData as { dataDir: string }).dataDir);

/** Statements of each open transaction, waiting to run inside it. */
const open = new Map<number, (r: DbRequest) => void>();

function answer(id: number, body: Omit<DbResponse, 'id'>): void {
  port.postMessage({ id, ...body } satisfies DbResponse);
}

function failure(err: unknown): Omit<DbResponse, 'id'> {
  const e = err as { message?: string; code?: string; detail?: string; constraint?: string };
  return { error: { message: String(e?.message ?? err), code: e?.code, detail: e?.detail, constraint: e?.constraint } };
}

async function run(r: Extract<DbRequest, { op: 'query' | 'exec' }>, tx?: Transaction): Promise<void> {
  try {
    if (r.op === 'exec') {
      await lite.exec(r.sql);
      answer(r.id, { rows: [] });
    } else answer(r.id, { rows: (await (tx ?? lite).query(r.sql, r.params)).rows });
  } catch (err) {
    answer(r.id, failure(err));
  }
}

function begin(r: Extract<DbRequest, { op: 'begin' }>): void {
  lite
    .transaction(
      (tx) =>
        new Promise<void>((done, abort) => {
          answer(r.id, { rows: [] });
          open.set(r.tx, (next) => {
            if (next.op === 'commit') done();
            else if (next.op === 'rollback') abort(new Error('rollback'));
            else if (next.op === 'query') void run(next, tx);
          });
        }),
    )
    .then(
      () => answer(r.tx, { rows: [] }),
      (err: unknown) => answer(r.tx, (err as Error)?.message === 'rollback' ? { rows: [] } : failure(err)),
    )
    .finally(() => open.delete(r.tx));
}

port.on('message', (r: DbRequest) => {
  if (r.op === 'begin') return begin(r);
  if ('tx' in r && r.tx !== undefined) return open.get(r.tx)?.(r);
  if (r.op === 'close') return void lite.close().then(() => answer(r.id, { rows: [] }));
  if (r.op === 'query' || r.op === 'exec') void run(r);
});
