// The centers of a province as the administrator writes them: one check of a center (the form, the
// server's PUT and the file import all ask it), the import of a list of centers from a CSV/XLSX
// sheet worked out before anything is written (every row error with its row and column), the same
// sheet written back for export, and the check of a center's procedure scope.
import type { CatalogueImportError } from '../catalogue/import';
import { AGENCY_CODE_PATTERN, provinceOfAgencyCode } from '../codes';
import { foldVietnamese } from '../text/fold';
import type { CenterInfo, CenterLevel, CenterScope } from '../sync/protocol';

/** A center's id: letters, digits, `. _ -` (the default center '' is the configuration's, never written here). */
export const CENTER_ID_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;
export const CENTER_LEVEL_LABELS: Record<CenterLevel, string> = { tinh: 'Cấp tỉnh', xa: 'Cấp xã' };

/** What an administrator writes of a center (PUT /v1/admin/centers/:id, one row of an import). */
export interface CenterDraft {
  id: string;
  agencyCode: string;
  name: string;
  address?: string;
  level: CenterLevel;
  parentId?: string;
}

export type CenterField = 'id' | 'agencyCode' | 'name' | 'address' | 'level' | 'parentId';

export interface CenterProblem {
  field: CenterField;
  message: string;
  /** The agency code belongs to another center (the server answers 409). */
  taken?: true;
}

export interface CenterRules {
  /** The province's letters of the server's own agency code (`H41`). */
  province: string;
  /** The default center's code (CENTER_AGENCY_CODE), never another center's. */
  defaultAgencyCode: string;
  /** The id of the center (other than `id`) that holds this agency code, if any. */
  agencyCodeOwner(agencyCode: string, id: string): string | undefined;
  /** Whether a center with this id exists (or will, in the same import). */
  centerExists(id: string): boolean;
}

/** Every problem of one center at once, in Vietnamese, by field; empty when it may be written. */
export function centerProblems(c: CenterDraft, rules: CenterRules): CenterProblem[] {
  const problems: CenterProblem[] = [];
  const add = (field: CenterField, message: string, taken?: true) => problems.push({ field, message, ...(taken ? { taken } : {}) });
  if (!CENTER_ID_PATTERN.test(c.id)) add('id', 'Mã trung tâm cần từ 1 đến 100 ký tự: chữ không dấu, số và . _ - (ví dụ xa-dien-chau).');
  const code = c.agencyCode.trim();
  if (code === '') add('agencyCode', 'Hãy nhập mã cơ quan (mã định danh QCVN 102:2016, ví dụ 000.22.41.H41).');
  else if (!AGENCY_CODE_PATTERN.test(code)) add('agencyCode', `Mã cơ quan ${code} không đúng dạng QCVN 102:2016 (ví dụ 000.22.41.H41).`);
  else if (provinceOfAgencyCode(code) !== rules.province) add('agencyCode', `Mã cơ quan ${code} không thuộc tỉnh ${rules.province} của máy chủ này: một máy chủ phục vụ các trung tâm của một tỉnh.`);
  else if (code === rules.defaultAgencyCode) add('agencyCode', `Mã cơ quan ${code} là của trung tâm mặc định (CENTER_AGENCY_CODE).`, true);
  else {
    const owner = rules.agencyCodeOwner(code, c.id);
    if (owner !== undefined) add('agencyCode', `Mã cơ quan ${code} đã là của trung tâm ${owner}.`, true);
  }
  const name = c.name.trim();
  if (name === '') add('name', 'Hãy nhập tên trung tâm (ví dụ Trung tâm Phục vụ hành chính công xã Diễn Châu).');
  else if (name.length > 200) add('name', 'Tên trung tâm tối đa 200 ký tự.');
  if ((c.address ?? '').trim().length > 300) add('address', 'Địa chỉ tối đa 300 ký tự.');
  if (c.level !== 'tinh' && c.level !== 'xa') add('level', 'Cấp của trung tâm là «tỉnh» hoặc «xã».');
  if (c.parentId !== undefined) {
    if (c.id !== '' && c.parentId === c.id) add('parentId', 'Trung tâm không là cấp trên của chính nó.');
    else if (!rules.centerExists(c.parentId)) add('parentId', `Không có trung tâm cấp trên ${c.parentId}.`);
  }
  return problems;
}

