// Mẫu 07 (2025) / Mẫu 06 (2018): Sổ theo dõi hồ sơ, kept per field (lĩnh vực) under the 2025 rules.
// The electronic register needs no printed book; this prints a page of it when someone asks for one.
// Sequence numbers come from the server (continuous through the year), never from the counter.
import { formatVietnamDate } from '../domain/time';
import { DEFAULT_FORM_SET, formEntry, isThermal, legalBasisBlock, makeDocument, officialHeader, titleBlock } from './forms';
import type { AgencyHeader, Block, DocumentOptions, PrintDocument } from './model';

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

/** On a roll an 11-column table is unreadable, so each entry prints as its own block of fields. */
function thermalEntries(rows: RegisterRow[]): Block[] {
  return rows.flatMap((r): Block[] => [
    { type: 'rule', dashed: true },
    {
      type: 'fields',
      rows: [
        { label: 'TT', value: String(r.seq).padStart(2, '0') },
        { label: 'Mã hồ sơ', value: r.dossierCode },
        { label: 'Thủ tục', value: r.procedureName },
        { label: 'Người nộp', value: `${r.applicantName}; ${r.addressPhone}` },
        { label: 'Cơ quan giải quyết', value: r.decidingAgency },
        { label: 'Nhận / hẹn trả', value: `${formatVietnamDate(r.receivedAt)} / ${formatVietnamDate(r.appointmentAt)}` },
        { label: 'Đã trả', value: r.returnedAt ? `${formatVietnamDate(r.returnedAt)} – ${r.collectedHow ?? ''}` : 'Chưa trả' },
      ],
      style: { size: 'small' },
    },
  ]);
}

export function registerBook(d: RegisterData, options: DocumentOptions): PrintDocument {
  const formSet = options.formSet ?? DEFAULT_FORM_SET;
  const blocks: Block[] = [
    officialHeader(d.agency),
    legalBasisBlock(formSet, 'register'),
    titleBlock(formEntry(formSet, 'register').title),
    { type: 'text', text: `Lĩnh vực: ${d.field} – Năm ${d.year} – Quyển số ${d.book}`, style: { bold: true, align: 'center' } },
  ];
  if (isThermal(options.layout)) {
    blocks.push(...thermalEntries(d.rows));
  } else {
    blocks.push({
      type: 'table',
      columns: [
        { title: 'TT', width: 1.6, align: 'center' },
        { title: 'Mã hồ sơ', width: 5 },
        { title: 'Tên thủ tục', width: 4 },
        { title: 'Cá nhân, tổ chức', width: 3 },
        { title: 'Địa chỉ, điện thoại', width: 4 },
        { title: 'Cơ quan giải quyết', width: 3 },
        { title: 'Ngày nhận', width: 2, align: 'center' },
        { title: 'Hẹn trả', width: 2, align: 'center' },
        { title: 'Ngày trả', width: 2, align: 'center' },
        { title: 'Hình thức nhận', width: 2 },
        { title: 'Ký nhận', width: 2 },
      ],
      rows: d.rows.map(rowCells),
      style: { size: 'small' },
    });
  }
  blocks.push({ type: 'text', text: `Số hồ sơ trong trang: ${d.rows.length}`, style: { size: 'small', italic: true } });
  return makeDocument('register', `Sổ theo dõi hồ sơ – ${d.field} – ${d.year}`, { ...options, formSet }, blocks);
}
