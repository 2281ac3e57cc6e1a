// Mẫu 07 (2025) / Mẫu 06 (2018): Sổ theo dõi hồ sơ, kept per field (lĩnh vực) under the 2025 rules.
// The electronic register needs no printed book; this prints a page of it when someone asks for one.
// Sequence numbers come from the server (continuous through the year), never from the counter.
import { formatVietnamDate } from '../domain/time';
import { DEFAULT_FORM_SET, formEntry, isThermal, legalBasisBlock, makeDocument, officialHeader, titleBlock } from './forms';
import type { AgencyHeader, Block, DocumentOptions, PrintDocument, TableColumn } from './model';

export interface RegisterRow {
  seq: number;
  dossierCode: string;
  procedureName: string;
  applicantName: string;
  addressPhone: string;
  decidingAgency: string;
  /** ISO instants. */
  receivedAt: string;
  appointmentAt: string;
  returnedAt?: string;
  /** "Tại quầy", "Bưu chính công ích", "Người được ủy quyền", "Kho dữ liệu điện tử"… */
  collectedHow?: string;
}

export interface RegisterData {
  agency: AgencyHeader;
  /** The field the book is kept for (2025: one book per field). */
  field: string;
  year: number;
  book: string;
  rows: RegisterRow[];
}

function rowCells(r: RegisterRow): string[] {
  return [
    String(r.seq).padStart(2, '0'),
    r.dossierCode,
    r.procedureName,
    r.applicantName,
    r.addressPhone,
    r.decidingAgency,
    formatVietnamDate(r.receivedAt),
    formatVietnamDate(r.appointmentAt),
    r.returnedAt ? formatVietnamDate(r.returnedAt) : '',
    r.collectedHow ?? '',
    '',
  ];
}

/**
 * The register's columns on A4 landscape, widths in millimetres of the 262 mm between the margins:
 * the code and the dates never wrap (a date broken as "07/1 / 2/20 / 26" is unreadable), and every
 * title breaks only between its words.
 */
export const REGISTER_COLUMNS: readonly TableColumn[] = [
  { title: 'TT', width: 11, align: 'center', nowrap: true },
  { title: 'Mã hồ sơ', width: 43, nowrap: true },
  { title: 'Tên thủ tục', width: 31 },
  { title: 'Tên cá nhân, tổ chức', width: 25 },
  { title: 'Địa chỉ, số điện thoại', width: 27 },
  { title: 'Cơ quan chủ trì giải quyết', width: 24 },
  { title: 'Ngày nhận', width: 21, align: 'center', nowrap: true },
  { title: 'Ngày hẹn trả', width: 21, align: 'center' },
  { title: 'Ngày trả kết quả', width: 21, align: 'center', nowrap: true },
  { title: 'Hình thức nhận kết quả', width: 22 },
  { title: 'Ký nhận', width: 17 },
];

/** On a roll an 11-column table is unreadable, so each entry prints as its own block of fields. */
function thermalEntries(rows: readonly string[][]): Block[] {
  return rows.flatMap((c): Block[] => [
    { type: 'rule', dashed: true },
    {
      type: 'fields',
      rows: [
        { label: 'TT', value: c[0]! },
        { label: 'Mã hồ sơ', value: c[1]! },
        { label: 'Thủ tục', value: c[2]! },
        { label: 'Người nộp', value: [c[3], c[4]].filter(Boolean).join('; ') },
        { label: 'Cơ quan giải quyết', value: c[5]! },
        { label: 'Nhận / hẹn trả', value: `${c[6]} / ${c[7]}` },
        { label: 'Đã trả', value: c[8] ? `${c[8]} – ${c[9] ?? ''}` : 'Chưa trả' },
      ],
      style: { size: 'small' },
    },
  ]);
}

/**
 * A page of the register, whoever assembled its rows (a field's book, or the Center's report for a
 * period): 11 cells a row, in REGISTER_COLUMNS order; A4 landscape on a sheet, one block per entry on a roll.
 */
export function registerPage(agency: AgencyHeader, scope: string, cells: readonly string[][], title: string, options: DocumentOptions): PrintDocument {
  const formSet = options.formSet ?? DEFAULT_FORM_SET;
  const blocks: Block[] = [
    officialHeader(agency),
    legalBasisBlock(formSet, 'register'),
    titleBlock(formEntry(formSet, 'register').title),
    { type: 'text', text: scope, style: { bold: true, align: 'center' } },
  ];
  if (isThermal(options.layout)) blocks.push(...thermalEntries(cells));
  else blocks.push({ type: 'table', columns: [...REGISTER_COLUMNS], rows: cells.map((c) => [...c]), style: { size: 'small' } });
  blocks.push({ type: 'text', text: `Số hồ sơ trong trang: ${cells.length}`, style: { size: 'small', italic: true } });
  return { ...makeDocument('register', title, { ...options, formSet }, blocks), orientation: isThermal(options.layout) ? undefined : 'landscape' };
}

export function registerBook(d: RegisterData, options: DocumentOptions): PrintDocument {
  return registerPage(d.agency, `Lĩnh vực: ${d.field} – Năm ${d.year} – Quyển số ${d.book}`, d.rows.map(rowCells), `Sổ theo dõi hồ sơ – ${d.field} – ${d.year}`, options);
}
