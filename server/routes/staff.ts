// Staff accounts, roles and sessions. Counters sync the password hashes to verify logins offline.
import type { FastifyInstance } from 'fastify';
import { passwordProblem } from '../../shared/auth/passwordRules';
import { STAFF_ROLES } from '../../shared/sync/protocol';
import type { SessionResponse, StaffRecord, StaffRole } from '../../shared/sync/protocol';
import { deviceAuth, deviceOf, requireDevice, staffAuth, staffOf, type StaffPrincipal } from '../auth';
import type { FastifyRequest } from 'fastify';
import type { AdminStaff, AdminStaffResponse, SignInsResponse } from '../../shared/sync/adminProtocol';
import { refuseOtherCenter } from './centers';
import type { AppContext } from '../context';
import type { Queryable } from '../db';
import { recordAdminChange } from '../adminAudit';
import { ApiError } from '../errors';
import { hashPassword, newId, newSessionToken, sha256, unknownUserHash, verifyPassword } from '../secrets';

const usernameSchema = { type: 'string', minLength: 2, maxLength: 64, pattern: '^[a-z0-9._-]+$' } as const;
const rolesSchema = { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: STAFF_ROLES } } as const;
/** Counters where the account may sign in; null (the default) every counter, except for an administrator: none. */
const countersSchema = {
  type: ['array', 'null'],
  maxItems: 500,
  uniqueItems: true,
  items: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._-]+$' },
} as const;

export interface NewStaff {
  username: string;
  fullName: string;
  roles: StaffRole[];
  password: string;
  counters?: string[] | null;
  /** The password is temporary: the officer sets their own at the next sign-in (the administration screens always ask it). */
  mustChangePassword?: boolean;
  /** The center the account belongs to (migration 012); null or absent: the province. */
  centerId?: string | null;
}

export async function createStaff(db: Queryable, input: NewStaff): Promise<string> {
  const id = newId();
  const hash = await hashPassword(input.password);
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO staff (id, username, full_name, roles, password_hash, counters, must_change_password, center_id) VALUES ($1, $2, $3, $4::text[], $5, $6::text[], $7, $8) ON CONFLICT (username) DO NOTHING RETURNING id',
    [id, input.username, input.fullName, input.roles, hash, input.counters ?? null, input.mustChangePassword ?? false, input.centerId ?? null],
  );
  if (rows.length === 0) throw new ApiError(409, 'ALREADY_EXISTS', `Tên đăng nhập ${input.username} đã tồn tại.`);
  return id;
}

/** An account as the audit log keeps it (the administrator's list without id and last sign-in): never the password or its hash. */
type StaffView = Omit<AdminStaff, 'id' | 'lastSignInAt'>;

const STAFF_VIEW_COLUMNS = 'username, full_name AS "fullName", roles, disabled, counters, must_change_password AS "mustChangePassword", center_id AS "centerId"';

async function staffView(db: Queryable, username: string, forUpdate = false): Promise<StaffView | undefined> {
  const { rows } = await db.query<StaffView>(`SELECT ${STAFF_VIEW_COLUMNS} FROM staff WHERE username = $1${forUpdate ? ' FOR UPDATE' : ''}`, [username]);
  return rows[0];
}

function refuseWeakPassword(password: string, username: string): void {
  const weak = passwordProblem(password, username);
  if (weak) throw new ApiError(400, 'INVALID_REQUEST', `Mật khẩu ${weak}`, { field: '/password' });
}

/** Whether an account may sign in at a counter: of the counter's center or the province, and listed there, or unrestricted and not an administrator. */
export function maySignInAt(
  account: { roles: readonly StaffRole[]; counters: readonly string[] | null; disabled: boolean; center_id: string | null },
  counter: { counterId: string; centerId: string },
): boolean {
  const counterId = counter.counterId;
  if (account.disabled) return false;
  if (account.center_id !== null && account.center_id !== counter.centerId) return false;
  if (account.counters !== null) return account.counters.includes(counterId);
  return !account.roles.includes('administrator');
}

/** One sign-in attempt that reached the password check: the name, the outcome, the address and, from a counter (its device credential sent along), which one. */
async function recordSignIn(ctx: AppContext, req: FastifyRequest, username: string, staffId: string | undefined, success: boolean): Promise<void> {
  const device = req.headers.authorization ? await requireDevice(ctx.db, req).catch(() => undefined) : undefined;
  const agent = req.headers['user-agent']?.slice(0, 300) ?? null;
  await ctx.db.query('INSERT INTO sign_ins (username, staff_id, success, from_address, counter_id, user_agent) VALUES ($1, $2, $3, $4, $5, $6)', [
    username.slice(0, 64),
    staffId ?? null,
    success,
    req.ip,
    device?.counter_id ?? null,
    agent,
  ]);
}

