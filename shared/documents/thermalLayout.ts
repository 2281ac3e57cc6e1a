// Lays a document out on a thermal roll: a list of text and rectangle operations in printer dots,
// measured with the real font, so the canvas can be sized to the slip before anything is drawn.
import type { Canvas2D } from './canvas';
import { PRINT_FONT_FAMILY } from './canvas';
import { base64ToBytes } from './format';
import type { Block, PrintDocument, TextAlign, TextSize, TextStyle } from './model';
import { REPRINT_MARK } from './model';
import { barRuns, code128Modules, CODE128_QUIET_MODULES, qrMatrix, QR_QUIET_MODULES } from './symbols';

export type ThermalPaper = '58mm' | '80mm';

/** Printable dots across the head at 203 dpi: 48 mm and 72 mm. */
export const THERMAL_WIDTH_DOTS: Record<ThermalPaper, number> = { '58mm': 384, '80mm': 576 };

export type DrawOp = { kind: 'text'; x: number; baseline: number; text: string; font: string } | { kind: 'rect'; x: number; y: number; w: number; h: number };

export interface ThermalLayout {
  widthDots: number;
  heightDots: number;
  ops: DrawOp[];
}

const SIZES: Record<ThermalPaper, Record<TextSize, number>> = {
  '58mm': { small: 18, normal: 21, large: 24, title: 27, display: 96 },
  '80mm': { small: 20, normal: 24, large: 28, title: 32, display: 120 },
};
const MARGIN = 8;
const FEED_AFTER = 24;

function paperFor(widthDots: number): ThermalPaper {
  return widthDots <= THERMAL_WIDTH_DOTS['58mm'] ? '58mm' : '80mm';
}

/** A dossier or batch code (digits, capitals, dots, hyphens): read and typed whole, so never broken. */
const CODE_WORD = /^(?=[0-9A-Z.-]*\d)[0-9A-Z.]+(?:-[0-9A-Z.]+)+[.,;:)]?$/;
/** A web address (the status page, the Center's site): typed from the paper, so kept whole like a code. */
const URL_WORD = /^(?:https?:\/\/|www\.)\S+$/i;

const keptWhole = (word: string): boolean => CODE_WORD.test(word) || URL_WORD.test(word);

/**
 * Splits text into lines that fit `width`, breaking at spaces, inside words only when one alone is
 * too wide. A code too wide alone stays whole on its own line (the caller picks a smaller font), or
 * with `splitCodes`, the last resort, breaks at its hyphens, never inside a number.
 */
export function wrapText(text: string, width: number, measure: (t: string) => number, options: { splitCodes?: boolean } = {}): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = word;
      if (keptWhole(word)) {
        if (options.splitCodes) line = splitAtHyphens(word, width, measure, lines);
        continue;
      }
      while (measure(line) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && measure(line.slice(0, cut)) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Pushes the code's leading parts that fit as lines, each ending at a hyphen (a web address's also at a slash); returns the rest. */
function splitAtHyphens(code: string, width: number, measure: (t: string) => number, lines: string[]): string {
  const parts = code.split(URL_WORD.test(code) ? /(?<=\/)(?!\/)/ : /(?<=-)/);
  let line = '';
  for (const part of parts) {
    if (line !== '' && measure(line + part) > width) {
      lines.push(line);
      line = part;
    } else {
      line += part;
    }
  }
  return line;
}

const SIZES_DOWN: readonly TextSize[] = ['display', 'title', 'large', 'normal', 'small'];

class Layouter {
  readonly ops: DrawOp[] = [];
  y = MARGIN;
  private currentFont = '';
  private readonly sizes: Record<TextSize, number>;
  readonly width: number;
  readonly inner: number;

  constructor(
    private readonly ctx: Canvas2D,
    widthDots: number,
    private readonly family: string,
  ) {
    this.width = widthDots;
    this.inner = widthDots - 2 * MARGIN;
    this.sizes = SIZES[paperFor(widthDots)];
  }

  font(style: TextStyle = {}): { font: string; px: number } {
    const px = this.sizes[style.size ?? 'normal'];
    const font = `${style.italic ? 'italic ' : ''}${style.bold ? 'bold ' : ''}${px}px "${this.family}"`;
    return { font, px };
  }

  measure(text: string, font: string): number {
    if (this.currentFont !== font) {
      this.ctx.font = font;
      this.currentFont = font;
    }
    return this.ctx.measureText(text).width;
  }

  /** Line pitch leaves room for stacked Vietnamese marks (Ể, Ặ) above and descenders below. */
  lineHeight(px: number): number {
    return Math.round(px * 1.45);
  }

