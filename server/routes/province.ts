// The province's view (issue #19): for the provincial administrator and supervisors, per center and
// for the province, the dossiers received, judged early / on time / late, digitised, and waiting,
// for a period of Vietnam days (today by default), as JSON for the reports screen or CSV to export.
// A center's own account sees its center only. Figures come from the dossier snapshots by the same
// rules as a counter's reports (shared/domain centerFigures).
import type { FastifyInstance } from 'fastify';
import { periodOf, vnDateKey } from '../../shared/calendar';
import { addFigures, centerFigures, type CenterFigures, type DossierState } from '../../shared/domain';
import type { ProvinceReport } from '../../shared/sync/protocol';
import { staffAuth, staffOf } from '../auth';
import { managesCenter } from './centers';
import type { AppContext } from '../context';
import { ApiError } from '../errors';

const dateKey = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

const CSV_COLUMNS = ['Trung tâm', 'Mã cơ quan', 'Cấp', 'Tiếp nhận', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Tỷ lệ đúng hạn (%)', 'Số hóa đầy đủ', 'Tỷ lệ số hóa (%)', 'Đang chờ'];

const percent = (part: number, whole: number): string => (whole > 0 ? ((100 * part) / whole).toFixed(1).replace('.', ',') : '');

function csvLine(cells: readonly (string | number)[]): string {
  return cells.map((c) => (typeof c === 'number' ? String(c) : `"${c.replaceAll('"', '""')}"`)).join(',');
}

function figureCells(f: CenterFigures): (string | number)[] {
  const judged = f.early + f.onTime + f.late;
  return [f.received, f.early, f.onTime, f.late, percent(f.early + f.onTime, judged), f.digitised, percent(f.digitised, f.received), f.waiting];
}

/** The report as a CSV file Excel opens in Vietnamese (UTF-8 with its byte order mark). */
export function provinceCsv(report: ProvinceReport): string {
  const level = (l: string) => (l === 'tinh' ? 'Tỉnh' : 'Xã');
  const lines = [
    csvLine([`Kết quả giải quyết hồ sơ ${report.period.label}`]),
    csvLine(CSV_COLUMNS),
    ...report.centers.map((c) => csvLine([c.name, c.agencyCode, level(c.level), ...figureCells(c.figures)])),
    csvLine(['Toàn tỉnh', '', '', ...figureCells(report.province)]),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function provinceRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { from?: string; to?: string; format?: 'json' | 'csv' } }>(
    '/v1/admin/province',
    {
      onRequest: staffAuth(ctx.db, ['administrator', 'supervisor']),
      schema: { querystring: { type: 'object', additionalProperties: false, properties: { from: dateKey, to: dateKey, format: { type: 'string', enum: ['json', 'csv'] } } } },
    },
    async (req, reply) => {
      const staff = staffOf(req);
      const today = vnDateKey(new Date());
      const p = periodOf(req.query.from ?? today, req.query.to ?? req.query.from ?? today);
      if (!p.ok) throw new ApiError(400, 'INVALID_REQUEST', p.message, { field: `/${p.field}` });
      const { period } = p;
      const centers = (await ctx.centers.info()).filter((c) => managesCenter(staff, c.id));
      // The dossiers a period can count: received, finished or due in it, or still open.
      const { rows } = await ctx.db.query<{ site: string; state: DossierState }>(
        `SELECT site, state FROM dossiers
         WHERE code IS NOT NULL AND site = ANY($3::text[]) AND (status NOT IN ('returned', 'refused', 'withdrawn')
           OR (state->>'receivedAt' >= $1 AND state->>'receivedAt' < $2) OR (state->>'resultReadyAt' >= $1 AND state->>'resultReadyAt' < $2)
           OR (state->>'dueAt' >= $1 AND state->>'dueAt' < $2))`,
        [period.from, period.to, centers.map((c) => c.id)],
      );
      const bySite = new Map<string, DossierState[]>();
      for (const r of rows) bySite.set(r.site, [...(bySite.get(r.site) ?? []), r.state]);
      const now = new Date();
      const perCenter = centers.map((c) => ({ ...c, figures: centerFigures(bySite.get(c.id) ?? [], period, now) }));
      const report: ProvinceReport = { period, centers: perCenter, province: addFigures(perCenter.map((c) => c.figures)) };
      if (req.query.format !== 'csv') return report;
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="toan-tinh-${req.query.from ?? today}-${req.query.to ?? req.query.from ?? today}.csv"`);
      return provinceCsv(report);
    },
  );
}
