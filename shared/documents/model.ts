// The document model: every printed thing is plain, serialisable data (it is stored in the print
// queue and rendered late), drawn two ways: to a thermal canvas and to A5/A4 HTML.

/** Which set of official forms a deployment prints: TT 01/2018/TT-VPCP or TT 03/2025/TT-VPCP. */
export type FormSet = '2018' | '2025';

/** Thermal roll (58/80 mm, 1-bit raster) or an office sheet (A5/A4 HTML). */
export type DocumentLayout = 'thermal' | 'sheet';

export type DocumentKind =
  | 'appointmentSlip'
  | 'supplementRequest'
  | 'refusal'
  | 'apology'
  | 'stopProcessing'
  | 'controlSheet'
  | 'register'
  | 'feeReceipt'
  | 'handoverRecord'
  | 'returnConfirmation'
  | 'testPage'
  | 'queueTicket';

export type TextAlign = 'left' | 'center' | 'right';
/** `display`: a queue ticket's number, read from arm's length. */
export type TextSize = 'small' | 'normal' | 'large' | 'title' | 'display';

export interface TextStyle {
  size?: TextSize;
  bold?: boolean;
  italic?: boolean;
  align?: TextAlign;
}

export interface TextBlock {
  type: 'text';
  text: string;
  style?: TextStyle;
}

/** Two-column official header: agency on the left, national motto on the right (stacked on thermal). */
export interface HeaderBlock {
  type: 'header';
  left: string[];
  right: string[];
  /** A letter's reference number line, "Số: 12/TB-TTPVHCC" or "Số: ……/……", under the agency. */
  reference?: string;
}

/** "Label: value" rows; long values wrap under themselves. */
export interface FieldsBlock {
  type: 'fields';
  rows: { label: string; value: string }[];
  style?: TextStyle;
  /** On a sheet, short rows side by side in two columns (a roll always stacks them). */
  columns?: 1 | 2;
}

export interface TableColumn {
  title: string;
  /** Relative width; the renderer scales the sum to the paper. */
  width: number;
  align?: TextAlign;
  /** On a sheet the cells never wrap (codes, dates); the widths must leave room for them. */
  nowrap?: boolean;
}

export interface TableBlock {
  type: 'table';
  columns: TableColumn[];
  rows: string[][];
  style?: TextStyle;
}

export interface RuleBlock {
  type: 'rule';
  dashed?: boolean;
}

export interface SpacerBlock {
  type: 'spacer';
  /** Height in lines of normal text. */
  lines: number;
}

export interface BarcodeBlock {
  type: 'barcode';
  format: 'CODE128';
  /** Digits only (even count) are encoded in set C; anything else in the automatic set. */
  value: string;
  /** Human-readable line under the bars; defaults to the value. */
  caption?: string;
}

export interface QrBlock {
  type: 'qr';
  value: string;
  caption?: string;
}

export interface SignatureBlock {
  type: 'signatures';
  parties: { title: string; note?: string; name?: string }[];
}

/** A 1-bit picture (a logo): rows packed MSB first, 1 = black, base64 so the document stays JSON. */
export interface ImageBlock {
  type: 'image';
  widthDots: number;
  heightDots: number;
  bitsBase64: string;
  align?: TextAlign;
}

export type Block = TextBlock | HeaderBlock | FieldsBlock | TableBlock | RuleBlock | SpacerBlock | BarcodeBlock | QrBlock | SignatureBlock | ImageBlock;

export interface PrintDocument {
  kind: DocumentKind;
  layout: DocumentLayout;
  formSet: FormSet;
  /** Short Vietnamese name for queue lists and logs, e.g. "Giấy tiếp nhận 000.00.15.H41-260112-0001". */
  title: string;
  /** Marked "BẢN IN LẠI" at the top when true. */
  reprint: boolean;
  /** A sheet turned sideways (the register's eleven columns); portrait when absent. */
  orientation?: 'portrait' | 'landscape';
  blocks: Block[];
}

export interface DocumentOptions {
  layout: DocumentLayout;
  formSet?: FormSet;
  reprint?: boolean;
  /** Mask ID numbers and phones (slips handed to the public); defaults per document. */
  maskPersonalData?: boolean;
}

export const REPRINT_MARK = 'BẢN IN LẠI';

/** Agency lines of the official header, e.g. ["UBND TỈNH NGHỆ AN", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"]. */
export interface AgencyHeader {
  parent: string;
  name: string;
}
