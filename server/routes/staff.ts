// Staff accounts, roles and sessions. Counters sync the password hashes to verify logins offline.
import type { FastifyInstance } from 'fastify';
import { passwordProblem } from '../../shared/auth/passwordRules';
import { STAFF_ROLES } from '../../shared/sync/protocol';
import type { SessionResponse, StaffRecord, StaffRole } from '../../shared/sync/protocol';
import { deviceAuth, deviceOf, staffAuth } from '../auth';
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
}

export async function createStaff(db: Queryable, input: NewStaff): Promise<string> {
  const id = newId();
  const hash = await hashPassword(input.password);
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO staff (id, username, full_name, roles, password_hash, counters, must_change_password) VALUES ($1, $2, $3, $4::text[], $5, $6::text[], $7) ON CONFLICT (username) DO NOTHING RETURNING id',
    [id, input.username, input.fullName, input.roles, hash, input.counters ?? null, input.mustChangePassword ?? false],
  );
  if (rows.length === 0) throw new ApiError(409, 'ALREADY_EXISTS', `Tên đăng nhập ${input.username} đã tồn tại.`);
  return id;
}

/** An account as the audit log keeps it: never the password or its hash. */
interface StaffView {
  username: string;
  fullName: string;
  roles: StaffRole[];
  disabled: boolean;
  counters: string[] | null;
  mustChangePassword: boolean;
}

const STAFF_VIEW_COLUMNS = 'username, full_name AS "fullName", roles, disabled, counters, must_change_password AS "mustChangePassword"';

async function staffView(db: Queryable, username: string, forUpdate = false): Promise<StaffView | undefined> {
  const { rows } = await db.query<StaffView>(`SELECT ${STAFF_VIEW_COLUMNS} FROM staff WHERE username = $1${forUpdate ? ' FOR UPDATE' : ''}`, [username]);
  return rows[0];
}

function refuseWeakPassword(password: string, username: string): void {
  const weak = passwordProblem(password, username);
  if (weak) throw new ApiError(400, 'INVALID_REQUEST', `Mật khẩu ${weak}`, { field: '/password' });
}

/** Whether an account may sign in at a counter: listed there, or unrestricted and not an administrator. */
export function maySignInAt(account: { roles: readonly StaffRole[]; counters: readonly string[] | null; disabled: boolean }, counterId: string): boolean {
  if (account.disabled) return false;
  if (account.counters !== null) return account.counters.includes(counterId);
  return !account.roles.includes('administrator');
}

export function staffRoutes(app: FastifyInstance, ctx: AppContext): void {
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
        const { rows } = await ctx.db.query<{ id: string; username: string; full_name: string; roles: StaffRole[]; password_hash: string; disabled: boolean }>(
          'SELECT id, username, full_name, roles, password_hash, disabled FROM staff WHERE username = $1',
          [username],
        );
        // An unknown name costs the same hash as a known one.
        return { s: rows[0], matches: await verifyPassword(req.body.password, rows[0]?.password_hash ?? (await unknownUserHash())) };
      });
      if (!s || s.disabled || !matches) {
        guard.recordFailure(username, req.ip);
        throw new ApiError(401, 'BAD_CREDENTIALS');
      }
      guard.recordSuccess(username, req.ip);
      const token = newSessionToken();
      const expiresAt = new Date(Date.now() + ctx.sessionTtlMs);
      await ctx.db.query('INSERT INTO sessions (token_hash, staff_id, expires_at) VALUES ($1, $2, $3)', [sha256(token), s.id, expiresAt.toISOString()]);
      reply.code(201);
      return { token, expiresAt: expiresAt.toISOString(), staff: { id: s.id, username: s.username, fullName: s.full_name, roles: s.roles } };
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
          },
        },
      },
    },
    async (req, reply) => {
      refuseWeakPassword(req.body.password, req.body.username);
      const id = await ctx.db.transaction(async (tx) => {
        const created = await createStaff(tx, req.body);
        await recordAdminChange(tx, req, { action: 'staff.create', targetKind: 'staff', targetKey: req.body.username, before: null, after: await staffView(tx, req.body.username) });
        return created;
      });
      reply.code(201);
      return { id, username: req.body.username };
    },
  );

  app.patch<{ Params: { username: string }; Body: { fullName?: string; roles?: StaffRole[]; password?: string; disabled?: boolean; counters?: string[] | null; mustChangePassword?: boolean } }>(
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
          },
        },
      },
    },
    async (req) => {
      const b = req.body;
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
             must_change_password = COALESCE($8, must_change_password), version = nextval('staff_version_seq')
           WHERE username = $1 RETURNING id`,
          [req.params.username, b.fullName ?? null, b.roles ?? null, hash, b.disabled ?? null, b.counters !== undefined, b.counters ?? null, mustChange],
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
      const { rows } = await ctx.db.query<{
        id: string;
        username: string;
        full_name: string;
        roles: StaffRole[];
        password_hash: string;
        disabled: boolean;
        version: number;
        counters: string[] | null;
      }>('SELECT id, username, full_name, roles, password_hash, disabled, version, counters FROM staff WHERE version > $1 ORDER BY version', [Number(req.query.after ?? 0)]);
      const staff: StaffRecord[] = rows.map((r) => ({
        id: r.id,
        username: r.username,
        fullName: r.full_name,
        roles: r.roles,
        ...(maySignInAt(r, device.counter_id) ? { passwordHash: r.password_hash } : {}),
        disabled: r.disabled,
        version: Number(r.version),
      }));
      return { staff, version: staff.length > 0 ? staff[staff.length - 1]!.version : Number(req.query.after ?? 0), serverTime: new Date().toISOString() };
    },
  );
}
