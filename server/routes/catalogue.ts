// Catalogue administration, served to counters by version so they fetch only what changed.
import type { FastifyInstance } from 'fastify';
import { CATALOGUE_KINDS } from '../../shared/sync/protocol';
import type { CatalogueItem, CatalogueKind, CatalogueResponse } from '../../shared/sync/protocol';
import { deviceAuth, staffAuth, staffOf } from '../auth';
import type { AppContext } from '../context';
import type { Queryable } from '../db';

const keySchema = { type: 'string', minLength: 1, maxLength: 200 } as const;

export async function upsertCatalogueItem(db: Queryable, kind: CatalogueKind, key: string, body: unknown, by: string, deleted = false): Promise<number> {
  const { rows } = await db.query<{ version: number }>(
    `INSERT INTO catalogue_items (kind, key, body, deleted, updated_by) VALUES ($1, $2, $3::jsonb, $4, $5)
     ON CONFLICT (kind, key) DO UPDATE SET body = EXCLUDED.body, deleted = EXCLUDED.deleted, updated_by = EXCLUDED.updated_by,
       version = nextval('catalogue_version_seq')
     RETURNING version`,
    [kind, key, JSON.stringify(body ?? null), deleted, by],
  );
  return Number(rows[0]!.version);
}

/**
 * The catalogue's current version, sent with every pull so a counter asks for the catalogue only when
 * it moved: read from the database at most once per `maxAgeMs` (another server's write is seen
 * that late), moved at once by this server's own writes.
 */
export class CatalogueVersion {
  private version = 0;
  private readAt = -Infinity;
  private reading: Promise<number> | undefined;

  constructor(
    private readonly db: Queryable,
    private readonly maxAgeMs = 1_000,
  ) {}

  current(): Promise<number> {
    if (Date.now() - this.readAt < this.maxAgeMs) return Promise.resolve(this.version);
    this.reading ??= this.db
      .query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM catalogue_items')
      .then(({ rows }) => {
        this.readAt = Date.now();
        return this.moved(Number(rows[0]!.version));
      })
      .finally(() => (this.reading = undefined));
    return this.reading;
  }

  /** A version this server just wrote (or read); the version never goes back. */
  moved(version: number): number {
    this.version = Math.max(this.version, version);
    return this.version;
  }
}

export function catalogueRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.put<{ Params: { kind: CatalogueKind; key: string }; Body: { body: unknown } }>(
    '/v1/admin/catalogue/:kind/:key',
    {
      onRequest: staffAuth(ctx.db, ['administrator']),
      schema: {
        params: { type: 'object', required: ['kind', 'key'], properties: { kind: { type: 'string', enum: CATALOGUE_KINDS }, key: keySchema } },
        body: { type: 'object', required: ['body'], additionalProperties: false, properties: { body: { type: 'object' } } },
      },
    },
    async (req) => {
      const version = ctx.catalogueVersion.moved(await upsertCatalogueItem(ctx.db, req.params.kind, req.params.key, req.body.body, staffOf(req).id));
      return { kind: req.params.kind, key: req.params.key, version };
    },
  );

  app.delete<{ Params: { kind: CatalogueKind; key: string } }>(
    '/v1/admin/catalogue/:kind/:key',
    {
      onRequest: staffAuth(ctx.db, ['administrator']),
      schema: { params: { type: 'object', required: ['kind', 'key'], properties: { kind: { type: 'string', enum: CATALOGUE_KINDS }, key: keySchema } } },
    },
    async (req) => {
      // A tombstone, so counters learn of the removal on their next fetch.
      const version = ctx.catalogueVersion.moved(await upsertCatalogueItem(ctx.db, req.params.kind, req.params.key, {}, staffOf(req).id, true));
      return { kind: req.params.kind, key: req.params.key, version, deleted: true };
    },
  );

  app.get<{ Querystring: { after?: string } }>(
    '/v1/catalogue',
    { onRequest: deviceAuth(ctx.db), schema: { querystring: { type: 'object', additionalProperties: false, properties: { after: { type: 'string', pattern: '^\\d{1,15}$' } } } } },
    async (req): Promise<CatalogueResponse> => {
      const { rows } = await ctx.db.query<{ kind: CatalogueKind; key: string; body: unknown; deleted: boolean; version: number }>(
        'SELECT kind, key, body, deleted, version FROM catalogue_items WHERE version > $1 ORDER BY version',
        [Number(req.query.after ?? 0)],
      );
      const items: CatalogueItem[] = rows.map((r) => ({ kind: r.kind, key: r.key, body: r.body, deleted: r.deleted, version: Number(r.version) }));
      return { items, version: items.length > 0 ? items[items.length - 1]!.version : Number(req.query.after ?? 0), serverTime: new Date().toISOString() };
    },
  );
}
