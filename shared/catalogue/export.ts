// The catalogue written back in its own import format, so an exported file can be edited in a
// spreadsheet and imported again unchanged (`parseCatalogueRows` of these rows gives the procedures back).
import type { CollectionMethod, Procedure, ProcedureDocument } from './model';
import { RECEIVING_LEVEL_LABELS } from './model';
import { DEFAULT_FEE_NAME } from './cells';
import { OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from './import';

export const CATALOGUE_COLUMNS = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS] as const;
export type CatalogueColumn = (typeof CATALOGUE_COLUMNS)[number];

const METHOD_NAMES: Record<CollectionMethod, string> = { desk: 'Trực tiếp', post: 'Bưu chính', online: 'Trực tuyến' };

const number = (n: number) => String(n).replace('.', ',');

export function processingTimeCell(p: Pick<Procedure, 'processingDays' | 'processingHours'>): string {
  if (p.processingDays !== null) return number(p.processingDays);
  if (p.processingHours !== null && p.processingHours !== undefined) return `${number(p.processingHours)} giờ`;
  return '';
}

export function feesCell(p: Pick<Procedure, 'fees'>): string {
  if (p.fees.length === 0) return '0';
  if (p.fees.length === 1 && p.fees[0]!.name === DEFAULT_FEE_NAME) return p.fees[0]!.amount === null ? '' : String(p.fees[0]!.amount);
  return p.fees.map((f) => `${f.name}: ${f.amount ?? ''}`).join(' | ');
}

export function documentEntry(d: Pick<ProcedureDocument, 'name' | 'originals' | 'copies'>): string {
  return d.originals === null || d.copies === null ? d.name : `${d.name} (bản chính ${d.originals}, bản sao ${d.copies})`;
}

export function documentsCell(p: Pick<Procedure, 'documents' | 'documentNotes'>): string {
  return [...p.documents.map(documentEntry), ...p.documentNotes].join(' | ');
}

/** One procedure as a row of the import format, by column. */
export function procedureCells(p: Procedure): Record<CatalogueColumn, string> {
  return {
    code: p.localCode || p.code,
    name: p.name,
    field: p.field,
    agency: p.agencyNote || p.departmentName,
    processing_days: processingTimeCell(p),
    fee_vnd: feesCell(p),
    fee_note: p.feeNote,
    documents: documentsCell(p),
    source: p.source,
    collection_methods: p.collectionMethods.map((m) => METHOD_NAMES[m]).join(', '),
    form_version: p.formVersion,
    receiving_levels: (p.receivingLevels ?? []).map((l) => RECEIVING_LEVEL_LABELS[l]).join(', '),
  };
}

/** The header and one row per procedure, ordered by code: what `formatCsv` or a worksheet takes. */
export function catalogueRows(procedures: readonly Procedure[]): string[][] {
  const sorted = [...procedures].sort((a, b) => a.code.localeCompare(b.code));
  return [[...CATALOGUE_COLUMNS], ...sorted.map((p) => CATALOGUE_COLUMNS.map((c) => procedureCells(p)[c]))];
}
