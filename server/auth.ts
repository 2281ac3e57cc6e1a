// Who is calling: a counter (device credential `dev_…`) or a staff member (session token `ses_…`).
// Routes check the credential in an onRequest hook (`deviceAuth`, `staffAuth`), before the body is
// read or validated: a stranger gets 401 and costs no parsing, validation or database write.
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Db } from './db';
import { ApiError } from './errors';
import { sha256 } from './secrets';
import type { StaffRole } from '../shared/sync/protocol';

export interface DeviceRow {
  id: string;
  counter_id: string;
  counter_name: string;
  counter_index: number;
  /** The id of the center the counter is enrolled into (migration 012); '' the default center. */
  site: string;
  revoked_at: Date | null;
}

export interface StaffPrincipal {
  id: string;
  username: string;
  fullName: string;
  roles: StaffRole[];
  /** The center the account belongs to; null: the province (manages and sees every center). */
  centerId: string | null;
}

function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m?.[1];
}

// Every call of a counter names its device: known devices are kept here for a few seconds rather
// than read on each call. Revoking or re-enrolling a counter forgets it at once (forgetDevice).
const DEVICE_CACHE_MS = 10_000;
const knownDevices = new WeakMap<Db, Map<string, { device: DeviceRow; until: number }>>();

/** Forgets a counter's cached device, so its revocation or new credential counts from the next call. */
export function forgetDevice(db: Db, counterId: string): void {
  const cache = knownDevices.get(db);
  if (cache) for (const [hash, { device }] of cache) if (device.counter_id === counterId) cache.delete(hash);
}

async function deviceByCredential(db: Db, hash: string): Promise<DeviceRow | undefined> {
  let cache = knownDevices.get(db);
  if (!cache) knownDevices.set(db, (cache = new Map()));
  const hit = cache.get(hash);
  if (hit && hit.until > Date.now()) return hit.device;
  const { rows } = await db.query<DeviceRow>('SELECT id, counter_id, counter_name, counter_index, site, revoked_at FROM devices WHERE credential_hash = $1', [hash]);
  if (rows[0]) cache.set(hash, { device: rows[0], until: Date.now() + DEVICE_CACHE_MS });
  else cache.delete(hash);
  return rows[0];
}

export async function requireDevice(db: Db, req: FastifyRequest): Promise<DeviceRow> {
  const token = bearer(req);
  if (!token) throw new ApiError(401, 'UNAUTHENTICATED');
  if (!token.startsWith('dev_')) throw new ApiError(401, 'UNKNOWN_DEVICE');
  const device = await deviceByCredential(db, sha256(token));
  if (!device) throw new ApiError(401, 'UNKNOWN_DEVICE');
  if (device.revoked_at) throw new ApiError(403, 'DEVICE_REVOKED');
  return device;
}

/**
 * The staff member of a session. An account whose password an administrator set (must change it)
 * may use its session only to set a new one (`passwordChange`): every other call is 403.
 */
export async function requireStaff(db: Db, req: FastifyRequest, anyOf: readonly StaffRole[], passwordChange = false): Promise<StaffPrincipal> {
  const token = bearer(req);
  if (!token) throw new ApiError(401, 'UNAUTHENTICATED');
  if (!token.startsWith('ses_')) throw new ApiError(401, 'SESSION_EXPIRED');
  const { rows } = await db.query<{ id: string; username: string; full_name: string; roles: StaffRole[]; disabled: boolean; must_change_password: boolean; center_id: string | null }>(
    `SELECT s.id, s.username, s.full_name, s.roles, s.disabled, s.must_change_password, s.center_id FROM sessions x JOIN staff s ON s.id = x.staff_id
     WHERE x.token_hash = $1 AND x.expires_at > now()`,
    [sha256(token)],
  );
  const row = rows[0];
  if (!row || row.disabled) throw new ApiError(401, 'SESSION_EXPIRED');
  if (row.must_change_password && !passwordChange) throw new ApiError(403, 'PASSWORD_CHANGE_REQUIRED');
  if (anyOf.length > 0 && !row.roles.some((r) => anyOf.includes(r))) throw new ApiError(403, 'FORBIDDEN');
  return { id: row.id, username: row.username, fullName: row.full_name, roles: row.roles, centerId: row.center_id };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by deviceAuth before the body is read. */
    device: DeviceRow | null;
    /** Set by staffAuth before the body is read. */
    staff: StaffPrincipal | null;
  }
}

/** onRequest hook: only an enrolled, unrevoked counter may go on. */
export function deviceAuth(db: Db): onRequestAsyncHookHandler {
  return async (req) => {
    req.device = await requireDevice(db, req);
  };
}

/** onRequest hook: only a signed-in staff member with one of `anyOf` (any role when empty) may go on; `passwordChange`: also one who must change a temporary password. */
export function staffAuth(db: Db, anyOf: readonly StaffRole[], passwordChange = false): onRequestAsyncHookHandler {
  return async (req) => {
    req.staff = await requireStaff(db, req, anyOf, passwordChange);
  };
}

/** The counter deviceAuth let in; a route without the hook is a programming error. */
export function deviceOf(req: FastifyRequest): DeviceRow {
  if (!req.device) throw new Error(`route ${req.routeOptions.url} reads the device without the deviceAuth hook`);
  return req.device;
}

export function staffOf(req: FastifyRequest): StaffPrincipal {
  if (!req.staff) throw new Error(`route ${req.routeOptions.url} reads the staff member without the staffAuth hook`);
  return req.staff;
}
