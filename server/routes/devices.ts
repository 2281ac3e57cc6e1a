// Device enrolment: an administrator creates a one-time code for a counter, the counter exchanges
// it for its own credential; a revoked device is refused everywhere.
import type { FastifyInstance } from 'fastify';
import type { CountersResponse, EnrolResponse } from '../../shared/sync/protocol';
import type { AdminDevice, AdminDevicesResponse } from '../../shared/sync/adminProtocol';
import { deviceAuth, deviceOf, forgetDevice, staffAuth, staffOf } from '../auth';
import { DEFAULT_CENTER_ID } from '../centers';
import type { AppContext } from '../context';
import { managesCenter, refuseOtherCenter } from './centers';
import { ApiError } from '../errors';
import { recordAdminChange } from '../adminAudit';
import { newDeviceCredential, newEnrolmentCode, newId, normaliseEnrolmentCode, sha256 } from '../secrets';

/** Advisory lock key of enrolment (7_300_001 migrations, 7_300_002 push). */
const ENROL_LOCK = 7_300_003;

const counterIdSchema = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._-]+$' } as const;
/** The center (its id, migration 012) the counter enrols into; absent: the default center ''. `site` is its name from before centers. */
const centerSchema = { type: 'string', maxLength: 100, pattern: '^[A-Za-z0-9._-]*$' } as const;

