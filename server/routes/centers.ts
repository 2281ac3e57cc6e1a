// The centers of the province (migration 012): the provincial administrator adds and edits them;
// a center's own catalogue items (its receipt series, procedure scope and phi-địa-giới list, its
// calendar overrides) are written by the provincial administrator or the center's own.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { asCenterScope, centerProblems, planCenterImport, type CenterDraft, type CenterImportPlan } from '../../shared/centers';
import { MAX_IMPORT_BYTES } from '../../shared/sync/adminCatalogue';
import type { AdminCentersResponse, CenterImportRequest, CenterImportResponse, CenterSettingResponse } from '../../shared/sync/adminProtocol';
import { CENTER_LEVELS, EDITABLE_CATALOGUE_KINDS, type CatalogueKind, type CenterInfo, type CenterLevel } from '../../shared/sync/protocol';
import { recordAdminChange } from '../adminAudit';
import { staffAuth, staffOf, type StaffPrincipal } from '../auth';
import { provinceSetting } from '../centerSetting';
import { centerInfo, CENTER_COLUMNS, DEFAULT_CENTER_ID, provinceOfAgency, type CenterRow } from '../centers';
import type { AppContext } from '../context';
import type { Queryable } from '../db';
import { ApiError } from '../errors';
import { SHEET_IMPORT_BODY } from './adminCatalogue';
import { upsertCatalogueItem } from './catalogue';

/** A center's id: letters, digits, `. _ -` (the default center '' is set by the configuration, not here). */
export const centerIdSchema = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._-]+$' } as const;

/** Whether a staff member may manage a center: a provincial account (no center) every one, a center's account its own. */
export function managesCenter(staff: StaffPrincipal, centerId: string): boolean {
  return staff.centerId === null || staff.centerId === centerId;
}

export function refuseOtherCenter(staff: StaffPrincipal, centerId: string): void {
  if (!managesCenter(staff, centerId)) throw new ApiError(403, 'FORBIDDEN', 'Tài khoản này chỉ quản lý trung tâm của mình; việc của trung tâm khác do quản trị viên cấp tỉnh làm.');
}

interface CenterBody {
  agencyCode: string;
  name: string;
  address?: string;
  level: CenterLevel;
  parentId?: string;
}

/** A center as the audit log keeps it. */
const auditView = (c: CenterInfo | undefined) => (c ? { agencyCode: c.agencyCode, name: c.name, address: c.address ?? null, level: c.level, parentId: c.parentId ?? null } : null);

/** A center's own catalogue item as stored (not deleted), or null. */
async function centerItem(db: Queryable, centerId: string, kind: CatalogueKind, key: string, forUpdate = false): Promise<unknown> {
  const { rows } = await db.query<{ body: unknown; deleted: boolean }>(`SELECT body, deleted FROM catalogue_items WHERE kind = $1 AND key = $2 AND center_id = $3${forUpdate ? ' FOR UPDATE' : ''}`, [
    kind,
    key,
    centerId,
  ]);
  return rows[0] && !rows[0].deleted ? rows[0].body : null;
}

