// Catalogue administration, served to counters by version so they fetch only what changed.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { EDITABLE_CATALOGUE_KINDS } from '../../shared/sync/protocol';
import type { CatalogueItem, CatalogueKind, CatalogueResponse } from '../../shared/sync/protocol';
import { deviceAuth, deviceOf, staffAuth, staffOf } from '../auth';
import { CENTER_COLUMNS, centerInfo, type CenterRow } from '../centers';
import type { AppContext } from '../context';
import type { Queryable } from '../db';
import { recordAdminChange } from '../adminAudit';

const keySchema = { type: 'string', minLength: 1, maxLength: 200 } as const;

/** Writes a catalogue item for the whole province, or for one center only when `centerId` is given (migration 012). */
export async function upsertCatalogueItem(db: Queryable, kind: CatalogueKind, key: string, body: unknown, by: string, deleted = false, centerId?: string): Promise<number> {
  const target = centerId === undefined ? '(kind, key) WHERE center_id IS NULL' : '(kind, key, center_id) WHERE center_id IS NOT NULL';
  const { rows } = await db.query<{ version: number }>(
    `INSERT INTO catalogue_items (kind, key, body, deleted, updated_by, center_id) VALUES ($1, $2, $3::jsonb, $4, $5, $6)
     ON CONFLICT ${target} DO UPDATE SET body = EXCLUDED.body, deleted = EXCLUDED.deleted, updated_by = EXCLUDED.updated_by,
       version = nextval('catalogue_version_seq')
     RETURNING version`,
    [kind, key, JSON.stringify(body ?? null), deleted, by, centerId ?? null],
  );
  return Number(rows[0]!.version);
}

/**
 * An administrator's change to one catalogue item, with its audit row (before and after) in the
 * same transaction; answers the item's new version.
 */
async function changeCatalogueItem(ctx: AppContext, req: FastifyRequest, kind: CatalogueKind, key: string, body: unknown, deleted: boolean): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ body: unknown; deleted: boolean }>('SELECT body, deleted FROM catalogue_items WHERE kind = $1 AND key = $2 AND center_id IS NULL FOR UPDATE', [kind, key]);
    const before = rows[0] && !rows[0].deleted ? rows[0].body : null;
    const version = await upsertCatalogueItem(tx, kind, key, body, staffOf(req).id, deleted);
    await recordAdminChange(tx, req, { action: deleted ? 'catalogue.delete' : 'catalogue.put', targetKind: `catalogue/${kind}`, targetKey: key, before, after: deleted ? null : body });
    return version;
  });
}

type ItemRow = { body: unknown; deleted: boolean; version: number } | null;

/**
 * The item a counter of a center holds for one key: the center's own when it has one (a setting
 * merged over the province's field by field, with the fields the center set in `centerKeys`; any
 * other kind in its place), else the province's. Its version is the later of the two, so a change to
 * either reaches the counter.
 */