/** A level as typed in a sheet or a form: tỉnh / cấp tỉnh / tinh, xã / phường / đặc khu / cấp xã. */
export function readCenterLevel(text: string): CenterLevel | undefined {
  const folded = foldVietnamese(text)
    .trim()
    .replace(/^cap\s+/, '');
  if (folded === 'tinh') return 'tinh';
  if (folded === 'xa' || folded === 'phuong' || folded === 'dac khu') return 'xa';
  return undefined;
}

/** The import sheet's columns, in the export's order; `id` and `parent` may be absent (id: the agency code). */
export const CENTER_SHEET_COLUMNS = ['id', 'agency_code', 'name', 'address', 'level', 'parent'] as const;
const REQUIRED = ['agency_code', 'name', 'level'] as const;
type Column = (typeof CENTER_SHEET_COLUMNS)[number];
const COLUMN_OF: Record<CenterField, Column> = { id: 'id', agencyCode: 'agency_code', name: 'name', address: 'address', level: 'level', parentId: 'parent' };

export type CenterSummary = { id: string; agencyCode: string; name: string };

export interface CenterImportPlan {
  errors: CatalogueImportError[];
  added: CenterSummary[];
  changed: CenterSummary[];
  unchanged: number;
  /** The centers of the file, as they would be written (only meaningful without errors). */
  centers: CenterDraft[];
}

const rowError = (row: number, column: string, message: string): CatalogueImportError => ({ row, column, message: `Dòng ${row}, cột ${column}: ${message}` });

/**
 * A sheet of centers (`rows[0]` the header, matched by name in any order) against the centers that
 * exist: every row error at once, and what would be added or changed. A parent is named by its id or
 * its agency code, in the file or already on the server; a commune center without one hangs under
 * the provincial Center.
 */
export function planCenterImport(rows: readonly (readonly string[])[], existing: readonly CenterInfo[], rules: Omit<CenterRules, 'agencyCodeOwner' | 'centerExists'>): CenterImportPlan {
  const errors: CatalogueImportError[] = [];
  const header = (rows[0] ?? []).map((h) => foldVietnamese(h).trim().replace(/\s+/g, '_'));
  const index = new Map<Column, number>();
  for (const column of CENTER_SHEET_COLUMNS) if (header.includes(column)) index.set(column, header.indexOf(column));
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    const message = `thiếu cột ${missing.join(', ')}. Dòng đầu của tệp là tiêu đề cột: ${CENTER_SHEET_COLUMNS.join(', ')} (id và parent không bắt buộc).`;
    return { errors: [rowError(1, missing.join(', '), message)], added: [], changed: [], unchanged: 0, centers: [] };
  }
  const cell = (row: readonly string[], column: Column) => (index.has(column) ? (row[index.get(column)!] ?? '').trim() : '');

  // The file's rows first: a parent may be a center further down the file.
  const lines = rows
    .slice(1)
    .map((row, i) => ({ row, at: i + 2 }))
    .filter(({ row }) => row.some((c) => c.trim() !== ''));
  const byId = new Map(existing.map((c) => [c.id, c]));
  const fileIds = new Map<string, number>();
  const fileCodes = new Map<string, number>();
  for (const { row, at } of lines) {
    const code = cell(row, 'agency_code');
    const id = cell(row, 'id') || code;
    if (!fileIds.has(id)) fileIds.set(id, at);
    if (code && !fileCodes.has(code)) fileCodes.set(code, at);
  }
  const idOfParent = (text: string): string => {
    if (fileIds.has(text) || byId.has(text)) return text;
    const byCode = existing.find((c) => c.agencyCode === text);
    if (byCode) return byCode.id;
    if (fileCodes.has(text)) {
      const line = lines.find((l) => cell(l.row, 'agency_code') === text)!;
      return cell(line.row, 'id') || text;
    }
    return text;
  };

  const centers: CenterDraft[] = [];
  const added: CenterSummary[] = [];
  const changed: CenterSummary[] = [];
  let unchanged = 0;
  for (const { row, at } of lines) {
    const agencyCode = cell(row, 'agency_code');
    const id = cell(row, 'id') || agencyCode;
    const levelText = cell(row, 'level');
    const level = readCenterLevel(levelText);
    const parentText = cell(row, 'parent');
    const address = cell(row, 'address');
    const draft: CenterDraft = {
      id,
      agencyCode,
      name: cell(row, 'name'),
      ...(address ? { address } : {}),
      level: level ?? ('' as CenterLevel),
      ...(parentText ? { parentId: idOfParent(parentText) } : level === 'xa' ? { parentId: '' } : {}),
    };
    const problems = centerProblems(draft, {
      ...rules,
      agencyCodeOwner: (code, self) => existing.find((c) => c.agencyCode === code && c.id !== self)?.id,
      centerExists: (candidate) => byId.has(candidate) || fileIds.has(candidate),
    });
    for (const p of problems) {
      const message = p.field === 'level' ? `«${levelText}» không phải cấp của trung tâm: ghi «tỉnh» hoặc «xã».` : p.message;
      errors.push(rowError(at, COLUMN_OF[p.field], p.field === 'level' && levelText === '' ? 'Hãy ghi cấp của trung tâm: «tỉnh» hoặc «xã».' : message));
    }
    if (id === '') continue;
    const twice =
      fileIds.get(id) !== at
        ? rowError(at, index.has('id') ? 'id' : 'agency_code', `trung tâm ${id} đã có ở dòng ${fileIds.get(id)}; mỗi trung tâm một dòng.`)
        : agencyCode && fileCodes.get(agencyCode) !== at
          ? rowError(at, 'agency_code', `mã cơ quan ${agencyCode} đã có ở dòng ${fileCodes.get(agencyCode)}.`)
          : undefined;
    if (twice) errors.push(twice);
    if (problems.length > 0 || twice) continue;
    centers.push(draft);
    const before = byId.get(id);
    const summary = { id, agencyCode, name: draft.name };
    if (!before) added.push(summary);
    else if (sameCenter(before, draft)) unchanged++;
    else changed.push(summary);
  }
  if (lines.length === 0) errors.push(rowError(2, 'agency_code', 'tệp không có trung tâm nào dưới dòng tiêu đề.'));
  errors.sort((a, b) => a.row - b.row);
  return { errors, added, changed, unchanged, centers };
}

