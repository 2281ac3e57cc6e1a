// Versioned form sets. Titles and numbering differ between TT 01/2018/TT-VPCP and TT 03/2025/TT-VPCP
// (DOMAIN.md "The forms"); a deployment picks one and every printed form names its legal basis.
import { FORM_SET_2025, legalBasis2025, type OfficialForm2025 } from './forms2025';
import type { AgencyHeader, Block, DocumentKind, DocumentLayout, DocumentOptions, FormSet, PrintDocument } from './model';

export type OfficialForm = OfficialForm2025;

interface FormEntry {
  number: string;
  title: string;
}

interface FormSetInfo {
  circular: string;
  forms: Partial<Record<OfficialForm, FormEntry>>;
}

/** NĐ 118/2025 is in force since 01/7/2025; a deployment still on the 2018 forms selects '2018'. */
export const DEFAULT_FORM_SET: FormSet = '2025';

export const FORM_SETS: Record<FormSet, FormSetInfo> = {
  '2018': {
    circular: 'Thông tư số 01/2018/TT-VPCP',
    forms: {
      receipt: { number: '01', title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ' },
      supplement: { number: '02', title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ' },
      refusal: { number: '03', title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ' },
      apology: { number: '04', title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ' },
      controlSheet: { number: '05', title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ' },
      register: { number: '06', title: 'SỔ THEO DÕI HỒ SƠ' },
    },
  },
  '2025': {
    circular: FORM_SET_2025.circular,
    forms: FORM_SET_2025.forms,
  },
};

export function formEntry(formSet: FormSet, form: OfficialForm): FormEntry {
  const entry = FORM_SETS[formSet].forms[form];
  if (!entry) throw new RangeError(`Bộ biểu mẫu ${formSet} không có mẫu "${form}".`);
  return entry;
}

/** "Mẫu 06": how a screen names a form, from the set in force, so a button says what the paper prints. */
export function formNumberLabel(formSet: FormSet, form: OfficialForm): string {
  return `Mẫu ${formEntry(formSet, form).number}`;
}

/** "Mẫu số 01 – Thông tư số 01/2018/TT-VPCP", printed in small text on each form; 2025 also names the decree. */
export function legalBasis(formSet: FormSet, form: OfficialForm): string {
  if (formSet === '2025') return legalBasis2025(form);
  return `Mẫu số ${formEntry(formSet, form).number} – ${FORM_SETS[formSet].circular}`;
}

/** The reference line of a letter until the issuing office gives it a number: "Số: ……/……". */
export const BLANK_REFERENCE = 'Số: ……/……';

/** The official header; a letter (Mẫu 02–05) carries its reference number line under the agency. */
export function officialHeader(agency: AgencyHeader, reference?: string): Block {
  return {
    type: 'header',
    left: [agency.parent.toUpperCase(), agency.name.toUpperCase()],
    right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    ...(reference ? { reference } : {}),
  };
}

export function legalBasisBlock(formSet: FormSet, form: OfficialForm): Block {
  return { type: 'text', text: legalBasis(formSet, form), style: { size: 'small', italic: true, align: 'right' } };
}

export function titleBlock(text: string): Block {
  return { type: 'text', text, style: { size: 'title', bold: true, align: 'center' } };
}

/** Fills the common fields of a document from its options. */
export function makeDocument(kind: DocumentKind, title: string, options: DocumentOptions, blocks: Block[]): PrintDocument {
  return {
    kind,
    layout: options.layout,
    formSet: options.formSet ?? DEFAULT_FORM_SET,
    title,
    reprint: options.reprint ?? false,
    blocks,
  };
}

export function isThermal(layout: DocumentLayout): boolean {
  return layout === 'thermal';
}

/** The same document marked "BẢN IN LẠI", for a reprint from the queue. */
export function markReprint(doc: PrintDocument): PrintDocument {
  return { ...doc, reprint: true };
}