export function effectiveItem(kind: CatalogueKind, key: string, province: ItemRow, center: ItemRow): CatalogueItem {
  const version = Math.max(Number(province?.version ?? 0), Number(center?.version ?? 0));
  if (center && !center.deleted) {
    const merged = kind === 'setting' && province && !province.deleted && isRecord(province.body) && isRecord(center.body) ? { ...province.body, ...center.body } : center.body;
    const own = kind === 'setting' && isRecord(center.body) ? { centerKeys: Object.keys(center.body) } : {};
    return { kind, key, body: merged, deleted: false, version, ...own };
  }
  if (province) return { kind, key, body: province.body, deleted: province.deleted, version };
  return { kind, key, body: {}, deleted: true, version };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Items changed after `after` as a counter of `centerId` sees them, the centers of the province among them; in version order. */
export async function catalogueFor(db: Queryable, centerId: string, after: number, defaultAgencyCode: string): Promise<CatalogueItem[]> {
  const { rows } = await db.query<{
    kind: CatalogueKind;
    key: string;
    p_body: unknown;
    p_deleted: boolean | null;
    p_version: number | null;
    c_body: unknown;
    c_deleted: boolean | null;
    c_version: number | null;
  }>(
    `WITH changed AS (SELECT DISTINCT kind, key FROM catalogue_items WHERE version > $1 AND (center_id IS NULL OR center_id = $2))
     SELECT ch.kind, ch.key, p.body AS p_body, p.deleted AS p_deleted, p.version AS p_version, c.body AS c_body, c.deleted AS c_deleted, c.version AS c_version
     FROM changed ch
     LEFT JOIN catalogue_items p ON p.kind = ch.kind AND p.key = ch.key AND p.center_id IS NULL
     LEFT JOIN catalogue_items c ON c.kind = ch.kind AND c.key = ch.key AND c.center_id = $2`,
    [after, centerId],
  );
  const row = (body: unknown, deleted: boolean | null, version: number | null): ItemRow => (version === null ? null : { body, deleted: deleted ?? false, version: Number(version) });
  const items = rows.map((r) => effectiveItem(r.kind, r.key, row(r.p_body, r.p_deleted, r.p_version), row(r.c_body, r.c_deleted, r.c_version)));
  const centers = await db.query<CenterRow>(`SELECT ${CENTER_COLUMNS} FROM centers WHERE version > $1`, [after]);
  for (const c of centers.rows) items.push({ kind: 'center', key: c.id, body: centerInfo(c, defaultAgencyCode), deleted: false, version: Number(c.version) });
  return items.sort((a, b) => a.version - b.version);
}

/**
 * The version of the catalogue a counter of a center holds, sent with every pull so it asks for the
 * catalogue only when that moved: the latest change among the province-wide items, its center's own
 * items and the centers (which reach every counter as items of kind `center`, from the same
 * sequence), the version its fetch (`catalogueFor`) reaches. Another center's items never move it,
 * so they never send this center's counters after an empty page. One query answers every center's
 * latest version, read at most once per `maxAgeMs` (another server's write is seen that late);
 * this server's own writes move the version of whom they concern at once.
 */
export class CatalogueVersion {
  /** The latest province-wide item or center. */
  private province = 0;
  /** The latest item of each center that has items of its own. */
  private readonly byCenter = new Map<string, number>();
  private readAt = -Infinity;
  private reading: Promise<void> | undefined;

  /**
   * `onMoved`: told when a version moved forward, of the province (null: every center's counters) or
   * of one center, so the long polls of whom it concerns end now rather than at their timeout.
   */
  constructor(
    private readonly db: Queryable,
    private readonly maxAgeMs = 1_000,
    private readonly onMoved: (centerId: string | null) => void = () => undefined,
  ) {}

  /** The version a counter of `centerId` sees. */
  async current(centerId: string): Promise<number> {
    if (Date.now() - this.readAt >= this.maxAgeMs) {
      this.reading ??= this.db
        .query<{ center_id: string | null; version: number }>(
          `SELECT center_id, max(version) AS version FROM catalogue_items GROUP BY center_id
           UNION ALL SELECT NULL, coalesce(max(version), 0) FROM centers`,
        )
        .then(({ rows }) => {
          this.readAt = Date.now();
          for (const r of rows) this.moved(Number(r.version), r.center_id);
        })
        .finally(() => (this.reading = undefined));
      await this.reading;
    }
    return Math.max(this.province, this.byCenter.get(centerId) ?? 0);
  }

  /**
   * A version this server just wrote (or read): of a province-wide item or a center (`centerId`
   * null or absent, every center's counters see it), or of one center's own item. Never goes back.
   */
  moved(version: number, centerId: string | null = null): number {
    const before = centerId === null ? this.province : (this.byCenter.get(centerId) ?? 0);
    if (version <= before) return before;
    if (centerId === null) this.province = version;
    else this.byCenter.set(centerId, version);
    this.onMoved(centerId);
    return version;
  }
}

export function catalogueRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.put<{ Params: { kind: CatalogueKind; key: string }; Body: { body: unknown } }>(
    '/v1/admin/catalogue/:kind/:key',
    {
      onRequest: staffAuth(ctx.db, ['administrator']),
      schema: {
        params: { type: 'object', required: ['kind', 'key'], properties: { kind: { type: 'string', enum: EDITABLE_CATALOGUE_KINDS }, key: keySchema } },
        body: { type: 'object', required: ['body'], additionalProperties: false, properties: { body: { type: 'object' } } },
      },
    },
    async (req) => {
      const version = ctx.catalogueVersion.moved(await changeCatalogueItem(ctx, req, req.params.kind, req.params.key, req.body.body, false));
      return { kind: req.params.kind, key: req.params.key, version };
    },
  );

  app.delete<{ Params: { kind: CatalogueKind; key: string } }>(
    '/v1/admin/catalogue/:kind/:key',
    {
      onRequest: staffAuth(ctx.db, ['administrator']),
      schema: { params: { type: 'object', required: ['kind', 'key'], properties: { kind: { type: 'string', enum: EDITABLE_CATALOGUE_KINDS }, key: keySchema } } },
    },
    async (req) => {
      // A tombstone, so counters learn of the removal on their next fetch.
      const version = ctx.catalogueVersion.moved(await changeCatalogueItem(ctx, req, req.params.kind, req.params.key, {}, true));
      return { kind: req.params.kind, key: req.params.key, version, deleted: true };
    },
  );

  app.get<{ Querystring: { after?: string } }>(
    '/v1/catalogue',
    { onRequest: deviceAuth(ctx.db), schema: { querystring: { type: 'object', additionalProperties: false, properties: { after: { type: 'string', pattern: '^\\d{1,15}$' } } } } },
    async (req): Promise<CatalogueResponse> => {
      const items = await catalogueFor(ctx.db, deviceOf(req).site, Number(req.query.after ?? 0), ctx.center.agencyCode);
      return { items, version: items.length > 0 ? items[items.length - 1]!.version : Number(req.query.after ?? 0), serverTime: new Date().toISOString() };
    },
  );
}
