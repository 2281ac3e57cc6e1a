// The administration's Catalogue and Calendar: an import previewed, then committed as one
// transaction (all or nothing), and a year's announced days off and working days saved as a whole.
// Both are checked here with the shared functions the pages preview with, and audited.
import type { FastifyInstance } from 'fastify';
import { planCalendarYear, yearDaysOff, type HolidayItem, type WorkingDayItem } from '../../shared/calendar';
import { collectDepartments, parseCatalogueRows, planCatalogueImport, sameProcedure, type Department, type Procedure } from '../../shared/catalogue';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_CELL,
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  type AdminCatalogueResponse,
  type CalendarYearRequest,
  type CalendarYearResponse,
  type CatalogueImportRequest,
  type CatalogueImportResponse,
} from '../../shared/sync/adminCatalogue';
import { CATALOGUE_KINDS, type CatalogueKind } from '../../shared/sync/protocol';
import { recordAdminChange } from '../adminAudit';
import { staffAuth, staffOf } from '../auth';
import type { AppContext } from '../context';
import type { Queryable } from '../db';
import { ApiError } from '../errors';
import { upsertCatalogueItem } from './catalogue';

const ADMIN = ['administrator'] as const;

async function liveItems<T>(db: Queryable, kind: CatalogueKind, keyPrefix = ''): Promise<{ key: string; body: T; version: number }[]> {
  const { rows } = await db.query<{ key: string; body: T; version: number }>(
    `SELECT key, body, version FROM catalogue_items WHERE kind = $1 AND center_id IS NULL AND NOT deleted AND key LIKE $2 ORDER BY key`,
    [kind, `${keyPrefix}%`],
  );
  return rows.map((r) => ({ key: r.key, body: r.body, version: Number(r.version) }));
}

/** The province part of the Center's agency code (000.00.15.H41 → H41), used in localised procedure codes. */
const provinceOf = (agencyCode: string) => agencyCode.slice(agencyCode.lastIndexOf('.') + 1);

const dayEntry = {
  type: 'object',
  required: ['day', 'month', 'name'],
  additionalProperties: false,
  properties: { day: { type: 'integer', minimum: 1, maximum: 31 }, month: { type: 'integer', minimum: 1, maximum: 12 }, name: { type: 'string', maxLength: 300 } },
} as const;

/** The body of an import from a sheet (the catalogue's, the centers'): its rows, header first, and whether to commit. */
export const SHEET_IMPORT_BODY = {
  type: 'object',
  required: ['rows', 'commit'],
  additionalProperties: false,
  properties: {
    commit: { type: 'boolean' },
    rows: { type: 'array', minItems: 1, maxItems: MAX_IMPORT_ROWS, items: { type: 'array', maxItems: MAX_IMPORT_COLUMNS, items: { type: 'string', maxLength: MAX_IMPORT_CELL } } },
  },
} as const;