export function deviceRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: { counterId: string; counterName: string; center?: string; site?: string } }>(
    '/v1/admin/enrolment-codes',
    {
      onRequest: staffAuth(ctx.db, ['administrator']),
      schema: {
        body: {
          type: 'object',
          required: ['counterId', 'counterName'],
          additionalProperties: false,
          properties: { counterId: counterIdSchema, counterName: { type: 'string', minLength: 1, maxLength: 200 }, center: centerSchema, site: centerSchema },
        },
      },
    },
    async (req, reply) => {
      const admin = staffOf(req);
      const center = req.body.center ?? req.body.site ?? DEFAULT_CENTER_ID;
      refuseOtherCenter(admin, center);
      if (!(await ctx.centers.byId(center))) throw new ApiError(404, 'NOT_FOUND', `Không có trung tâm ${center}: quản trị viên cấp tỉnh thêm trung tâm trước khi cấp mã đăng ký máy quầy.`);
      const code = newEnrolmentCode();
      const expiresAt = new Date(Date.now() + ctx.enrolmentCodeTtlMs);
      const made = { counterId: req.body.counterId, counterName: req.body.counterName, site: center, expiresAt: expiresAt.toISOString() };
      await ctx.db.transaction(async (tx) => {
        await tx.query('INSERT INTO enrolment_codes (code_hash, counter_id, counter_name, created_by, expires_at, site) VALUES ($1, $2, $3, $4, $5, $6)', [
          sha256(normaliseEnrolmentCode(code)),
          made.counterId,
          made.counterName,
          admin.id,
          made.expiresAt,
          made.site,
        ]);
        // The code itself is never recorded: it is a credential until used.
        await recordAdminChange(tx, req, { action: 'device.enrolmentCode', targetKind: 'device', targetKey: made.counterId, before: null, after: made });
      });
      reply.code(201);
      return { code, counterId: req.body.counterId, site: center, expiresAt: expiresAt.toISOString() };
    },
  );

  app.post<{ Body: { code: string; deviceName: string } }>(
    '/v1/enrol',
    {
      schema: {
        body: {
          type: 'object',
          required: ['code', 'deviceName'],
          additionalProperties: false,
          properties: { code: { type: 'string', minLength: 4, maxLength: 40 }, deviceName: { type: 'string', minLength: 1, maxLength: 200 } },
        },
      },
    },
    async (req, reply): Promise<EnrolResponse> => {
      const codeHash = sha256(normaliseEnrolmentCode(req.body.code));
      const credential = newDeviceCredential();
      const result = await ctx.db.transaction(async (tx) => {
        // One enrolment at a time: the next counter index is read from the table, and a counter
        // enrolled from two codes at once must find the device row the other one wrote.
        await tx.query('SELECT pg_advisory_xact_lock($1)', [ENROL_LOCK]);
        const { rows } = await tx.query<{ counter_id: string; counter_name: string; site: string; expires_at: Date; used_at: Date | null }>(
          'SELECT counter_id, counter_name, site, expires_at, used_at FROM enrolment_codes WHERE code_hash = $1 FOR UPDATE',
          [codeHash],
        );
        const row = rows[0];
        if (!row) throw new ApiError(401, 'ENROLMENT_CODE_INVALID');
        if (row.used_at) throw new ApiError(409, 'ENROLMENT_CODE_USED');
        if (new Date(row.expires_at).getTime() < Date.now()) throw new ApiError(410, 'ENROLMENT_CODE_EXPIRED');
        // Re-enrolling a counter (new machine) rotates its credential and keeps its id and index:
        // its events, leases and fallback ranges stay its own.
        const prior = await tx.query<{ id: string; counter_index: number }>('SELECT id, counter_index FROM devices WHERE counter_id = $1', [row.counter_id]);
        const deviceId = prior.rows[0]?.id ?? newId();
        let counterIndex = prior.rows[0]?.counter_index;
        if (counterIndex === undefined) {
          const max = await tx.query<{ m: number | null }>('SELECT max(counter_index) AS m FROM devices');
          counterIndex = (max.rows[0]?.m ?? 0) + 1;
          await tx.query('INSERT INTO devices (id, counter_id, counter_name, counter_index, device_name, credential_hash, site) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
            deviceId,
            row.counter_id,
            row.counter_name,
            counterIndex,
            req.body.deviceName,
            sha256(credential),
            row.site,
          ]);
        } else {
          await tx.query(
            `UPDATE devices SET counter_name = $1, device_name = $2, credential_hash = $3, revoked_at = NULL, enrolled_at = now(), site = $5
             WHERE counter_id = $4`,
            [row.counter_name, req.body.deviceName, sha256(credential), row.counter_id, row.site],
          );
        }
        await tx.query('UPDATE enrolment_codes SET used_at = now(), device_id = $1 WHERE code_hash = $2', [deviceId, codeHash]);
        return { deviceId, counterId: row.counter_id, counterName: row.counter_name, counterIndex, site: row.site };
      });
      forgetDevice(ctx.db, result.counterId);
      reply.code(201);
      return { ...result, agencyCode: await ctx.centers.agencyCodeOf(result.site), credential };
    },
  );

  app.post<{ Params: { counterId: string } }>(
    '/v1/admin/devices/:counterId/revoke',
    { onRequest: staffAuth(ctx.db, ['administrator']), schema: { params: { type: 'object', required: ['counterId'], properties: { counterId: counterIdSchema } } } },
    async (req) => {
      const { rows: owner } = await ctx.db.query<{ site: string }>('SELECT site FROM devices WHERE counter_id = $1', [req.params.counterId]);
      if (owner[0]) refuseOtherCenter(staffOf(req), owner[0].site);
      await ctx.db.transaction(async (tx) => {
        const { rows } = await tx.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM devices WHERE counter_id = $1 FOR UPDATE', [req.params.counterId]);
        if (rows.length === 0) throw new ApiError(404, 'NOT_FOUND', `Không có máy quầy ${req.params.counterId}.`);
        if (rows[0]!.revoked_at) return;
        const after = await tx.query<{ revoked_at: Date }>('UPDATE devices SET revoked_at = now() WHERE counter_id = $1 RETURNING revoked_at', [req.params.counterId]);
        await recordAdminChange(tx, req, {
          action: 'device.revoke',
          targetKind: 'device',
          targetKey: req.params.counterId,
          before: { revokedAt: null },
          after: { revokedAt: new Date(after.rows[0]!.revoked_at).toISOString() },
        });
      });
      forgetDevice(ctx.db, req.params.counterId);
      return { counterId: req.params.counterId, revoked: true };
    },
  );

  app.get('/v1/admin/devices', { onRequest: staffAuth(ctx.db, ['administrator']) }, async (req): Promise<AdminDevicesResponse> => {
    const admin = staffOf(req);
    const { rows } = await ctx.db.query<Omit<AdminDevice, 'enrolledAt' | 'revokedAt' | 'lastSeenAt'> & { enrolledAt: Date; revokedAt: Date | null; lastSeenAt: Date | null }>(
      `SELECT counter_id AS "counterId", counter_name AS "counterName", counter_index AS "counterIndex", site, device_name AS "deviceName", enrolled_at AS "enrolledAt",
         revoked_at AS "revokedAt", last_seen_at AS "lastSeenAt", app_version AS "appVersion", printer_status AS "printerStatus", pending_outbox AS "pendingOutbox"
       FROM devices ORDER BY counter_index`,
    );
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return {
      devices: rows.filter((d) => managesCenter(admin, d.site)).map((r) => ({ ...r, enrolledAt: new Date(r.enrolledAt).toISOString(), revokedAt: iso(r.revokedAt), lastSeenAt: iso(r.lastSeenAt) })),
    };
  });

  // Every counter's name by its id, for any enrolled counter: a dossier's history and the conflicts
  // name the counter where a step was taken, not its id. Revoked counters stay: their steps remain.
  app.get('/v1/counters', { onRequest: deviceAuth(ctx.db) }, async (): Promise<CountersResponse> => {
    const { rows } = await ctx.db.query<{ counter_id: string; counter_name: string }>('SELECT counter_id, counter_name FROM devices ORDER BY counter_index');
    return { counters: rows.map((r) => ({ counterId: r.counter_id, counterName: r.counter_name })), serverTime: new Date().toISOString() };
  });

  // A counter checks its own enrolment (and the server clock) at start-up.
  app.get('/v1/device', { onRequest: deviceAuth(ctx.db) }, async (req) => {
    const device = deviceOf(req);
    const center = await ctx.centers.byId(device.site);
    return {
      deviceId: device.id,
      counterId: device.counter_id,
      counterName: device.counter_name,
      counterIndex: device.counter_index,
      site: device.site,
      agencyCode: await ctx.centers.agencyCodeOf(device.site),
      centerName: device.site === DEFAULT_CENTER_ID || !center ? ctx.center.centerName : center.name,
      serverTime: new Date().toISOString(),
    };
  });
}
