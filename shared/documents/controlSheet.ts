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

export function controlSheet(d: ControlSheetData, options: DocumentOptions): PrintDocument {
  const formSet = options.formSet ?? DEFAULT_FORM_SET;
  const blocks: Block[] = [
    officialHeader(d.agency),
    legalBasisBlock(formSet, 'controlSheet'),
    titleBlock(formEntry(formSet, 'controlSheet').title),
    ...codeMark(d, isThermal(options.layout)),
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
    {
      type: 'table',
      columns: [
        { title: 'TT', width: 1, align: 'center' },
        { title: 'Bên giao', width: 4 },
        { title: 'Bên nhận', width: 4 },
        { title: 'Thời gian', width: 3 },
        { title: 'Kết quả', width: 3 },
        { title: 'Ghi chú', width: 3 },
      ],
      rows: d.rows.map((r, i) => [String(i + 1), r.fromUnit, r.toUnit, formatVietnamDateTime(r.at), r.timing ? HANDOVER_TIMING_LABELS[r.timing] : '', r.note ?? '']),
      style: { size: 'small' },
    },
    { type: 'text', text: `Số lần chuyển giao: ${d.rows.length}`, style: { size: 'small', italic: true } },
  ];
  return makeDocument('controlSheet', `Phiếu kiểm soát ${d.dossierCode}`, { ...options, formSet }, blocks);
}

/** Sheets have room for the full code; on a roll it only fits at 1-dot modules, so the key goes there. */
function codeMark(d: ControlSheetData, thermal: boolean): Block[] {
  if (!thermal) return [{ type: 'barcode', format: 'CODE128', value: d.dossierCode }];
  return d.barcodeKey ? [{ type: 'barcode', format: 'CODE128', value: d.barcodeKey, caption: d.dossierCode }] : [];
}
