// One procedure as the editor holds it (text as typed), and back to a row of the import format:
// a saved edit goes through the same checks as a file (one row), so one reader decides what is valid.
import {
  CATALOGUE_COLUMNS,
  DEFAULT_FEE_NAME,
  documentEntry,
  procedureCells,
  type CatalogueColumn,
  type CatalogueImportError,
  type CollectionMethod,
  type FormVersion,
  type Procedure,
  type ReceivingLevel,
} from '../../../../shared/catalogue';

export interface ProcedureDraft {
  code: string;
  name: string;
  field: string;
  agency: string;
  processingTime: string;
  fees: { name: string; amount: string }[];
  feeNote: string;
  documents: { name: string; originals: string; copies: string }[];
  /** Notes kept from the documents cell, e.g. "(các thành phần còn lại: …)". */
  documentNotes: string[];
  collectionMethods: CollectionMethod[];
  formVersion: FormVersion;
  receivingLevels: ReceivingLevel[];
  source: string;
}

export const EMPTY_DRAFT: ProcedureDraft = {
  code: '',
  name: '',
  field: '',
  agency: '',
  processingTime: '',
  fees: [],
  feeNote: '',
  documents: [{ name: '', originals: '1', copies: '0' }],
  documentNotes: [],
  collectionMethods: ['desk', 'post'],
  formVersion: '2025',
  receivingLevels: [],
  source: 'Quản trị viên nhập tay',
};

const count = (n: number | null) => (n === null ? '' : String(n));

export function draftOf(p: Procedure): ProcedureDraft {
  const cells = procedureCells(p);
  return {
    code: cells.code,
    name: cells.name,
    field: cells.field,
    agency: cells.agency,
    processingTime: cells.processing_days,
    fees: p.fees.map((f) => ({ name: f.name, amount: f.amount === null ? '' : String(f.amount) })),
    feeNote: cells.fee_note,
    documents: p.documents.map((d) => ({ name: d.name, originals: count(d.originals), copies: count(d.copies) })),
    documentNotes: p.documentNotes,
    collectionMethods: p.collectionMethods,
    formVersion: p.formVersion,
    receivingLevels: p.receivingLevels ?? [],
    source: cells.source,
  };
}

const METHOD_CELL: Record<CollectionMethod, string> = { desk: 'desk', post: 'post', online: 'online' };

/** The header and the one row the server reads the draft from. */
export function draftRows(d: ProcedureDraft): string[][] {
  const number = (text: string) => (text.trim() === '' ? null : Number(text));
  const cells: Record<CatalogueColumn, string> = {
    code: d.code,
    name: d.name,
    field: d.field,
    agency: d.agency,
    processing_days: d.processingTime,
    // No line: no fee. A line without an amount: a fee the counter must check.
    fee_vnd: d.fees.length === 0 ? '0' : d.fees.map((f) => `${f.name.trim() || DEFAULT_FEE_NAME}: ${f.amount.trim()}`).join(' | '),
    fee_note: d.feeNote,
    documents: [
      ...d.documents.filter((doc) => doc.name.trim() !== '').map((doc) => documentEntry({ name: doc.name.trim(), originals: number(doc.originals), copies: number(doc.copies) })),
      ...d.documentNotes,
    ].join(' | '),
    source: d.source,
    collection_methods: d.collectionMethods.map((m) => METHOD_CELL[m]).join(', '),
    form_version: d.formVersion,
    receiving_levels: d.receivingLevels.join(', '),
  };
  return [[...CATALOGUE_COLUMNS], CATALOGUE_COLUMNS.map((c) => cells[c])];
}

/** The server's row errors by column, for the fields of the form. */
export function errorsByColumn(errors: readonly CatalogueImportError[]): Partial<Record<CatalogueColumn | 'other', string>> {
  const byColumn: Partial<Record<CatalogueColumn | 'other', string>> = {};
  for (const e of errors) {
    const key = (CATALOGUE_COLUMNS as readonly string[]).includes(e.column ?? '') ? (e.column as CatalogueColumn) : 'other';
    // "Dòng 2, cột fee_vnd: …" names the file's row and column; on the form the field says where.
    const message = e.message.replace(/^Dòng \d+(, cột [a-z_]+)?: /, '');
    byColumn[key] = byColumn[key] ? `${byColumn[key]} ${message}` : message;
  }
  return byColumn;
}