  /**
   * The text's lines at the largest size, not above the style's, at which every code fits whole on
   * a line; at the smallest size a code still too wide breaks at its hyphens.
   */
  fitLines(text: string, style: TextStyle, width: number): { lines: string[]; font: string; px: number } {
    const sizes = SIZES_DOWN.slice(SIZES_DOWN.indexOf(style.size ?? 'normal'));
    for (const size of sizes) {
      const { font, px } = this.font({ ...style, size });
      const measure = (t: string) => this.measure(t, font);
      const lines = wrapText(text, width, measure);
      if (lines.every((line) => measure(line) <= width || !keptWhole(line.split(' ').at(-1) ?? ''))) return { lines, font, px };
      if (size === 'small') return { lines: wrapText(text, width, measure, { splitCodes: true }), font, px };
    }
    const { font, px } = this.font(style);
    return { lines: wrapText(text, width, (t) => this.measure(t, font)), font, px };
  }

  /**
   * The same number of lines as `lines`, each as even as they can be: the narrowest width that
   * still wraps into that many, so a header never ends on one word alone ("CÔNG", "NAM").
   */
  balance(text: string, lines: string[], font: string, width: number): string[] {
    if (lines.length < 2) return lines;
    const measure = (t: string) => this.measure(t, font);
    let lo = Math.floor(width / lines.length);
    let hi = width;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      const trial = wrapText(text, mid, measure);
      if (trial.length <= lines.length && trial.every((line) => measure(line) <= mid)) hi = mid;
      else lo = mid + 1;
    }
    return wrapText(text, hi, measure);
  }

  textLines(text: string, style: TextStyle, x0: number, width: number, y0: number, options: { balance?: boolean } = {}): number {
    const fitted = this.fitLines(text, style, width);
    const { font, px } = fitted;
    const lines = options.balance ? this.balance(text, fitted.lines, font, width) : fitted.lines;
    let y = y0;
    for (const line of lines) {
      const w = this.measure(line, font);
      const x = alignX(style.align ?? 'left', x0, width, w);
      if (line !== '') this.ops.push({ kind: 'text', x, baseline: y + Math.round(px * 1.1), text: line, font });
      y += this.lineHeight(px);
    }
    return y;
  }

  rect(x: number, y: number, w: number, h: number): void {
    this.ops.push({ kind: 'rect', x, y, w, h });
  }

  rule(dashed = false): void {
    this.y += 6;
    if (dashed) {
      for (let x = MARGIN; x < this.width - MARGIN; x += 12) this.rect(x, this.y, Math.min(6, this.width - MARGIN - x), 2);
    } else {
      this.rect(MARGIN, this.y, this.inner, 2);
    }
    this.y += 8;
  }
}

function alignX(align: TextAlign, x0: number, width: number, textWidth: number): number {
  if (align === 'center') return Math.round(x0 + (width - textWidth) / 2);
  if (align === 'right') return Math.round(x0 + width - textWidth);
  return x0;
}

function layoutBlock(l: Layouter, block: Block): void {
  switch (block.type) {
    case 'text':
      // A title wraps into even lines, as a header does: never one word alone ("QUẢ").
      l.y = l.textLines(block.text, block.style ?? {}, MARGIN, l.inner, l.y, { balance: block.style?.size === 'title' });
      return;
    case 'header': {
      block.left.forEach((line, i) => {
        l.y = l.textLines(line, { align: 'center', bold: i > 0, size: 'small' }, MARGIN, l.inner, l.y, { balance: true });
      });
      if (block.reference) l.y = l.textLines(block.reference, { align: 'center', size: 'small' }, MARGIN, l.inner, l.y);
      l.y += 4;
      block.right.forEach((line) => {
        l.y = l.textLines(line, { align: 'center', bold: true, size: 'small' }, MARGIN, l.inner, l.y, { balance: true });
      });
      l.rule(true);
      return;
    }
    case 'fields':
      for (const row of block.rows) layoutField(l, row.label, row.value, block.style ?? {});
      return;
    case 'table':
      layoutTable(l, block.columns, block.rows, block.style ?? { size: 'small' });
      return;
    case 'rule':
      l.rule(block.dashed);
      return;
    case 'spacer':
      l.y += Math.round(block.lines * l.lineHeight(l.font().px));
      return;
    case 'barcode':
      layoutBarcode(l, block.value, block.caption ?? block.value);
      return;
    case 'qr':
      layoutQr(l, block.value, block.caption);
      return;
    case 'signatures':
      layoutSignatures(l, block.parties);
      return;
    case 'image':
      layoutImage(l, block.widthDots, block.heightDots, block.bitsBase64, block.align ?? 'center');
      return;
  }
}

