// The centers of the province (migration 012): the provincial administrator adds and edits them;
// a center's own catalogue items (its receipt series, procedure scope and phi-địa-giới list, its
// calendar overrides) are written by the provincial administrator or the center's own.
import type { FastifyInstance } from 'fastify';
import { AGENCY_CODE_PATTERN } from '../../shared/codes';
import { CENTER_LEVELS, EDITABLE_CATALOGUE_KINDS, type CatalogueKind, type CenterInfo, type CenterLevel } from '../../shared/sync/protocol';
import { staffAuth, staffOf, type StaffPrincipal } from '../auth';
import { centerInfo, CENTER_COLUMNS, DEFAULT_CENTER_ID, provinceOfAgency, type CenterRow } from '../centers';
import type { AppContext } from '../context';
import { ApiError } from '../errors';
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

export function centerRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/v1/admin/centers', { onRequest: staffAuth(ctx.db, ['administrator', 'supervisor']) }, async (req): Promise<{ centers: (CenterInfo & { counters: number })[] }> => {
    const staff = staffOf(req);
    const { rows } = await ctx.db.query<CenterRow & { counters: number }>(
      `SELECT ${CENTER_COLUMNS.split(', ')
        .map((c) => `c.${c}`)
        .join(', ')}, (SELECT count(*)::int FROM devices d WHERE d.site = c.id AND d.revoked_at IS NULL) AS counters
       FROM centers c ORDER BY c.level, c.name`,
    );
    return { centers: rows.filter((r) => managesCenter(staff, r.id)).map((r) => ({ ...centerInfo(r, ctx.center.agencyCode), counters: Number(r.counters) })) };
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
      const field = (name: string, message: string) => new ApiError(400, 'INVALID_REQUEST', message, { field: `/${name}` });
      if (!AGENCY_CODE_PATTERN.test(b.agencyCode)) throw field('agencyCode', `Mã cơ quan ${b.agencyCode} không đúng dạng QCVN 102:2016 (ví dụ 000.22.41.H41).`);
      const province = provinceOfAgency(ctx.center.agencyCode);
      if (provinceOfAgency(b.agencyCode) !== province) {
        throw field('agencyCode', `Mã cơ quan ${b.agencyCode} không thuộc tỉnh ${province} của máy chủ này: một máy chủ phục vụ các trung tâm của một tỉnh.`);
      }
      if (b.agencyCode === ctx.center.agencyCode) throw new ApiError(409, 'ALREADY_EXISTS', `Mã cơ quan ${b.agencyCode} là của trung tâm mặc định (CENTER_AGENCY_CODE).`);
      const parentId = b.parentId ?? (b.level === 'xa' ? DEFAULT_CENTER_ID : undefined);
      if (parentId !== undefined && !(await ctx.centers.byId(parentId))) throw field('parentId', `Không có trung tâm cấp trên ${parentId}.`);
      const taken = await ctx.db.query<{ id: string }>('SELECT id FROM centers WHERE agency_code = $1 AND id <> $2', [b.agencyCode, req.params.id]);
      if (taken.rows[0]) throw new ApiError(409, 'ALREADY_EXISTS', `Mã cơ quan ${b.agencyCode} đã là của trung tâm ${taken.rows[0].id}.`);
      const { rows } = await ctx.db.query<CenterRow>(
        `INSERT INTO centers (id, agency_code, name, address, level, province, parent_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET agency_code = EXCLUDED.agency_code, name = EXCLUDED.name, address = EXCLUDED.address, level = EXCLUDED.level,
           province = EXCLUDED.province, parent_id = EXCLUDED.parent_id, version = nextval('catalogue_version_seq')
         RETURNING ${CENTER_COLUMNS}`,
        [req.params.id, b.agencyCode, b.name.trim(), b.address?.trim() || null, b.level, province, parentId ?? null],
      );
      ctx.centers.forget();
      // Every center's counters receive the centers: each one's catalogue version moves.
      ctx.catalogueVersion.moved(Number(rows[0]!.version));
      return centerInfo(rows[0]!, ctx.center.agencyCode);
    },
  );

  const itemParams = {
    type: 'object',
    required: ['id', 'kind', 'key'],
    properties: { id: centerIdSchema, kind: { type: 'string', enum: EDITABLE_CATALOGUE_KINDS }, key: { type: 'string', minLength: 1, maxLength: 200 } },
  } as const;
  type ItemParams = { id: string; kind: CatalogueKind; key: string };

  const knownCenter = async (id: string) => {
    if (!(await ctx.centers.byId(id))) throw new ApiError(404, 'NOT_FOUND', `Không có trung tâm ${id}.`);
  };

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
      const version = await upsertCatalogueItem(ctx.db, kind, key, req.body.body, staffOf(req).id, false, id);
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
    const version = await upsertCatalogueItem(ctx.db, kind, key, {}, staffOf(req).id, true, id);
    ctx.catalogueVersion.moved(version, id);
    return { center: id, kind, key, version, deleted: true };
  });
}
