// The printer test page from the settings screen: every Vietnamese letter (12 vowels × 6 tones ×
// 2 cases + đ/Đ = 146), a CODE128 set C barcode and a QR code, so one glance proves the printer.
import { formatVietnamDateTime } from '../domain/time';
import { makeDocument } from './forms';
import type { Block, DocumentOptions, PrintDocument } from './model';

export const VIETNAMESE_VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;
/** No mark, sắc, huyền, hỏi, ngã, nặng, as combining marks composed to NFC. */
const TONE_MARKS = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;

/** The six tone forms of a vowel, precomposed (NFC), lower case. */
export function toneForms(vowel: string): string[] {
  return TONE_MARKS.map((mark) => (vowel + mark).normalize('NFC'));
}

/** All 146 letters: per vowel 6 lower-case then 6 upper-case forms, then đ and Đ. */
export const VIETNAMESE_LETTERS: readonly string[] = [
  ...VIETNAMESE_VOWELS.flatMap((v) => {
    const lower = toneForms(v);
    return [...lower, ...lower.map((l) => l.toUpperCase())];
  }),
  'đ',
  'Đ',
];

export interface TestPageData {
  printerName: string;
  paperLabel: string;
  printedAt: string;
  counterName: string;
  /** Sample values for the symbols; the defaults are a valid-looking key and code. */
  sampleBarcodeKey?: string;
  sampleDossierCode?: string;
}

export const TEST_PAGE_SAMPLE_KEY = '012601120001';
export const TEST_PAGE_SAMPLE_CODE = '000.00.15.H41-260112-0001';

export function printerTestPage(d: TestPageData, options: DocumentOptions): PrintDocument {
  const letterLines: Block[] = VIETNAMESE_VOWELS.map((v) => {
    const lower = toneForms(v);
    return { type: 'text', text: `${lower.join(' ')}   ${lower.map((l) => l.toUpperCase()).join(' ')}`, style: { size: 'large' } };
  });
  const blocks: Block[] = [
    { type: 'text', text: 'TRANG IN THỬ', style: { size: 'title', bold: true, align: 'center' } },
    {
      type: 'fields',
      rows: [
        { label: 'Máy in', value: d.printerName },
        { label: 'Khổ giấy', value: d.paperLabel },
        { label: 'Quầy', value: d.counterName },
        { label: 'Thời gian', value: formatVietnamDateTime(d.printedAt) },
      ],
      style: { size: 'small' },
    },
    { type: 'rule' },
    { type: 'text', text: 'Chữ tiếng Việt (12 nguyên âm × 6 thanh × 2 kiểu chữ, đ Đ):', style: { size: 'small', bold: true } },
    ...letterLines,
    { type: 'text', text: 'đ Đ', style: { size: 'large' } },
    { type: 'text', text: 'Trung tâm Phục vụ Hành chính công tỉnh Nghệ An', style: { bold: true, align: 'center' } },
    { type: 'text', text: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', style: { italic: true, align: 'center' } },
    { type: 'rule' },
    { type: 'barcode', format: 'CODE128', value: d.sampleBarcodeKey ?? TEST_PAGE_SAMPLE_KEY },
    { type: 'qr', value: d.sampleDossierCode ?? TEST_PAGE_SAMPLE_CODE, caption: d.sampleDossierCode ?? TEST_PAGE_SAMPLE_CODE },
    { type: 'text', text: 'Nếu thấy dấu "?" hoặc ô vuông thay cho chữ có dấu, hãy báo bộ phận CNTT.', style: { size: 'small', align: 'center' } },
  ];
  return makeDocument('testPage', `Trang in thử ${d.printerName}`, options, blocks);
}