/** An account's row as a sign-in and a counter's staff list read it. */
interface AccountRow {
  id: string;
  username: string;
  full_name: string;
  roles: StaffRole[];
  password_hash: string;
  disabled: boolean;
  must_change_password: boolean;
  center_id: string | null;
}

/** The center an account belongs to; null: the province. */
const centerOfAccountSchema = { type: ['string', 'null'], maxLength: 100, pattern: '^[A-Za-z0-9._-]*$' } as const;

export function staffRoutes(app: FastifyInstance, ctx: AppContext): void {
  /** A center's administrator manages the accounts of that center only; an account of the province, only a provincial one. */
  const refuseUnmanagedCenter = async (admin: StaffPrincipal, centerId: string | null): Promise<void> => {
    if (centerId === null) {
      if (admin.centerId !== null) throw new ApiError(403, 'FORBIDDEN', 'Chỉ quản trị viên cấp tỉnh quản lý tài khoản cấp tỉnh.');
      return;
    }
    refuseOtherCenter(admin, centerId);
    if (!(await ctx.centers.byId(centerId))) throw new ApiError(400, 'INVALID_REQUEST', `Không có trung tâm ${centerId}.`, { field: '/centerId' });
  };

  // Computed now, so the first login with an unknown name is not the one slower by a hash.
  void unknownUserHash();
  app.post<{ Body: { username: string; password: string } }>(
    '/v1/sessions',
    {
      schema: {
        body: {
          type: 'object',
          required: ['username', 'password'],
          additionalProperties: false,
          properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 200 } },
        },
      },
    },
    async (req, reply): Promise<SessionResponse> => {
      const username = req.body.username.toLowerCase();
      const guard = ctx.loginGuard;
      // A locked name or address is refused before any work, the right password included.
      guard.checkNotLocked(username, req.ip);
      const { s, matches } = await guard.attemptSlot(req.ip, async () => {
        const { rows } = await ctx.db.query<AccountRow>('SELECT id, username, full_name, roles, password_hash, disabled, must_change_password, center_id FROM staff WHERE username = $1', [username]);
        // An unknown name costs the same hash as a known one.
        return { s: rows[0], matches: await verifyPassword(req.body.password, rows[0]?.password_hash ?? (await unknownUserHash())) };
      });
      if (!s || s.disabled || !matches) {
        guard.recordFailure(username, req.ip);
        await recordSignIn(ctx, req, username, s?.id, false);
        throw new ApiError(401, 'BAD_CREDENTIALS');
      }
      guard.recordSuccess(username, req.ip);
      // An account of a center signs in only at that center's counters (the province's, anywhere); said after the password, so it tells a guesser nothing.
      const device = s.center_id !== null && req.headers.authorization ? await requireDevice(ctx.db, req).catch(() => undefined) : undefined;
      if (device && device.site !== s.center_id) {
        await recordSignIn(ctx, req, username, s.id, false);
        const [own, here] = await Promise.all([ctx.centers.byId(s.center_id!), ctx.centers.byId(device.site)]);
        throw new ApiError(
          403,
          'OTHER_CENTER_ACCOUNT',
          `Tài khoản ${s.username} thuộc ${own?.name ?? `trung tâm ${s.center_id}`}, không đăng nhập được tại quầy của ${here?.name ?? 'trung tâm này'}. Hãy đăng nhập tại quầy của trung tâm mình hoặc nhờ quản trị viên cấp tỉnh.`,
        );
      }
      await recordSignIn(ctx, req, username, s.id, true);
      const token = newSessionToken();
      const expiresAt = new Date(Date.now() + ctx.sessionTtlMs);
      await ctx.db.query('INSERT INTO sessions (token_hash, staff_id, expires_at) VALUES ($1, $2, $3)', [sha256(token), s.id, expiresAt.toISOString()]);
      reply.code(201);
      return {
        token,
        expiresAt: expiresAt.toISOString(),
        staff: { id: s.id, username: s.username, fullName: s.full_name, roles: s.roles },
        ...(s.must_change_password ? { mustChangePassword: true } : {}),
      };
    },
  );

  // The officer sets their own password: after an administrator's temporary one (the only call such a session may make), or any time.
  app.post<{ Body: { currentPassword: string; newPassword: string } }>(
    '/v1/sessions/current/password',
    {
      onRequest: staffAuth(ctx.db, [], true),
      schema: {
        body: {
          type: 'object',
          required: ['currentPassword', 'newPassword'],
          additionalProperties: false,
          properties: { currentPassword: { type: 'string', minLength: 1, maxLength: 200 }, newPassword: { type: 'string', minLength: 1, maxLength: 200 } },
        },
      },
    },
    async (req) => {
      const me = staffOf(req);
      const weak = passwordProblem(req.body.newPassword, me.username);
      if (weak) throw new ApiError(400, 'INVALID_REQUEST', `Mật khẩu mới ${weak}`, { field: '/newPassword' });
      if (req.body.newPassword === req.body.currentPassword) throw new ApiError(400, 'INVALID_REQUEST', 'Mật khẩu mới phải khác mật khẩu hiện tại.', { field: '/newPassword' });
      const { rows } = await ctx.db.query<{ password_hash: string }>('SELECT password_hash FROM staff WHERE id = $1', [me.id]);
      if (!rows[0] || !(await verifyPassword(req.body.currentPassword, rows[0].password_hash))) {
        throw new ApiError(400, 'BAD_CREDENTIALS', 'Mật khẩu hiện tại không đúng.', { field: '/currentPassword' });
      }
      const hash = await hashPassword(req.body.newPassword);
      const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
      await ctx.db.transaction(async (tx) => {
        // A new version: counters receive the new hash (and the cleared flag) for offline sign-in.
        await tx.query("UPDATE staff SET password_hash = $2, must_change_password = false, version = nextval('staff_version_seq') WHERE id = $1", [me.id, hash]);
        // Other sessions of the account end; this one goes on.
        await tx.query('DELETE FROM sessions WHERE staff_id = $1 AND token_hash <> $2', [me.id, sha256(token)]);
      });
      return { ok: true };
    },
  );

  // A center's administrator sees the accounts of that center; a provincial one, every account.
  app.get('/v1/admin/staff', { onRequest: staffAuth(ctx.db, ['administrator']) }, async (req): Promise<AdminStaffResponse> => {
    const admin = staffOf(req);
    const { rows } = await ctx.db.query<Omit<AdminStaff, 'lastSignInAt'> & { lastSignInAt: Date | null }>(
      `SELECT id, ${STAFF_VIEW_COLUMNS}, (SELECT max(at) FROM sign_ins i WHERE i.staff_id = staff.id AND i.success) AS "lastSignInAt"
       FROM staff WHERE $1::text IS NULL OR center_id = $1 ORDER BY username`,
      [admin.centerId],
    );
    return { staff: rows.map((r) => ({ ...r, lastSignInAt: r.lastSignInAt ? new Date(r.lastSignInAt).toISOString() : null })) };
  });

  app.get<{ Querystring: { username?: string; limit?: string } }>(
    '/v1/admin/sign-ins',
    {
      onRequest: staffAuth(ctx.db, ['administrator']),
      schema: { querystring: { type: 'object', additionalProperties: false, properties: { username: usernameSchema, limit: { type: 'string', pattern: '^\\d{1,4}$' } } } },
    },
    async (req): Promise<SignInsResponse> => {
      const { rows } = await ctx.db.query<{ id: number; at: Date; username: string; success: boolean; from_address: string; counter_id: string | null }>(
        'SELECT id, at, username, success, from_address, counter_id FROM sign_ins WHERE ($1::text IS NULL OR username = $1) ORDER BY id DESC LIMIT $2',
        [req.query.username ?? null, Math.min(Math.max(Number(req.query.limit ?? 200), 1), 1000)],
      );
      return {
        signIns: rows.map((r) => ({ id: Number(r.id), at: new Date(r.at).toISOString(), username: r.username, success: r.success, fromAddress: r.from_address, counterId: r.counter_id })),
      };
    },
  );

  app.delete('/v1/sessions/current', async (req) => {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (token) await ctx.db.query('DELETE FROM sessions WHERE token_hash = $1', [sha256(token)]);
    return { ok: true };
  });

  app.post<{ Body: NewStaff }>(
    '/v1/admin/staff',
    {
      onRequest: staffAuth(ctx.db, ['administrator']),
      schema: {
        body: {
          type: 'object',
          required: ['username', 'fullName', 'roles', 'password'],
          additionalProperties: false,
          properties: {
            username: usernameSchema,
            fullName: { type: 'string', minLength: 1, maxLength: 200 },
            roles: rolesSchema,
            password: { type: 'string', minLength: 8, maxLength: 200 },
            counters: countersSchema,
            mustChangePassword: { type: 'boolean' },
            centerId: centerOfAccountSchema,
          },
        },
      },
    },
    async (req, reply) => {
      refuseWeakPassword(req.body.password, req.body.username);
      // A center's administrator makes accounts of that center only.
      const admin = staffOf(req);
      const centerId = req.body.centerId === undefined ? admin.centerId : req.body.centerId;
      await refuseUnmanagedCenter(admin, centerId);
      const id = await ctx.db.transaction(async (tx) => {
        const created = await createStaff(tx, { ...req.body, centerId });
        await recordAdminChange(tx, req, { action: 'staff.create', targetKind: 'staff', targetKey: req.body.username, before: null, after: await staffView(tx, req.body.username) });
        return created;
      });
      reply.code(201);
      return { id, username: req.body.username };
    },
  );

  app.patch<{
    Params: { username: string };
    Body: { fullName?: string; roles?: StaffRole[]; password?: string; disabled?: boolean; counters?: string[] | null; mustChangePassword?: boolean; centerId?: string | null };
  }>(
    '/v1/admin/staff/:username',
    {
      onRequest: staffAuth(ctx.db, ['administrator']),
      schema: {
        params: { type: 'object', required: ['username'], properties: { username: usernameSchema } },
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: {
            fullName: { type: 'string', minLength: 1, maxLength: 200 },
            roles: rolesSchema,
            password: { type: 'string', minLength: 8, maxLength: 200 },
            disabled: { type: 'boolean' },
            counters: countersSchema,
            mustChangePassword: { type: 'boolean' },
            centerId: centerOfAccountSchema,
          },
        },
      },
    },
    async (req) => {
      const b = req.body;
      const admin = staffOf(req);
      const current = await ctx.db.query<{ center_id: string | null }>('SELECT center_id FROM staff WHERE username = $1', [req.params.username]);
      if (current.rows[0]) await refuseUnmanagedCenter(admin, current.rows[0].center_id);
      if (b.centerId !== undefined) await refuseUnmanagedCenter(admin, b.centerId);
      if (b.password !== undefined) refuseWeakPassword(b.password, req.params.username);
      const hash = b.password === undefined ? null : await hashPassword(b.password);
      // A new password is permanent unless the call says it is temporary; without one the flag may only be set.
      const mustChange = hash ? (b.mustChangePassword ?? false) : b.mustChangePassword === true ? true : null;
      return ctx.db.transaction(async (tx) => {
        const before = await staffView(tx, req.params.username, true);
        if (!before) throw new ApiError(404, 'NOT_FOUND', `Không có tài khoản ${req.params.username}.`);
        const { rows } = await tx.query<{ id: string }>(
          `UPDATE staff SET full_name = COALESCE($2, full_name), roles = COALESCE($3::text[], roles), password_hash = COALESCE($4, password_hash),
             disabled = COALESCE($5, disabled), counters = CASE WHEN $6 THEN $7::text[] ELSE counters END,
             must_change_password = COALESCE($8, must_change_password), center_id = CASE WHEN $9 THEN $10 ELSE center_id END, version = nextval('staff_version_seq')
           WHERE username = $1 RETURNING id`,
          [req.params.username, b.fullName ?? null, b.roles ?? null, hash, b.disabled ?? null, b.counters !== undefined, b.counters ?? null, mustChange, b.centerId !== undefined, b.centerId ?? null],
        );
        const id = rows[0]!.id;
        // A disabled account or a changed password ends its open sessions at once.
        if (b.disabled || hash) await tx.query('DELETE FROM sessions WHERE staff_id = $1', [id]);
        const after = await staffView(tx, req.params.username);
        const action = hash ? 'staff.passwordReset' : b.disabled === true && !before.disabled ? 'staff.disable' : b.disabled === false && before.disabled ? 'staff.enable' : 'staff.update';
        await recordAdminChange(tx, req, { action, targetKind: 'staff', targetKey: req.params.username, before, after: hash ? { ...after, passwordChanged: true } : after });
        return { id, username: req.params.username };
      });
    },
  );

  // What a counter needs to name officers and verify logins offline, changed after `after`: every
  // account's name and roles, and the password hash only of those who may sign in at this counter.
  // An account whose counters change gets a new version, so a counter that may no longer use its
  // hash receives the record again without it and drops it.
  app.get<{ Querystring: { after?: string } }>(
    '/v1/staff',
    { onRequest: deviceAuth(ctx.db), schema: { querystring: { type: 'object', additionalProperties: false, properties: { after: { type: 'string', pattern: '^\\d{1,15}$' } } } } },
    async (req) => {
      const device = deviceOf(req);
      const { rows } = await ctx.db.query<AccountRow & { version: number; counters: string[] | null }>(
        'SELECT id, username, full_name, roles, password_hash, disabled, version, counters, must_change_password, center_id FROM staff WHERE version > $1 ORDER BY version',
        [Number(req.query.after ?? 0)],
      );
      const staff: StaffRecord[] = rows.map((r) => ({
        id: r.id,
        username: r.username,
        fullName: r.full_name,
        roles: r.roles,
        ...(maySignInAt(r, { counterId: device.counter_id, centerId: device.site }) ? { passwordHash: r.password_hash } : {}),
        disabled: r.disabled,
        ...(r.must_change_password ? { mustChangePassword: true } : {}),
        version: Number(r.version),
      }));
      return { staff, version: staff.length > 0 ? staff[staff.length - 1]!.version : Number(req.query.after ?? 0), serverTime: new Date().toISOString() };
    },
  );
}
