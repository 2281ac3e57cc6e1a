// PGlite in its worker thread behaves as the in-process Db: queries, transactions that commit or
// roll back, errors with their PostgreSQL code, and statements outside a transaction that wait for it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db';
import { openPgliteThread } from './pgliteThread';

let dir: string;
let db: Db;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-thread-'));
  db = await openPgliteThread(dir);
  await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body JSONB, at TIMESTAMPTZ DEFAULT now())');
}, 120_000);
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('PGlite in a worker thread', () => {
  it('answers queries with parsed JSON and dates, and commits a transaction', async () => {
    const n = await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t (id, body) VALUES ($1, $2::jsonb)', [1, JSON.stringify({ tên: 'Hồ sơ' })]);
      return (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM t')).rows[0]!.n;
    });
    expect(n).toBe(1);
    const { rows } = await db.query<{ body: unknown; at: Date }>('SELECT body, at FROM t WHERE id = 1');
    expect(rows[0]!.body).toEqual({ tên: 'Hồ sơ' });
    expect(rows[0]!.at).toBeInstanceOf(Date);
  });

  it('rolls back a transaction whose function throws, and keeps the PostgreSQL error code', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t (id) VALUES (2)');
        await tx.query('INSERT INTO t (id) VALUES (1)');
      }),
    ).rejects.toMatchObject({ code: '23505' });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t (id) VALUES (3)');
        throw new Error('bỏ');
      }),
    ).rejects.toThrow('bỏ');
    const { rows } = await db.query<{ id: number }>('SELECT id FROM t ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual([1]);
  });

  it('runs a statement sent during a transaction after it, seeing what it committed', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const tx = db.transaction(async (t) => {
      await t.query('INSERT INTO t (id) VALUES (4)');
      await held;
    });
    const outside = db.query<{ n: number }>('SELECT count(*)::int AS n FROM t WHERE id = 4');
    release();
    await tx;
    expect((await outside).rows[0]!.n).toBe(1);
  });
});
