// The queue ticket the entrance kiosk prints: the number large enough to read at arm's length, the
// line (field or desk kind), when it was taken and how many were waiting ahead.
import { formatVietnamDateTime } from '../domain/time';
import { makeDocument } from './forms';
import type { PrintDocument } from './model';

export interface QueueTicketData {
  /** The Center's name in lines, e.g. ["TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "TỈNH NGHỆ AN"]. */
  center: string[];
  number: number;
  lineName: string;
  /** "Nộp hồ sơ" or "Nhận kết quả". */
  deskLabel: string;
  issuedAt: string;
  waitingAhead: number;
}

export function queueTicket(d: QueueTicketData): PrintDocument {
  return makeDocument('queueTicket', `Phiếu số thứ tự ${d.number}`, { layout: 'thermal' }, [
    ...d.center.map((text) => ({ type: 'text' as const, text, style: { size: 'small' as const, bold: true, align: 'center' as const } })),
    { type: 'rule' },
    { type: 'text', text: 'PHIẾU SỐ THỨ TỰ', style: { size: 'title', bold: true, align: 'center' } },
    { type: 'text', text: String(d.number), style: { size: 'display', bold: true, align: 'center' } },
    { type: 'text', text: d.lineName, style: { size: 'large', bold: true, align: 'center' } },
    { type: 'text', text: d.deskLabel, style: { align: 'center' } },
    { type: 'rule', dashed: true },
    {
      type: 'fields',
      rows: [
        { label: 'Thời gian lấy số', value: formatVietnamDateTime(d.issuedAt) },
        { label: 'Đang chờ trước bạn', value: `${d.waitingAhead} người` },
      ],
    },
    { type: 'text', text: 'Xin mời ngồi chờ; số của bạn sẽ được gọi trên màn hình và loa. Phiếu chỉ có giá trị trong ngày.', style: { size: 'small', italic: true, align: 'center' } },
  ]);
}
