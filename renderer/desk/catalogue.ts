// The counter's view of the catalogue: procedures with their search index, departments, and the
// working-day calendar built from the holidays and swapped days the administrator distributed.
// Holiday and swap rows are keyed by their date 'YYYY-MM-DD' (body: { name }).
import { createProcedureIndex, type Department, type Procedure, type ProcedureIndex } from '../../shared/catalogue';
import { workCalendar, type WorkCalendar } from '../../shared/calendar';
import type { CatalogueRow, MotCuaDb } from '../db';

export interface DeskCatalogue {
  procedures: Procedure[];
  index: ProcedureIndex;
  departments: Map<string, Department>;
  calendar: WorkCalendar;
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
    }
  }
  procedures.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return { procedures, index: createProcedureIndex(procedures), departments, calendar: workCalendar({ daysOff, workingDays }) };
}

export async function loadDeskCatalogue(db: MotCuaDb): Promise<DeskCatalogue> {
  const rows = await db.catalogue.where('kind').anyOf(['procedure', 'department', 'holiday', 'workingDaySwap']).toArray();
  return buildDeskCatalogue(rows);
}
