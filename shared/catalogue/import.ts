import type { CollectionMethod, Department, FormVersion, Procedure } from './model';
import { MISSING } from './model';
import { parseCsv } from './csv';
import type { CellResult } from './cells';
import { readCollectionMethods, readDocuments, readFees, readFormVersion, readProcedureCode, readProcessingTime, readReceivingLevels } from './cells';
import { collectDepartments, departmentSlug, readAgencyCell } from './departments';

export type CatalogueImportError = {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  column?: string;
  message: string;
};

export type CatalogueImportOptions = {
  /** Province code used to derive the localised procedure code. Default 'H41' (Nghệ An). */
  provinceCode?: string;
  /** Province name stripped from "Sở X tỉnh <name>". Default 'Nghệ An'. */
  provinceName?: string;
  /** Form set for every procedure unless the optional `form_version` column says otherwise. */
  formVersion?: FormVersion;
  /** Collection methods unless the optional `collection_methods` column says otherwise. */
  collectionMethods?: CollectionMethod[];
  /** Marks every procedure as demo data. */
  demo?: boolean;
};

export type CatalogueImport = {
  procedures: Procedure[];
  departments: Department[];
  errors: CatalogueImportError[];
};

export const REQUIRED_COLUMNS = ['code', 'name', 'field', 'agency', 'processing_days', 'fee_vnd', 'fee_note', 'documents', 'source'] as const;
export const OPTIONAL_COLUMNS = ['collection_methods', 'form_version', 'receiving_levels'] as const;

type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** Every result the Center can hand back: at its desk or by public post (results are returned centrally). */
const DEFAULT_COLLECTION_METHODS: CollectionMethod[] = ['desk', 'post'];

function rowError(row: number, column: string, message: string): CatalogueImportError {
  return { row, column, message: `Dòng ${row}, cột ${column}: ${message}` };
}

/**
 * The common core of CSV and XLSX import: `rows[0]` is the header, matched by name in any order.
 * A blank cell is a missing value (listed in `incomplete`), never a guessed one; a wrong value is a
 * row error and only that row is skipped.
 */
export function parseCatalogueRows(rows: readonly (readonly string[])[], opts: CatalogueImportOptions = {}): CatalogueImport {
  const provinceCode = opts.provinceCode ?? 'H41';
  const provinceName = opts.provinceName ?? 'Nghệ An';
  const errors: CatalogueImportError[] = [];
  const procedures: Procedure[] = [];

  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const columnIndex = new Map<Column, number>();
  for (const column of [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]) {
    const index = header.indexOf(column);
    if (index >= 0) columnIndex.set(column, index);
  }
  const missingColumns = REQUIRED_COLUMNS.filter((c) => !columnIndex.has(c));
  if (missingColumns.length > 0) {
    errors.push({
      row: 1,
      message: `Dòng 1 (tiêu đề): thiếu cột ${missingColumns.join(', ')}. Dòng đầu tiên phải là: ${REQUIRED_COLUMNS.join(',')}.`,
    });
    return { procedures, departments: [], errors };
  }

  const firstRowOfCode = new Map<string, number>();
  rows.forEach((cells, index) => {
    if (index === 0) return;
    const row = index + 1;
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (column: Column) => {
      const i = columnIndex.get(column);
      return i === undefined ? '' : (cells[i] ?? '').normalize('NFC');
    };
    const rowErrors: CatalogueImportError[] = [];
    const read = <T>(column: Column, result: CellResult<T>): T | undefined => {
      if (result.ok) return result.value;
      rowErrors.push(rowError(row, column, result.message));
      return undefined;
    };

    let codes: { code: string; localCode: string } | undefined;
    if (cell('code').trim() === '') {
      rowErrors.push(rowError(row, 'code', 'thiếu mã thủ tục; điền mã thủ tục quốc gia (ví dụ 1.012790).'));
    } else {
      codes = read('code', readProcedureCode(cell('code'), provinceCode));
    }
    const name = cell('name').trim();
    if (name === '') rowErrors.push(rowError(row, 'name', 'thiếu tên thủ tục.'));
    const daysCell = cell('processing_days');
    const time = daysCell.trim() === '' ? { days: null, hours: null } : read('processing_days', readProcessingTime(daysCell));
    const fees = read('fee_vnd', readFees(cell('fee_vnd')));
    const documents = read('documents', readDocuments(cell('documents')));
    const methods = read('collection_methods', readCollectionMethods(cell('collection_methods')));
    const formVersion = read('form_version', readFormVersion(cell('form_version')));
    const levels = read('receiving_levels', readReceivingLevels(cell('receiving_levels')));

    if (codes) {
      const first = firstRowOfCode.get(codes.code);
      if (first !== undefined) {
        rowErrors.push(rowError(row, 'code', `mã thủ tục ${codes.code} trùng với dòng ${first}; mỗi thủ tục chỉ khai một dòng.`));
      } else {
        firstRowOfCode.set(codes.code, row);
      }
    }
    if (rowErrors.length > 0 || !codes || !time || !fees || !documents || methods === undefined || formVersion === undefined || levels === undefined) {
      errors.push(...rowErrors);
      return;
    }

    const field = cell('field').trim();
    const agency = readAgencyCell(cell('agency'), provinceName);
    const incomplete: string[] = [];
    if (field === '') incomplete.push(MISSING.field);
    if (!agency) incomplete.push(MISSING.department);
    if (time.days === null && time.hours === null) incomplete.push(MISSING.processingTime);
    if (documents.documents.length === 0 || documents.notes.length > 0) incomplete.push(MISSING.documents);
    if (documents.documents.some((d) => d.originals === null || d.copies === null)) incomplete.push(MISSING.documentCounts);

    procedures.push({
      code: codes.code,
      localCode: codes.localCode,
      name,
      field,
      departmentId: agency ? departmentSlug(agency.name) : '',
      departmentName: agency?.name ?? '',
      agencyNote: agency?.note ?? cell('agency').trim(),
      processingDays: time.days,
      ...(time.hours !== null ? { processingHours: time.hours } : {}),
      fees,
      feeNote: cell('fee_note').trim(),
      documents: documents.documents,
      documentNotes: documents.notes,
      collectionMethods: methods ?? [...(opts.collectionMethods ?? DEFAULT_COLLECTION_METHODS)],
      formVersion: formVersion ?? opts.formVersion ?? '2025',
      ...(levels ? { receivingLevels: levels } : {}),
      source: cell('source').trim(),
      demo: opts.demo ?? false,
      incomplete,
    });
  });

  return { procedures, departments: collectDepartments(procedures), errors };
}

/** Parses a catalogue saved as CSV (UTF-8, the first line being the header). */
export function parseCatalogueCsv(text: string, opts: CatalogueImportOptions = {}): CatalogueImport {
  const { rows, error } = parseCsv(text);
  const result = parseCatalogueRows(rows, opts);
  if (error) result.errors.push({ row: error.row, message: error.message });
  return result;
}
