// The counter's view of the catalogue: procedures with their search index, departments, and the
// working-day calendar built from the holidays and swapped days the administrator distributed.
// Holiday and swap rows are keyed by their date 'YYYY-MM-DD' (body: { name }).
import { foldVietnamese } from '../../shared/text/fold';
import { createProcedureIndex, type Department, type Procedure, type ProcedureIndex } from '../../shared/catalogue';
import { workCalendar, type WorkCalendar } from '../../shared/calendar';
import type { CenterInfo, CenterScope } from '../../shared/sync/protocol';
import type { CatalogueRow, MotCuaDb } from '../db';

export interface DeskCatalogue {
  /** The procedures this center receives: all of the catalogue, or those its own setting `scope` lists. */
  procedures: Procedure[];
  index: ProcedureIndex;
  departments: Map<string, Department>;
  calendar: WorkCalendar;
  /** The centers of the province, by agency code (catalogue kind `center`). */
  centers: Map<string, CenterInfo>;
  /** This center's procedure scope and phi-địa-giới list (its setting `scope`), when it has one. */
  scope?: CenterScope;
}

/** The center's setting row that holds its scope (server: center-scoped catalogue items). */
export const CENTER_SCOPE_ROW = 'setting:scope';

/** Whether this center receives the procedure across boundaries (on its phi-địa-giới list, NĐ 309/2026). */
export function receivedAcrossBoundaries(catalogue: Pick<DeskCatalogue, 'scope'>, procedureCode: string | undefined): boolean {
  return procedureCode !== undefined && (catalogue.scope?.phiDiaGioi ?? []).includes(procedureCode);
}

/** The province's centers as lists show them: this center first, then the provincial Center, then the communes by name. */
export function sortedCenters(centers: Iterable<CenterInfo>, own: string): CenterInfo[] {
  return [...centers].sort((a, b) => (a.agencyCode === own ? -1 : b.agencyCode === own ? 1 : a.level !== b.level ? (a.level === 'tinh' ? -1 : 1) : a.name.localeCompare(b.name, 'vi')));
}

/** The centers whose name (typed without diacritics: "dien chau" finds «xã Diễn Châu») or agency code holds the text; all of them for an empty text. */
export function findCenters(centers: readonly CenterInfo[], text: string): CenterInfo[] {
  const wanted = foldVietnamese(text.trim());
  return wanted === '' ? [...centers] : centers.filter((c) => foldVietnamese(c.name).includes(wanted) || c.agencyCode.includes(text.trim()));
}

const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;

function dateOf(row: CatalogueRow): string | undefined {
  const body = row.body as { date?: unknown } | null;
  const candidate = typeof body?.date === 'string' ? body.date : row.key;
  return DATE_KEY.test(candidate) ? candidate : undefined;
}

export function buildDeskCatalogue(rows: readonly CatalogueRow[]): DeskCatalogue {
  const procedures: Procedure[] = [];
  const departments = new Map<string, Department>();
  const centers = new Map<string, CenterInfo>();
  let scope: CenterScope | undefined;
  const daysOff: string[] = [];
  const workingDays: string[] = [];
  for (const row of rows) {
    if (row.kind === 'procedure') procedures.push(row.body as Procedure);
    else if (row.kind === 'department') {
      const d = row.body as Department;
      departments.set(d.id, d);
    } else if (row.kind === 'holiday' || row.kind === 'workingDaySwap') {
      const date = dateOf(row);
      if (date) (row.kind === 'holiday' ? daysOff : workingDays).push(date);
    } else if (row.kind === 'center') {
      const c = row.body as CenterInfo;
      centers.set(c.agencyCode, c);
    } else if (row.id === CENTER_SCOPE_ROW) {
      scope = row.body as CenterScope;
    }
  }
  const listed = scope?.procedures && new Set(scope.procedures.map((p) => p.code));
  const received = listed ? procedures.filter((p) => listed.has(p.code)) : procedures;
  received.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return { procedures: received, index: createProcedureIndex(received), departments, calendar: workCalendar({ daysOff, workingDays }), centers, ...(scope ? { scope } : {}) };
}

export async function loadDeskCatalogue(db: MotCuaDb): Promise<DeskCatalogue> {
  const rows = await db.catalogue.where('kind').anyOf(['procedure', 'department', 'holiday', 'workingDaySwap', 'center']).toArray();
  const scope = await db.catalogue.get(CENTER_SCOPE_ROW);
  return buildDeskCatalogue(scope ? [...rows, scope] : rows);
}