export function centerRoutes(app: FastifyInstance, ctx: AppContext): void {
  const knownCenter = async (id: string) => {
    if (!(await ctx.centers.byId(id))) throw new ApiError(404, 'NOT_FOUND', `Không có trung tâm ${id}.`);
  };
  const province = () => provinceOfAgency(ctx.center.agencyCode);
  const listCenters = async (db: Queryable): Promise<CenterInfo[]> => {
    const { rows } = await db.query<CenterRow>(`SELECT ${CENTER_COLUMNS} FROM centers ORDER BY level, name`);
    return rows.map((r) => centerInfo(r, ctx.center.agencyCode));
  };
  /** The one check of a center (shared/centers), against the centers as they are in `existing`. */
  const rulesOver = (existing: readonly CenterInfo[]) => ({
    province: province(),
    defaultAgencyCode: ctx.center.agencyCode,
    agencyCodeOwner: (code: string, id: string) => existing.find((c) => c.agencyCode === code && c.id !== id)?.id,
    centerExists: (id: string) => existing.some((c) => c.id === id),
  });
  /** Writes one center with its audit row, inside the caller's transaction. */
  /** Writes one center with its audit row; answers it and the catalogue version it took (moved once the transaction commits). */
  const writeCenter = async (tx: Queryable, req: FastifyRequest, c: CenterDraft, before: CenterInfo | undefined, action: string): Promise<{ info: CenterInfo; version: number }> => {
    const { rows } = await tx.query<CenterRow>(
      `INSERT INTO centers (id, agency_code, name, address, level, province, parent_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET agency_code = EXCLUDED.agency_code, name = EXCLUDED.name, address = EXCLUDED.address, level = EXCLUDED.level,
         province = EXCLUDED.province, parent_id = EXCLUDED.parent_id, version = nextval('catalogue_version_seq')
       RETURNING ${CENTER_COLUMNS}`,
      [c.id, c.agencyCode.trim(), c.name.trim(), c.address?.trim() || null, c.level, province(), c.parentId ?? null],
    );
    const after = centerInfo(rows[0]!, ctx.center.agencyCode);
    await recordAdminChange(tx, req, { action, targetKind: 'center', targetKey: c.id, before: auditView(before), after: auditView(after) });
    return { info: after, version: Number(rows[0]!.version) };
  };

  app.get('/v1/admin/centers', { onRequest: staffAuth(ctx.db, ['administrator', 'supervisor']) }, async (req): Promise<AdminCentersResponse> => {
    const staff = staffOf(req);
    const { rows } = await ctx.db.query<CenterRow & { counters: number }>(
      `SELECT ${CENTER_COLUMNS.split(', ')
        .map((c) => `c.${c}`)
        .join(', ')}, (SELECT count(*)::int FROM devices d WHERE d.site = c.id AND d.revoked_at IS NULL) AS counters
       FROM centers c ORDER BY c.level, c.name`,
    );
    return {
      centers: rows.filter((r) => managesCenter(staff, r.id)).map((r) => ({ ...centerInfo(r, ctx.center.agencyCode), counters: Number(r.counters) })),
      adminCenterId: staff.centerId,
    };
  });

  app.put<{ Params: { id: string }; Body: CenterBody }>(
    '/v1/admin/centers/:id',
    {
      onRequest: staffAuth(ctx.db, ['administrator']),
      schema: {
        params: { type: 'object', required: ['id'], properties: { id: centerIdSchema } },
        body: {
          type: 'object',
          required: ['agencyCode', 'name', 'level'],
          additionalProperties: false,
          properties: {
            agencyCode: { type: 'string', maxLength: 20 },
            name: { type: 'string', minLength: 1, maxLength: 200 },
            address: { type: 'string', maxLength: 300 },
            level: { type: 'string', enum: CENTER_LEVELS },
            parentId: { type: 'string', maxLength: 100 },
          },
        },
      },
    },
    async (req): Promise<CenterInfo> => {
      if (staffOf(req).centerId !== null) throw new ApiError(403, 'FORBIDDEN', 'Chỉ quản trị viên cấp tỉnh được thêm hoặc sửa trung tâm.');
      const b = req.body;
      const draft: CenterDraft = { ...b, id: req.params.id, parentId: b.parentId ?? (b.level === 'xa' ? DEFAULT_CENTER_ID : undefined) };
      const saved = await ctx.db.transaction(async (tx) => {
        const existing = await listCenters(tx);
        const problem = centerProblems(draft, rulesOver(existing))[0];
        if (problem) throw new ApiError(problem.taken ? 409 : 400, problem.taken ? 'ALREADY_EXISTS' : 'INVALID_REQUEST', problem.message, { field: `/${problem.field}` });
        const before = existing.find((c) => c.id === draft.id);
        return writeCenter(tx, req, draft, before, before ? 'center.update' : 'center.create');
      });
      ctx.centers.forget();
      // Every center's counters receive the centers: each one's catalogue version moves.
      ctx.catalogueVersion.moved(saved.version);
      return saved.info;
    },
  );

  // A list of centers from a sheet (Nghệ An: 130 commune centers): previewed with every row error, then written all at once or not at all.
  app.post<{ Body: CenterImportRequest }>(
    '/v1/admin/centers/import',
    {
      onRequest: staffAuth(ctx.db, ['administrator']),
      bodyLimit: MAX_IMPORT_BYTES,
      schema: { body: SHEET_IMPORT_BODY },
    },
    async (req): Promise<CenterImportResponse> => {
      if (staffOf(req).centerId !== null) throw new ApiError(403, 'FORBIDDEN', 'Chỉ quản trị viên cấp tỉnh được nhập danh sách trung tâm.');
      const plan = (existing: CenterInfo[]) => planCenterImport(req.body.rows, existing, { province: province(), defaultAgencyCode: ctx.center.agencyCode });
      const answer = ({ centers: _written, ...rest }: CenterImportPlan, committed: boolean): CenterImportResponse => ({ ...rest, committed });
      if (!req.body.commit) return answer(plan(await listCenters(ctx.db)), false);
      const committed = await ctx.db.transaction(async (tx) => {
        await tx.query('LOCK TABLE centers IN SHARE ROW EXCLUSIVE MODE');
        const existing = await listCenters(tx);
        const planned = plan(existing);
        if (planned.errors.length > 0) {
          throw new ApiError(422, 'INVALID_REQUEST', `Tệp có ${planned.errors.length} lỗi nên chưa nhập trung tâm nào. Sửa các dòng được liệt kê rồi chọn lại tệp.`, answer(planned, false));
        }
        const touched = new Set([...planned.added, ...planned.changed].map((c) => c.id));
        let version = 0;
        // Parents first: a center named as a parent further down the file is written before its children.
        const order = [...planned.centers].sort((a, b) => Number(a.parentId !== undefined && touched.has(a.parentId)) - Number(b.parentId !== undefined && touched.has(b.parentId)));
        for (const c of order) {
          if (!touched.has(c.id)) continue;
          const before = existing.find((e) => e.id === c.id);
          version = Math.max(version, (await writeCenter(tx, req, c, before, 'center.import')).version);
        }
        return { planned, version };
      });
      ctx.centers.forget();
      ctx.catalogueVersion.moved(committed.version);
      return answer(committed.planned, true);
    },
  );

  // A center's own setting (its receipt series, its scope), with the province's it is merged over.
  app.get<{ Params: { id: string; key: string } }>(
    '/v1/admin/centers/:id/settings/:key',
    {
      onRequest: staffAuth(ctx.db, ['administrator']),
      schema: { params: { type: 'object', required: ['id', 'key'], properties: { id: centerIdSchema, key: { type: 'string', minLength: 1, maxLength: 200 } } } },
    },
    async (req): Promise<CenterSettingResponse> => {
      const { id, key } = req.params;
      refuseOtherCenter(staffOf(req), id);
      await knownCenter(id);
      const own = await centerItem(ctx.db, id, 'setting', key);
      const province = await provinceSetting(ctx.db, key);
      const record = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null);
      return { center: id, key, body: own ? record(own) : null, province: record(province?.body) };
    },
  );

  const itemParams = {
    type: 'object',
    required: ['id', 'kind', 'key'],
    properties: { id: centerIdSchema, kind: { type: 'string', enum: EDITABLE_CATALOGUE_KINDS }, key: { type: 'string', minLength: 1, maxLength: 200 } },
  } as const;
  type ItemParams = { id: string; kind: CatalogueKind; key: string };

  /** One of a center's own catalogue items changed, with its audit row (before and after) in the same transaction. */
  const changeCenterItem = (req: FastifyRequest, id: string, kind: CatalogueKind, key: string, body: unknown, deleted: boolean): Promise<number> =>
    ctx.db.transaction(async (tx) => {
      const before = await centerItem(tx, id, kind, key, true);
      const version = await upsertCatalogueItem(tx, kind, key, body, staffOf(req).id, deleted, id);
      await recordAdminChange(tx, req, {
        action: deleted ? 'center.catalogue.delete' : 'center.catalogue.put',
        targetKind: `center/${id}/${kind}`,
        targetKey: key,
        before,
        after: deleted ? null : body,
      });
      return version;
    });

  app.put<{ Params: ItemParams; Body: { body: unknown } }>(
    '/v1/admin/centers/:id/catalogue/:kind/:key',
    {
      onRequest: staffAuth(ctx.db, ['administrator']),
      schema: { params: itemParams, body: { type: 'object', required: ['body'], additionalProperties: false, properties: { body: { type: 'object' } } } },
    },
    async (req) => {
      const { id, kind, key } = req.params;
      refuseOtherCenter(staffOf(req), id);
      await knownCenter(id);
      if (kind === 'setting' && key === 'scope' && !asCenterScope(req.body.body)) {
        throw new ApiError(400, 'INVALID_REQUEST', 'Phạm vi thủ tục không đúng dạng: procedures là danh sách { code, level } (level «tinh» hoặc «xa»), phiDiaGioi là danh sách mã thủ tục.', {
          field: '/body',
        });
      }
      const version = await changeCenterItem(req, id, kind, key, req.body.body, false);
      // This center's counters see it at their next pull; other centers' catalogue versions stay.
      ctx.catalogueVersion.moved(version, id);
      return { center: id, kind, key, version };
    },
  );

  app.delete<{ Params: ItemParams }>('/v1/admin/centers/:id/catalogue/:kind/:key', { onRequest: staffAuth(ctx.db, ['administrator']), schema: { params: itemParams } }, async (req) => {
    const { id, kind, key } = req.params;
    refuseOtherCenter(staffOf(req), id);
    await knownCenter(id);
    // A tombstone: the center's counters fall back to the province's item on their next fetch.
    const version = await changeCenterItem(req, id, kind, key, {}, true);
    ctx.catalogueVersion.moved(version, id);
    return { center: id, kind, key, version, deleted: true };
  });
}
