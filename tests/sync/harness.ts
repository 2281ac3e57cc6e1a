// The real server in process on in-memory PGlite (or PostgreSQL when given a URL), with helpers to
// log in as the administrator and enrol counters.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp, type AppOptions } from '../../server/app';
import { openPglite, openPostgres } from '../../server/db';
import type { Db } from '../../server/db';
import { migrate } from '../../server/migrate';
import { createStaff } from '../../server/routes/staff';
import type { EnrolResponse, LeaseResponse } from '../../shared/sync/protocol';

export const ADMIN = { username: 'quantri', password: 'mat-khau-quan-tri', fullName: 'Quản trị viên' };

export interface TestServer {
  app: FastifyInstance;
  db: Db;
  adminToken: string;
  enrol(counterId: string, counterName?: string): Promise<EnrolResponse>;
  /** The first dossier number of a block the counter leases for `date` (yymmdd). */
  firstDossierSeq(counter: { credential: string }, date?: string, blockSize?: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * In-memory PGlite by default; with TEST_DB=postgres and DATABASE_URL_TEST, a fresh schema in that
 * PostgreSQL database, dropped on close (CI runs the server tests both ways).
 */
export async function openTestDb(): Promise<Db> {
  const url = process.env.DATABASE_URL_TEST;
  if (process.env.TEST_DB !== 'postgres' || !url) {
    const db = await openPglite();
    await migrate(db);
    return db;
  }
  const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query(`CREATE SCHEMA ${schema}`);
  await setup.end();
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openPostgres(scoped.toString());
  await migrate(db);
  const close = db.close.bind(db);
  return Object.assign(db, {
    async close() {
      await close();
      const drop = new pg.Client({ connectionString: url });
      await drop.connect();
      await drop.query(`DROP SCHEMA ${schema} CASCADE`);
      await drop.end();
    },
  });
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<string> {
  const r = await app.inject({ method: 'POST', url: '/v1/sessions', payload: { username, password } });
  if (r.statusCode !== 201) throw new Error(`login failed: ${r.statusCode} ${r.body}`);
  return (r.json() as { token: string }).token;
}

/** `options`: anything of buildApp's besides the database (notice channels, the status page's clock). */
export async function startTestServer(db?: Db, options: Omit<AppOptions, 'db'> = {}): Promise<TestServer> {
  const database = db ?? (await openTestDb());
  const existing = await database.query('SELECT 1 FROM staff WHERE username = $1', [ADMIN.username]);
  if (existing.rows.length === 0) await createStaff(database, { ...ADMIN, roles: ['administrator', 'supervisor'] });
  const app = await buildApp({ ...options, db: database });
  const adminToken = await login(app, ADMIN.username, ADMIN.password);
  return {
    app,
    db: database,
    adminToken,
    async enrol(counterId, counterName = `Quầy ${counterId}`) {
      const c = await app.inject({
        method: 'POST',
        url: '/v1/admin/enrolment-codes',
        headers: { authorization: `Bearer ${adminToken}` },
        payload: { counterId, counterName },
      });
      if (c.statusCode !== 201) throw new Error(`enrolment code failed: ${c.body}`);
      const e = await app.inject({ method: 'POST', url: '/v1/enrol', payload: { code: (c.json() as { code: string }).code, deviceName: `PC ${counterId}` } });
      if (e.statusCode !== 201) throw new Error(`enrol failed: ${e.body}`);
      return e.json() as EnrolResponse;
    },
    async firstDossierSeq(counter, date = '260112', blockSize) {
      const l = await app.inject({
        method: 'POST',
        url: '/v1/leases',
        headers: { authorization: `Bearer ${counter.credential}` },
        payload: { requestId: randomUUID(), dossierDates: [date], ...(blockSize === undefined ? {} : { blockSize }) },
      });
      if (l.statusCode !== 200) throw new Error(`lease failed: ${l.statusCode} ${l.body}`);
      return (l.json() as LeaseResponse).blocks[0]!.first;
    },
    async close() {
      await app.close();
      if (!db) await database.close();
    },
  };
}

/** Empties every data table (one PGlite per test file, reset between property runs). */
export async function resetDb(db: Db): Promise<void> {
  await db.exec(`TRUNCATE events, dossiers, conflicts, register_counters, register_numbers, receipt_numbers, lease_counters, leases,
    catalogue_items, sessions, enrolment_codes, devices, staff, notices, notice_optouts, notice_templates, admin_changes, sign_ins RESTART IDENTITY CASCADE`);
  await db.exec(`DELETE FROM centers WHERE id <> ''`);
}