function layoutField(l: Layouter, label: string, value: string, style: TextStyle): void {
  const labelFont = l.font({ ...style, bold: true });
  const valueFont = l.font({ ...style, bold: false });
  const labelText = `${label}: `;
  const labelWidth = l.measure(labelText, labelFont.font);
  const lineHeight = l.lineHeight(labelFont.px);
  l.ops.push({ kind: 'text', x: MARGIN, baseline: l.y + Math.round(labelFont.px * 1.1), text: labelText, font: labelFont.font });
  const lines = wrapText(value, l.inner - labelWidth, (t) => l.measure(t, valueFont.font));
  // A long label, or a code too wide beside it, pushes the value to its own lines, indented.
  if (labelWidth > l.inner * 0.55 || lines.some((line) => l.measure(line, valueFont.font) > l.inner - labelWidth)) {
    l.y = l.textLines(value, { ...style, bold: false }, MARGIN + 16, l.inner - 16, l.y + lineHeight);
    return;
  }
  lines.forEach((line, i) => {
    if (line !== '') {
      l.ops.push({
        kind: 'text',
        x: Math.round(MARGIN + labelWidth),
        baseline: l.y + i * lineHeight + Math.round(valueFont.px * 1.1),
        text: line,
        font: valueFont.font,
      });
    }
  });
  l.y += lines.length * lineHeight;
}

/** Two digits and the gap at the small size: a row number still fits. */
const MIN_COLUMN_DOTS = 28;

/** Widths by weight, but a column holding a code gets room for it whole at the smallest size, taken from the others. */
function columnWidths(l: Layouter, columns: { width: number }[], rows: string[][], style: TextStyle, gap: number): number[] {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => Math.floor((c.width / total) * l.inner));
  const { font } = l.font({ ...style, size: 'small' });
  const need = columns.map((_, i) =>
    Math.max(
      0,
      ...rows.flatMap((row) =>
        (row[i] ?? '')
          .split(/\s+/)
          .filter((word) => CODE_WORD.test(word))
          .map((code) => Math.ceil(l.measure(code, font)) + gap),
      ),
    ),
  );
  const deficit = need.reduce((sum, n, i) => sum + Math.max(0, n - widths[i]!), 0);
  const spare = widths.reduce((sum, w, i) => (need[i]! > 0 ? sum : sum + w), 0);
  const narrowed = widths.map((w, i) => (need[i]! > 0 ? Math.max(w, need[i]!) : w - Math.ceil((deficit * w) / spare)));
  // Only while every other column keeps room for a short word.
  return deficit === 0 || narrowed.some((w, i) => need[i] === 0 && w < Math.min(widths[i]!, MIN_COLUMN_DOTS)) ? widths : narrowed;
}

function layoutTable(l: Layouter, columns: { title: string; width: number; align?: TextAlign }[], rows: string[][], style: TextStyle): void {
  const gap = 6;
  const widths = columnWidths(l, columns, rows, style, gap);
  const xs: number[] = [];
  widths.reduce((x, w) => (xs.push(x), x + w), MARGIN);
  const drawRow = (cells: string[], bold: boolean): void => {
    let bottom = l.y;
    cells.forEach((cell, i) => {
      const cellStyle: TextStyle = { ...style, bold, align: columns[i]?.align ?? 'left' };
      bottom = Math.max(bottom, l.textLines(cell, cellStyle, xs[i]!, widths[i]! - gap, l.y));
    });
    l.y = bottom;
  };
  l.rect(MARGIN, l.y, l.inner, 2);
  l.y += 4;
  drawRow(
    columns.map((c) => c.title),
    true,
  );
  l.rect(MARGIN, l.y, l.inner, 1);
  l.y += 4;
  for (const row of rows) drawRow(row, false);
  l.rect(MARGIN, l.y + 2, l.inner, 2);
  l.y += 8;
}

/**
 * Ink spread or a worn head moves every bar edge by a dot: a 1-dot bar vanishes, and a CODE128 at
 * 2-dot modules no longer decodes either way (tests/printing/barcodeDegrade.test.ts); 3 dots do.
 */
export const MIN_BARCODE_MODULE_DOTS = 3;

