// Biên bản giao nhận hồ sơ: the list of dossiers handed to the postal courier. Its signing is the
// legal submission time for postal dossiers, and the counts reconcile transport with the post office.
import { batchBarcodeKey } from '../codes/batchCode';
import { formatVnDateline } from './format';
import { formatVietnamDateTime } from '../domain/time';
import { isThermal, makeDocument, officialHeader } from './forms';
import type { AgencyHeader, Block, DocumentOptions, PrintDocument } from './model';

export interface HandoverDossier {
  dossierCode: string;
  procedureName: string;
  applicantName: string;
  /** Number of paper sets in the envelope. */
  sets: number;
  note?: string;
}

export interface HandoverRecordData {
  agency: AgencyHeader;
  place: string;
  /** Batch code `BG-YYMMDD-CC-NN` (shared/codes `formatBatchCode`). */
  batchCode: string;
  handedAt: string;
  /** 'toCenter': the post brings a department's results back; the courier hands over, the Center's officer receives. */
  direction?: 'toDepartment' | 'toCenter';
  fromUnit: string;
  toUnit: string;
  /**
   * A batch between two centers: what it carries, as the record says it ("Kết quả giải quyết"). The
   * record then names both centers, the sending one and the receiving one.
   */
  carried?: string;
  courier: { name: string; organisation: string; phone?: string };
  officerName: string;
  dossiers: HandoverDossier[];
}

export function handoverRecord(d: HandoverRecordData, options: DocumentOptions): PrintDocument {
  const thermal = isThermal(options.layout);
  const sets = d.dossiers.reduce((sum, x) => sum + x.sets, 0);
  const inbound = d.direction === 'toCenter';
  const courier = `${d.courier.organisation} – ${d.courier.name}${d.courier.phone ? `, ĐT ${d.courier.phone}` : ''}`;
  const officer = `${inbound ? d.toUnit : d.fromUnit} – ${d.officerName}`;
  const blocks: Block[] = [
    officialHeader(d.agency),
    { type: 'text', text: `${d.place}, ${formatVnDateline(d.handedAt)}`, style: { italic: true, align: 'right', size: 'small' } },
    { type: 'text', text: 'BIÊN BẢN GIAO NHẬN HỒ SƠ', style: { size: 'title', bold: true, align: 'center' } },
    // Rolls carry the numeric key: the code itself only fits a 58 mm head at 1-dot modules.
    barcodeFor(d.batchCode, thermal),
    {
      type: 'fields',
      rows: [
        { label: 'Số biên bản', value: d.batchCode },
        { label: 'Thời gian giao', value: formatVietnamDateTime(d.handedAt) },
        { label: 'Bên giao', value: inbound ? courier : officer },
        { label: 'Bên nhận', value: inbound ? officer : courier },
        ...(d.carried !== undefined
          ? [
              { label: 'Từ trung tâm', value: d.fromUnit },
              { label: 'Đến trung tâm', value: d.toUnit },
              { label: 'Nội dung', value: d.carried },
            ]
          : [inbound ? { label: 'Kết quả từ', value: d.fromUnit } : { label: 'Chuyển đến', value: d.toUnit }]),
      ],
    },
    {
      type: 'table',
      columns: thermal
        ? [
            { title: 'TT', width: 1, align: 'center' },
            { title: 'Mã hồ sơ / Người nộp', width: 7 },
            { title: 'Số bộ', width: 2, align: 'center' },
          ]
        : [
            { title: 'TT', width: 1, align: 'center' },
            { title: 'Mã hồ sơ', width: 5 },
            { title: 'Thủ tục', width: 7 },
            { title: 'Người nộp', width: 4 },
            { title: 'Số bộ', width: 1.5, align: 'center' },
            { title: 'Ghi chú', width: 3 },
          ],
      rows: d.dossiers.map((x, i) =>
        thermal ? [String(i + 1), `${x.dossierCode}\n${x.applicantName}`, String(x.sets)] : [String(i + 1), x.dossierCode, x.procedureName, x.applicantName, String(x.sets), x.note ?? ''],
      ),
      style: { size: 'small' },
    },
    { type: 'text', text: `Tổng số: ${d.dossiers.length} hồ sơ, ${sets} bộ.`, style: { bold: true } },
    {
      type: 'text',
      text: 'Hai bên đã kiểm tra đủ số lượng và tình trạng niêm phong của từng hồ sơ trong danh sách trên.',
      style: { size: 'small' },
    },
    {
      type: 'signatures',
      parties: [
        { title: 'BÊN GIAO', note: '(Ký và ghi rõ họ tên)', name: inbound ? d.courier.name : d.officerName },
        { title: 'BÊN NHẬN', note: '(Ký và ghi rõ họ tên)', name: inbound ? d.officerName : d.courier.name },
      ],
    },
  ];
  if (thermal) blocks.push({ type: 'qr', value: d.batchCode, caption: d.batchCode });
  return makeDocument('handoverRecord', `Biên bản giao nhận ${d.batchCode}`, options, blocks);
}

function barcodeFor(batchCode: string, thermal: boolean): Block {
  const key = thermal ? batchBarcodeKey(batchCode) : undefined;
  return key ? { type: 'barcode', format: 'CODE128', value: key, caption: batchCode } : { type: 'barcode', format: 'CODE128', value: batchCode };
}
