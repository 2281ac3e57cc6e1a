// Mẫu 05 (2018) / Mẫu 06 (2025): Phiếu kiểm soát quá trình giải quyết hồ sơ, printed from the
// dossier's recorded handovers (the caller maps events to rows; the form never recomputes state).
import { formatVietnamDateTime } from '../domain/time';
import { DEFAULT_FORM_SET, formEntry, isThermal, legalBasisBlock, makeDocument, officialHeader, titleBlock } from './forms';
import type { AgencyHeader, Block, DocumentOptions, PrintDocument } from './model';

export type HandoverTiming = 'early' | 'onTime' | 'late';

export const HANDOVER_TIMING_LABELS: Record<HandoverTiming, string> = {
  early: 'Trước hạn',
  onTime: 'Đúng hạn',
  late: 'Quá hạn',
};

export interface ControlSheetRow {
  fromUnit: string;
  toUnit: string;
  /** ISO instant of the handover. */
  at: string;
  timing?: HandoverTiming;
  note?: string;
}

export interface ControlSheetData {
  agency: AgencyHeader;
  dossierCode: string;
  /** The numeric key (shared/codes `barcodeKeyForCode`) printed on rolls, where the code is too wide; absent, no 1D symbol there. */
  barcodeKey?: string;
  applicantName: string;
  procedureName: string;
  receivedAt: string;
  appointmentAt: string;
  rows: ControlSheetRow[];
}

/** "08:00" and "12/01/2026" on two lines: a date never wraps inside itself, whatever the column. */
function timeCell(at: string): string {
  return formatVietnamDateTime(at).replace(' ', '\n');
}

/**
 * Each handover as the 2018 form has it: who hands over and who receives, when, the result, and
 * both people's signatures. A sheet has a column for each; a roll stacks one handover under the
 * other with its two signature spaces, so dates stay whole and every handover is signed.
 */
function handovers(d: ControlSheetData, thermal: boolean): Block[] {
  const timing = (r: ControlSheetRow): string => (r.timing ? HANDOVER_TIMING_LABELS[r.timing] : '');
  if (thermal) {
    return d.rows.flatMap((r, i): Block[] => [
      { type: 'rule', dashed: true },
      { type: 'text', text: `Lần ${i + 1}`, style: { bold: true, size: 'small' } },
      {
        type: 'fields',
        rows: [
          { label: 'Giao', value: r.fromUnit },
          { label: 'Nhận', value: r.toUnit },
          { label: 'Thời gian', value: formatVietnamDateTime(r.at) },
          ...(r.timing ? [{ label: 'Kết quả', value: timing(r) }] : []),
          ...(r.note ? [{ label: 'Ghi chú', value: r.note }] : []),
        ],
        style: { size: 'small' },
      },
      {
        type: 'signatures',
        parties: [
          { title: 'NGƯỜI GIAO', note: '(Ký, ghi rõ họ tên)' },
          { title: 'NGƯỜI NHẬN', note: '(Ký, ghi rõ họ tên)' },
        ],
      },
    ]);
  }
  return [
    {
      type: 'table',
      columns: [
        { title: 'TT', width: 1, align: 'center' },
        { title: 'Giao, nhận', width: 5.5 },
        { title: 'Thời gian', width: 3.2, align: 'center', nowrap: true },
        { title: 'Kết quả', width: 2.6, align: 'center' },
        { title: 'Người giao (ký)', width: 3 },
        { title: 'Người nhận (ký)', width: 3 },
        { title: 'Ghi chú', width: 2.7 },
      ],
      rows: d.rows.map((r, i) => [String(i + 1), `Giao: ${r.fromUnit}\nNhận: ${r.toUnit}`, timeCell(r.at), timing(r), '', '', r.note ?? '']),
      style: { size: 'small' },
    },
  ];
}

export function controlSheet(d: ControlSheetData, options: DocumentOptions): PrintDocument {
  const formSet = options.formSet ?? DEFAULT_FORM_SET;
  const thermal = isThermal(options.layout);
  const blocks: Block[] = [
    officialHeader(d.agency),
    legalBasisBlock(formSet, 'controlSheet'),
    titleBlock(formEntry(formSet, 'controlSheet').title),
    ...codeMark(d, thermal),
    {
      type: 'fields',
      rows: [
        { label: 'Mã hồ sơ', value: d.dossierCode },
        { label: 'Người nộp', value: d.applicantName },
        { label: 'Nội dung yêu cầu giải quyết', value: d.procedureName },
        { label: 'Thời gian nhận hồ sơ', value: formatVietnamDateTime(d.receivedAt) },
        { label: 'Thời gian trả kết quả', value: formatVietnamDateTime(d.appointmentAt) },
      ],
    },
    ...handovers(d, thermal),
    { type: 'text', text: `Số lần chuyển giao: ${d.rows.length}`, style: { size: 'small', italic: true } },
  ];
  return makeDocument('controlSheet', `Phiếu kiểm soát ${d.dossierCode}`, { ...options, formSet }, blocks);
}

/** Sheets have room for the full code; on a roll it only fits at 1-dot modules, so the key goes there. */
function codeMark(d: ControlSheetData, thermal: boolean): Block[] {
  if (!thermal) return [{ type: 'barcode', format: 'CODE128', value: d.dossierCode }];
  return d.barcodeKey ? [{ type: 'barcode', format: 'CODE128', value: d.barcodeKey, caption: d.dossierCode }] : [];
}