/** Module width: as wide as fits the head, at most 4 dots (3 at 58 mm for a 12-digit key), never under 3. */
function layoutBarcode(l: Layouter, value: string, caption: string): void {
  const modules = code128Modules(value);
  const span = modules.length + 2 * CODE128_QUIET_MODULES;
  const module = Math.min(4, Math.floor(l.width / span));
  // Too long for this head (a sheet's full code sent to a roll): the code in words reads, thin bars would not.
  if (module < MIN_BARCODE_MODULE_DOTS) {
    l.y = l.textLines(caption, { align: 'center', size: 'small' }, MARGIN, l.inner, l.y + 8);
    return;
  }
  const height = l.width <= THERMAL_WIDTH_DOTS['58mm'] ? 72 : 88;
  const x0 = Math.round((l.width - modules.length * module) / 2);
  l.y += 8;
  for (const [start, length] of barRuns(modules)) l.rect(x0 + start * module, l.y, length * module, height);
  l.y += height + 4;
  if (caption !== '') l.y = l.textLines(caption, { align: 'center', size: 'small' }, MARGIN, l.inner, l.y);
}

/** 4 dots (0.5 mm) per module keeps a version-2 code about 12 mm wide with its quiet zone. */
function layoutQr(l: Layouter, value: string, caption: string | undefined): void {
  const { size, dark } = qrMatrix(value);
  const module = Math.max(2, Math.min(4, Math.floor(l.width / (size + 2 * QR_QUIET_MODULES))));
  const x0 = Math.round((l.width - size * module) / 2);
  const y0 = l.y + QR_QUIET_MODULES * module;
  for (let row = 0; row < size; row++) {
    let start = -1;
    for (let col = 0; col <= size; col++) {
      const on = col < size && dark[row * size + col] === true;
      if (on && start < 0) start = col;
      if (!on && start >= 0) {
        l.rect(x0 + start * module, y0 + row * module, (col - start) * module, module);
        start = -1;
      }
    }
  }
  l.y = y0 + size * module + QR_QUIET_MODULES * module;
  if (caption) l.y = l.textLines(caption, { align: 'center', size: 'small' }, MARGIN, l.inner, l.y);
}

function layoutSignatures(l: Layouter, parties: { title: string; note?: string; name?: string }[]): void {
  const n = Math.max(1, parties.length);
  const colWidth = Math.floor(l.inner / n);
  let bottom = l.y;
  parties.forEach((party, i) => {
    const x = MARGIN + i * colWidth;
    let y = l.textLines(party.title, { align: 'center', bold: true, size: 'small' }, x, colWidth - 4, l.y, { balance: true });
    if (party.note) y = l.textLines(party.note, { align: 'center', italic: true, size: 'small' }, x, colWidth - 4, y);
    y += 3 * l.lineHeight(l.font({ size: 'small' }).px);
    if (party.name) y = l.textLines(party.name, { align: 'center', bold: true, size: 'small' }, x, colWidth - 4, y);
    bottom = Math.max(bottom, y);
  });
  l.y = bottom;
}

function layoutImage(l: Layouter, width: number, height: number, bitsBase64: string, align: TextAlign): void {
  const bits = base64ToBytes(bitsBase64);
  const stride = Math.ceil(width / 8);
  const x0 = alignX(align, MARGIN, l.inner, Math.min(width, l.inner));
  for (let row = 0; row < height; row++) {
    let start = -1;
    for (let col = 0; col <= width; col++) {
      const on = col < width && col < l.inner && ((bits[row * stride + (col >> 3)] ?? 0) & (0x80 >> (col & 7))) !== 0;
      if (on && start < 0) start = col;
      if (!on && start >= 0) {
        l.rect(x0 + start, l.y + row, col - start, 1);
        start = -1;
      }
    }
  }
  l.y += height + 4;
}

function layoutReprintMark(l: Layouter): void {
  const { px } = l.font({ size: 'large', bold: true });
  const top = l.y;
  const boxHeight = l.lineHeight(px) + 8;
  l.rect(MARGIN, top, l.inner, 3);
  l.rect(MARGIN, top + boxHeight - 3, l.inner, 3);
  l.rect(MARGIN, top, 3, boxHeight);
  l.rect(MARGIN + l.inner - 3, top, 3, boxHeight);
  l.textLines(REPRINT_MARK, { size: 'large', bold: true, align: 'center' }, MARGIN, l.inner, top + 4);
  l.y = top + boxHeight + 8;
}

/** Measures with `ctx` (any context: its size does not matter) and returns the operations and slip height. */
export function layoutThermal(doc: PrintDocument, widthDots: number, ctx: Canvas2D, family = PRINT_FONT_FAMILY): ThermalLayout {
  const l = new Layouter(ctx, widthDots, family);
  if (doc.reprint) layoutReprintMark(l);
  for (const block of doc.blocks) layoutBlock(l, block);
  return { widthDots, heightDots: l.y + FEED_AFTER, ops: l.ops };
}