function sameCenter(a: CenterInfo, b: CenterDraft): boolean {
  return a.agencyCode === b.agencyCode && a.name === b.name.trim() && (a.address ?? '') === (b.address ?? '') && a.level === b.level && (a.parentId ?? null) === (b.parentId ?? null);
}

/** The centers as the import reads them back (the header, then one row a center; the default center '' is the configuration's, left out). */
export function centerSheetRows(centers: readonly CenterInfo[]): string[][] {
  return [[...CENTER_SHEET_COLUMNS], ...centers.filter((c) => c.id !== '').map((c) => [c.id, c.agencyCode, c.name, c.address ?? '', c.level === 'tinh' ? 'tỉnh' : 'xã', c.parentId ?? ''])];
}

/** Procedure codes pasted as a list (lines, commas, semicolons, spaces), in order, each once. */
export function pastedCodes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((c) => c.trim())
        .filter((c) => c !== ''),
    ),
  ];
}

/** A center's setting `scope` as stored, or undefined when it is not that shape (the counters read it as CenterScope). */
export function asCenterScope(body: unknown): CenterScope | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { procedures, phiDiaGioi, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return undefined;
  const isCode = (c: unknown) => typeof c === 'string' && c.length > 0 && c.length <= 50;
  if (
    procedures !== undefined &&
    !(Array.isArray(procedures) && procedures.every((p: { code?: unknown; level?: unknown } | null) => p !== null && isCode(p.code) && (p.level === 'tinh' || p.level === 'xa')))
  )
    return undefined;
  if (phiDiaGioi !== undefined && !(Array.isArray(phiDiaGioi) && phiDiaGioi.every(isCode))) return undefined;
  return body as CenterScope;
}

/** What is wrong with a center's scope against the catalogue's procedure codes, in Vietnamese; empty when it may be saved. */
export function scopeProblems(scope: CenterScope, known: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const unknownIn = (codes: readonly string[]) => codes.filter((c) => !known.has(c));
  const received = scope.procedures?.map((p) => p.code);
  const unknownReceived = unknownIn(received ?? []);
  if (unknownReceived.length > 0) problems.push(`Thủ tục tiếp nhận: không có trong danh mục các mã ${unknownReceived.join(', ')}.`);
  const unknownAcross = unknownIn(scope.phiDiaGioi ?? []);
  if (unknownAcross.length > 0) problems.push(`Danh sách phi địa giới: không có trong danh mục các mã ${unknownAcross.join(', ')}.`);
  if (received) {
    const outside = (scope.phiDiaGioi ?? []).filter((c) => known.has(c) && !received.includes(c));
    if (outside.length > 0) problems.push(`Danh sách phi địa giới có thủ tục trung tâm không tiếp nhận: ${outside.join(', ')}. Thêm chúng vào thủ tục tiếp nhận hoặc bỏ khỏi danh sách.`);
  }
  return problems;
}