export function adminCatalogueRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { kind: CatalogueKind } }>(
    '/v1/admin/catalogue/:kind',
    {
      onRequest: staffAuth(ctx.db, [...ADMIN]),
      schema: { params: { type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: CATALOGUE_KINDS } } } },
    },
    async (req): Promise<AdminCatalogueResponse> => ({ kind: req.params.kind, items: await liveItems(ctx.db, req.params.kind) }),
  );

  app.post<{ Body: CatalogueImportRequest }>(
    '/v1/admin/catalogue/import',
    {
      onRequest: staffAuth(ctx.db, [...ADMIN]),
      bodyLimit: MAX_IMPORT_BYTES,
      schema: { body: SHEET_IMPORT_BODY },
    },
    async (req): Promise<CatalogueImportResponse> => {
      const parsed = parseCatalogueRows(req.body.rows, { provinceCode: provinceOf(ctx.center.agencyCode) });
      const preview = async (db: Queryable) => {
        const existing = await liveItems<Procedure>(db, 'procedure');
        return {
          existing,
          plan: planCatalogueImport(
            parsed,
            existing.map((i) => i.body),
          ),
        };
      };
      if (!req.body.commit) return { ...(await preview(ctx.db)).plan, committed: false };
      if (parsed.errors.length > 0) {
        const { plan } = await preview(ctx.db);
        throw new ApiError(422, 'INVALID_REQUEST', `Tệp danh mục có ${parsed.errors.length} lỗi nên chưa nhập thủ tục nào. Sửa các dòng được liệt kê rồi nhập lại.`, { ...plan, committed: false });
      }
      const plan = await ctx.db.transaction(async (tx) => {
        const { existing, plan } = await preview(tx);
        const before = new Map(existing.map((i) => [i.key, i.body]));
        for (const p of parsed.procedures) {
          const old = before.get(p.code);
          if (old && sameProcedure(old, p)) continue;
          await upsertCatalogueItem(tx, 'procedure', p.code, p, staffOf(req).id);
          await recordAdminChange(tx, req, { action: 'catalogue.import', targetKind: 'catalogue/procedure', targetKey: p.code, before: old ?? null, after: p });
        }
        const departments = new Map((await liveItems<Department>(tx, 'department')).map((i) => [i.key, i.body]));
        for (const d of collectDepartments(parsed.procedures)) {
          const old = departments.get(d.id);
          if (old && old.name === d.name && old.shortName === d.shortName) continue;
          await upsertCatalogueItem(tx, 'department', d.id, d, staffOf(req).id);
          await recordAdminChange(tx, req, { action: 'catalogue.import', targetKind: 'catalogue/department', targetKey: d.id, before: old ?? null, after: d });
        }
        return plan;
      });
      return { ...plan, committed: true };
    },
  );

  app.get<{ Params: { year: string } }>(
    '/v1/admin/calendar/:year',
    { onRequest: staffAuth(ctx.db, [...ADMIN]), schema: { params: { type: 'object', required: ['year'], properties: { year: { type: 'string', pattern: '^\\d{4}$' } } } } },
    async (req): Promise<CalendarYearResponse> => {
      const year = Number(req.params.year);
      const stored = await storedYear(ctx.db, year);
      return { year, ...stored, daysOff: yearDaysOff(year, stored.holidays, stored.workingDays).daysOff };
    },
  );

  app.put<{ Params: { year: string }; Body: CalendarYearRequest }>(
    '/v1/admin/calendar/:year',
    {
      onRequest: staffAuth(ctx.db, [...ADMIN]),
      schema: {
        params: { type: 'object', required: ['year'], properties: { year: { type: 'string', pattern: '^\\d{4}$' } } },
        body: {
          type: 'object',
          required: ['holidays', 'workingDays'],
          additionalProperties: false,
          properties: {
            holidays: {
              type: 'array',
              maxItems: 100,
              items: {
                type: 'object',
                required: ['calendar', 'day', 'month', 'name'],
                additionalProperties: false,
                properties: { ...dayEntry.properties, calendar: { type: 'string', enum: ['solar', 'lunar'] }, leap: { type: 'boolean' }, day: { type: 'integer', minimum: 1, maximum: 31 } },
              },
            },
            workingDays: { type: 'array', maxItems: 100, items: dayEntry },
          },
        },
      },
    },
    async (req): Promise<CalendarYearResponse> => {
      const year = Number(req.params.year);
      if (year < 2000 || year > 2200) throw new ApiError(400, 'INVALID_REQUEST', `Năm ${year} nằm ngoài khoảng lịch được quản lý (2000–2200).`);
      const plan = planCalendarYear({ year, ...req.body });
      if (plan.errors.length > 0) {
        throw new ApiError(422, 'INVALID_REQUEST', `Lịch năm ${year} chưa được lưu: ${plan.errors.map((e) => e.message).join(' ')}`, { errors: plan.errors });
      }
      await ctx.db.transaction(async (tx) => {
        const before = await storedYear(tx, year);
        await replaceDays(tx, 'holiday', before.holidays, plan.holidays, staffOf(req).id);
        await replaceDays(tx, 'workingDaySwap', before.workingDays, plan.workingDays, staffOf(req).id);
        await recordAdminChange(tx, req, {
          action: 'calendar.save',
          targetKind: 'calendar',
          targetKey: String(year),
          before,
          after: { holidays: plan.holidays, workingDays: plan.workingDays },
        });
      });
      return { year, holidays: plan.holidays, workingDays: plan.workingDays, daysOff: plan.daysOff };
    },
  );
}

/** The year's days as stored; rows written before the Calendar page (body `{ name }` only) read the same way. */
async function storedYear(db: Queryable, year: number): Promise<{ holidays: HolidayItem[]; workingDays: WorkingDayItem[] }> {
  const read = async (kind: CatalogueKind) =>
    (await liveItems<{ name?: string; lunar?: HolidayItem['lunar'] }>(db, kind, `${year}-`)).map((i) => ({
      date: i.key,
      name: i.body?.name ?? '',
      ...(i.body?.lunar ? { lunar: i.body.lunar } : {}),
    }));
  return { holidays: await read('holiday'), workingDays: (await read('workingDaySwap')).map(({ date, name }) => ({ date, name })) };
}

async function replaceDays(tx: Queryable, kind: 'holiday' | 'workingDaySwap', before: readonly HolidayItem[], after: readonly HolidayItem[], by: string): Promise<void> {
  const kept = new Map(after.map((d) => [d.date, d]));
  for (const old of before) if (!kept.has(old.date)) await upsertCatalogueItem(tx, kind, old.date, {}, by, true);
  const previous = new Map(before.map((d) => [d.date, d]));
  for (const day of after) {
    const old = previous.get(day.date);
    if (old && JSON.stringify(old) === JSON.stringify(day)) continue;
    await upsertCatalogueItem(tx, kind, day.date, day, by);
  }
}
