// What an import would change, worked out before anything is written: the administrator sees it in
// the preview, and the server commits exactly it (all or nothing) once confirmed.
import type { CatalogueImport, CatalogueImportError } from './import';
import type { Procedure } from './model';

export type ProcedureSummary = { code: string; name: string };

export type CatalogueImportPlan = {
  errors: CatalogueImportError[];
  added: ProcedureSummary[];
  changed: ProcedureSummary[];
  unchanged: number;
  /** Procedures of the file without a processing time: received only with a date typed by the officer. */
  needsAttention: ProcedureSummary[];
  /** Procedures already in the catalogue and absent from the file: kept as they are. */
  untouched: number;
};

const summary = (p: Procedure): ProcedureSummary => ({ code: p.code, name: p.name });

/** Same procedure, key order aside: bodies come back from the database as JSONB with its own key order. */
export function sameProcedure(a: Procedure, b: Procedure): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function planCatalogueImport(parsed: CatalogueImport, existing: readonly Procedure[]): CatalogueImportPlan {
  const byCode = new Map(existing.map((p) => [p.code, p]));
  const added: ProcedureSummary[] = [];
  const changed: ProcedureSummary[] = [];
  let unchanged = 0;
  for (const p of parsed.procedures) {
    const before = byCode.get(p.code);
    if (!before) added.push(summary(p));
    else if (sameProcedure(before, p)) unchanged++;
    else changed.push(summary(p));
  }
  const inFile = new Set(parsed.procedures.map((p) => p.code));
  return {
    errors: parsed.errors,
    added,
    changed,
    unchanged,
    needsAttention: parsed.procedures.filter(lacksProcessingTime).map(summary),
    untouched: existing.filter((p) => !inFile.has(p.code)).length,
  };
}

/** No processing time in days or hours: the counter cannot compute the appointment. */
export function lacksProcessingTime(p: Pick<Procedure, 'processingDays' | 'processingHours'>): boolean {
  return p.processingDays === null && (p.processingHours === null || p.processingHours === undefined);
}
