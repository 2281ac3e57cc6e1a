// One test per numbered migration, applied in order on one database, plus idempotent re-runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from './db';
import type { Db } from './db';
import { loadMigrations, migrate } from './migrate';

let db: Db;
beforeAll(async () => {
  db = await openPglite();
}, 60_000);
afterAll(() => db.close());

async function tables(): Promise<string[]> {
  const { rows } = await db.query<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
  return rows.map((r) => r.t);
}

describe('migrations', () => {
  // Numbers are handed out to branches built in parallel (010, 012, 013 elsewhere while 011 is here), so a branch alone may skip one; never two with one number.
  it('are numbered from 001, each number once, in order', () => {
    const versions = loadMigrations().map((m) => m.version);
    expect(versions[0]).toBe(1);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
  });

  it('001 core: devices, enrolment codes, staff, sessions', async () => {
    expect(await migrate(db, { upTo: 1 })).toEqual([1]);
    expect(await tables()).toEqual(expect.arrayContaining(['devices', 'enrolment_codes', 'staff', 'sessions', 'schema_migrations']));
    expect(await tables()).not.toContain('events');
    await db.query("INSERT INTO staff (id, username, full_name, roles, password_hash) VALUES ('s1', 'a', 'A', ARRAY['supervisor'], 'x')");
    await expect(db.query("INSERT INTO staff (id, username, full_name, roles, password_hash) VALUES ('s2', 'a', 'B', ARRAY['supervisor'], 'x')")).rejects.toThrow();
  });

  it('002 events: the event id is unique and the sequence increases', async () => {
    expect(await migrate(db, { upTo: 2 })).toEqual([2]);
    await db.query("INSERT INTO devices (id, counter_id, counter_name, counter_index, device_name, credential_hash) VALUES ('d1', 'Q01', 'Quầy 1', 1, 'PC', 'h')");
    const ins = (id: string) =>
      db.query<{ seq: number }>("INSERT INTO events (id, dossier_id, type, body, device_id, counter_id, officer_id) VALUES ($1, $1, 'received', '{}', 'd1', 'Q01', 'o') RETURNING seq", [id]);
    const s1 = (await ins('00000000-0000-4000-8000-000000000001')).rows[0]!.seq;
    const s2 = (await ins('00000000-0000-4000-8000-000000000002')).rows[0]!.seq;
    expect(Number(s2)).toBeGreaterThan(Number(s1));
    await expect(ins('00000000-0000-4000-8000-000000000001')).rejects.toThrow();
  });

  it('003 leases: a block start is never handed out twice in a scope', async () => {
    expect(await migrate(db, { upTo: 3 })).toEqual([3]);
    const lease = (req: string) => db.query("INSERT INTO leases (request_id, device_id, kind, scope, first_number, last_number) VALUES ($1, 'd1', 'dossierSeq', 'x:260112', 1, 50)", [req]);
    await lease('r1');
    await expect(lease('r2')).rejects.toThrow();
    await expect(db.query("INSERT INTO leases (request_id, device_id, kind, scope, first_number, last_number) VALUES ('r3', 'd1', 'other', 's', 1, 2)")).rejects.toThrow();
  });

  it('004 catalogue: versions come from one sequence', async () => {
    expect(await migrate(db, { upTo: 4 })).toEqual([4]);
    const v = async (key: string) =>
      Number((await db.query<{ version: number }>("INSERT INTO catalogue_items (kind, key, body, updated_by) VALUES ('department', $1, '{}', 'a') RETURNING version", [key])).rows[0]!.version);
    const a = await v('SXD');
    expect(await v('STP')).toBeGreaterThan(a);
  });

  it('006 attachments: one row per content hash, hashes well formed, tied to a device', async () => {
    expect(await migrate(db, { upTo: 6 })).toContain(6);
    const sha = 'a'.repeat(64);
    const ins = (hash: string, device = 'd1') => db.query("INSERT INTO attachments (sha256, size, media_type, first_device_id) VALUES ($1, 10, 'application/pdf', $2)", [hash, device]);
    await ins(sha);
    await expect(ins(sha)).rejects.toThrow();
    await expect(ins('KHONG-HOP-LE')).rejects.toThrow();
    await expect(ins('b'.repeat(64), 'no-such-device')).rejects.toThrow();
  });

  it('007 dossier lookup: the ID number and phone lookups of the return desk use their indexes', async () => {
    expect(await migrate(db, { upTo: 7 })).toEqual([7]);
    await db.query(
      `INSERT INTO dossiers (id, code, status, state, last_seq) VALUES
       ('00000000-0000-4000-8000-0000000000a1', 'X-1', 'returned', '{"applicant":{"idNumber":"040085001234","phone":"0912345678"}}', 1)`,
    );
    // Planner costs would pick a scan of so few rows; forbidding scans shows whether an index serves the query.
    const plan = async (where: string) =>
      db.transaction(async (tx) => {
        await tx.query('SET LOCAL enable_seqscan = off');
        const { rows } = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT id FROM dossiers WHERE ${where} = '040085001234'`);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    expect(await plan("state->'applicant'->>'idNumber'")).toContain('dossiers_applicant_id_idx');
    expect(await plan("state->'applicant'->>'phone'")).toContain('dossiers_applicant_phone_idx');
    expect(await plan("state->'applicant'->>'name'")).not.toMatch(/dossiers_applicant_(id|phone)_idx/);
  });

  it('008 counter sites: existing dossiers and counters are in the one site, and a site’s pull uses its index', async () => {
    expect(await migrate(db, { upTo: 8 })).toEqual([8]);
    const { rows } = await db.query<{ site: string }>("SELECT site FROM dossiers WHERE code = 'X-1'");
    expect(rows).toEqual([{ site: '' }]);
    const plan = await db.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      const r = await tx.query<{ 'QUERY PLAN': string }>("EXPLAIN SELECT id FROM dossiers WHERE site = 'HUYEN-A' AND last_seq > 10 ORDER BY last_seq LIMIT 500");
      return r.rows.map((x) => x['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('dossiers_site_seq_idx');
  });

  it('009 staff counters: existing accounts may sign in at every counter (NULL), a list narrows it', async () => {
    expect(await migrate(db, { upTo: 9 })).toEqual([9]);
    const { rows } = await db.query<{ counters: string[] | null }>("SELECT counters FROM staff WHERE id = 's1'");
    expect(rows[0]!.counters).toBeNull();
    await db.query("UPDATE staff SET counters = ARRAY['Q01', 'Q02'] WHERE id = 's1'");
    expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM staff WHERE 'Q02' = ANY(counters)")).rows[0]!.n).toBe(1);
  });

  it('010 notices: one row per event and channel, states checked', async () => {
    expect(await migrate(db, { upTo: 10 })).toEqual([10]);
    const eventId = '00000000-0000-4000-8000-0000000000a1';
    await db.query("INSERT INTO events (id, dossier_id, type, body, device_id, counter_id, officer_id) VALUES ($1, $1, 'received', '{}', 'd1', 'Q01', 'o')", [eventId]);
    const insert = (id: string, channel: string, state = 'pending') =>
      db.query("INSERT INTO notices (id, event_id, dossier_id, dossier_code, kind, channel, recipient, facts, state) VALUES ($1, $2, $2, 'C', 'received', $3, 'r', '{}', $4)", [
        id,
        eventId,
        channel,
        state,
      ]);
    await insert('00000000-0000-4000-8000-0000000000b1', 'email');
    await insert('00000000-0000-4000-8000-0000000000b2', 'sms');
    await expect(insert('00000000-0000-4000-8000-0000000000b3', 'email')).rejects.toThrow();
    await expect(insert('00000000-0000-4000-8000-0000000000b4', 'zalo', 'lost')).rejects.toThrow();
    await expect(insert('00000000-0000-4000-8000-0000000000b5', 'fax')).rejects.toThrow();
    expect(await tables()).toEqual(expect.arrayContaining(['notices', 'notice_optouts', 'notice_templates']));
  });

  it('011 administration: the audit of changes, sign-ins, the temporary password flag, what counters report', async () => {
    expect(await migrate(db, { upTo: 11 })).toContain(11);
    expect(await tables()).toEqual(expect.arrayContaining(['admin_changes', 'sign_ins']));
    const { rows } = await db.query<{ must_change_password: boolean }>("SELECT must_change_password FROM staff WHERE id = 's1'");
    expect(rows[0]!.must_change_password).toBe(false);
    await db.query("UPDATE devices SET last_seen_at = now(), app_version = '0.1.0', printer_status = 'ok', pending_outbox = 3 WHERE id = 'd1'");
    await db.query(
      "INSERT INTO admin_changes (staff_id, staff_username, from_address, action, target_kind, target_key, before, after) VALUES ('s1', 'a', '127.0.0.1', 'staff.update', 'staff', 'a', NULL, '{\"roles\": []}')",
    );
  });

  it('012 centers: existing counters, dossiers and accounts stay in the one default center; a site becomes a center; route pulls use their index', async () => {
    await db.query("INSERT INTO devices (id, counter_id, counter_name, counter_index, device_name, credential_hash, site) VALUES ('d2', 'Q02', 'Quầy 2', 2, 'PC', 'h2', 'HUYEN-A')");
    await db.query("INSERT INTO catalogue_items (kind, key, body, updated_by) VALUES ('setting', 'receive', '{}', 'a')");
    expect(await migrate(db, { upTo: 12 })).toEqual(expect.arrayContaining([12]));
    const centers = await db.query<{ id: string; agency_code: string | null; level: string }>('SELECT id, agency_code, level FROM centers ORDER BY id');
    expect(centers.rows).toEqual([
      { id: '', agency_code: null, level: 'tinh' },
      { id: 'HUYEN-A', agency_code: null, level: 'xa' },
    ]);
    expect((await db.query("SELECT site FROM dossiers WHERE code = 'X-1'")).rows).toEqual([{ site: '' }]);
    expect((await db.query<{ center_id: string | null }>("SELECT center_id FROM staff WHERE id = 's1'")).rows[0]!.center_id).toBeNull();
    // A counter cannot be in a center that does not exist.
    await expect(db.query("UPDATE devices SET site = 'KHONG-CO' WHERE id = 'd2'")).rejects.toThrow();
    // The province's item and a center's item of the same key live side by side; a second of either is refused.
    await db.query("INSERT INTO catalogue_items (kind, key, body, updated_by, center_id) VALUES ('setting', 'receive', '{}', 'a', 'HUYEN-A')");
    await expect(db.query("INSERT INTO catalogue_items (kind, key, body, updated_by) VALUES ('setting', 'receive', '{}', 'a')")).rejects.toThrow();
    await expect(db.query("INSERT INTO catalogue_items (kind, key, body, updated_by, center_id) VALUES ('setting', 'receive', '{}', 'a', 'HUYEN-A')")).rejects.toThrow();
    const plan = await db.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      const r = await tx.query<{ 'QUERY PLAN': string }>("EXPLAIN SELECT id FROM dossiers WHERE route_centers <> '{}' AND route_centers @> ARRAY['HUYEN-A']");
      return r.rows.map((x) => x['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('dossiers_route_centers_idx');
  });

  it('re-running applies nothing', async () => {
    expect(await migrate(db)).toEqual([]);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0]!.n).toBe(loadMigrations().length);
  });
});
