// A5/A4 layout: the document as one self-contained HTML page with print CSS, barcodes and QR codes
// as inline SVG (exact modules at any printer resolution), printed by the system printer or to PDF.
import { base64ToBytes } from './format';
import type { Block, PrintDocument, TextStyle } from './model';
import { REPRINT_MARK } from './model';
import { barRuns, code128Modules, CODE128_QUIET_MODULES, qrMatrix, QR_QUIET_MODULES } from './symbols';

export type SheetPaper = 'A5' | 'A4';

export interface HtmlRenderOptions {
  /** URLs (file:, http: or data:) of the bundled Noto Sans faces; without them the system's Noto Sans is used. */
  fonts?: { regular: string; bold?: string; italic?: string };
}

/** Text sizes relative to the sheet's body size (10 pt on A5, 11 pt on A4), so an A5 form keeps its proportions on one page. */
const SIZE_EM: Record<NonNullable<TextStyle['size']>, number> = { small: 0.82, normal: 1, large: 1.18, title: 1.27, display: 4 };
/** CODE128 module width on paper: 0.25 mm (10 mil, read by any 1D scanner on a laser print) keeps the full 25-character code under 80 mm, room for the QR beside it on A5. */
const BAR_MODULE_MM = 0.25;
const BAR_HEIGHT_MM = 10;
const QR_MODULE_MM = 0.5;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function styleAttr(style: TextStyle | undefined): string {
  const s = style ?? {};
  const css = [`font-size:${SIZE_EM[s.size ?? 'normal']}em`];
  if (s.bold) css.push('font-weight:700');
  if (s.italic) css.push('font-style:italic');
  if (s.align) css.push(`text-align:${s.align}`);
  // A title never ends on one word alone («QUYẾT»).
  if (s.size === 'title') css.push('text-wrap:balance');
  return ` style="${css.join(';')}"`;
}

function textHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

function barcodeSvg(value: string, caption: string): string {
  const modules = code128Modules(value);
  const span = modules.length + 2 * CODE128_QUIET_MODULES;
  const rects = barRuns(modules)
    .map(([start, len]) => `<rect x="${start + CODE128_QUIET_MODULES}" y="0" width="${len}" height="1"/>`)
    .join('');
  return (
    `<div class="symbol"><svg xmlns="http://www.w3.org/2000/svg" width="${(span * BAR_MODULE_MM).toFixed(2)}mm" height="${BAR_HEIGHT_MM}mm" ` +
    `viewBox="0 0 ${span} 1" preserveAspectRatio="none" shape-rendering="crispEdges" data-barcode="${escapeHtml(value)}">${rects}</svg>` +
    `<div class="caption">${escapeHtml(caption)}</div></div>`
  );
}

function qrSvg(value: string, caption: string | undefined): string {
  const { size, dark } = qrMatrix(value);
  const span = size + 2 * QR_QUIET_MODULES;
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (dark[row * size + col]) path += `M${col + QR_QUIET_MODULES} ${row + QR_QUIET_MODULES}h1v1h-1z`;
    }
  }
  const mm = (span * QR_MODULE_MM).toFixed(2);
  return (
    `<div class="symbol"><svg xmlns="http://www.w3.org/2000/svg" width="${mm}mm" height="${mm}mm" viewBox="0 0 ${span} ${span}" ` +
    `shape-rendering="crispEdges" data-qr="${escapeHtml(value)}"><path d="${path}"/></svg>` +
    (caption ? `<div class="caption">${escapeHtml(caption)}</div>` : '') +
    `</div>`
  );
}

function imageSvg(widthDots: number, heightDots: number, bitsBase64: string, align: string): string {
  const bits = base64ToBytes(bitsBase64);
  const stride = Math.ceil(widthDots / 8);
  let path = '';
  for (let y = 0; y < heightDots; y++) {
    let start = -1;
    for (let x = 0; x <= widthDots; x++) {
      const on = x < widthDots && ((bits[y * stride + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
      if (on && start < 0) start = x;
      if (!on && start >= 0) {
        path += `M${start} ${y}h${x - start}v1h-${x - start}z`;
        start = -1;
      }
    }
  }
  // 203 dpi dots → mm, so a logo drawn for the roll has the same size on paper.
  const mm = (dots: number): string => ((dots * 25.4) / 203).toFixed(2);
  return `<div style="text-align:${align}"><svg xmlns="http://www.w3.org/2000/svg" width="${mm(widthDots)}mm" height="${mm(heightDots)}mm" viewBox="0 0 ${widthDots} ${heightDots}"><path d="${path}"/></svg></div>`;
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'text':
      return `<p${styleAttr(block.style)}>${textHtml(block.text)}</p>`;
    case 'header':
      return (
        `<table class="header"><tr><td>${block.left.map((l, i) => `<div>${i === 0 ? textHtml(l) : `<b>${textHtml(l)}</b>`}</div>`).join('')}<div class="underline"></div>${block.reference ? `<div class="reference">${textHtml(block.reference)}</div>` : ''}</td>` +
        `<td>${block.right.map((l) => `<div><b>${textHtml(l)}</b></div>`).join('')}<div class="underline"></div></td></tr></table>`
      );
    case 'fields': {
      const rows = block.rows.map((r) => `<p class="field"${styleAttr(block.style)}><b>${escapeHtml(r.label)}:</b> ${textHtml(r.value)}</p>`).join('');
      return block.columns === 2 ? `<div class="pairs">${rows}</div>` : rows;
    }
    case 'table': {
      const total = block.columns.reduce((s, c) => s + c.width, 0);
      const cols = block.columns.map((c) => `<col style="width:${((c.width / total) * 100).toFixed(1)}%">`).join('');
      const head = block.columns.map((c) => `<th>${escapeHtml(c.title)}</th>`).join('');
      const cellStyle = (i: number): string => `text-align:${block.columns[i]?.align ?? 'left'}${block.columns[i]?.nowrap ? ';white-space:nowrap' : ''}`;
      const body = block.rows.map((row) => `<tr>${row.map((cell, i) => `<td style="${cellStyle(i)}">${textHtml(cell)}</td>`).join('')}</tr>`).join('');
      return `<table class="grid"${styleAttr(block.style ?? { size: 'small' })}><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
    }
    case 'rule':
      return `<hr${block.dashed ? ' class="dashed"' : ''}>`;
    case 'spacer':
      return `<div style="height:${block.lines * 1.4}em"></div>`;
    case 'barcode':
      return barcodeSvg(block.value, block.caption ?? block.value);
    case 'qr':
      return qrSvg(block.value, block.caption);
    case 'signatures':
      return (
        `<div class="signatures">` +
        block.parties
          .map(
            (p) =>
              `<div class="party"><b>${escapeHtml(p.title)}</b>${p.note ? `<br><i>${escapeHtml(p.note)}</i>` : ''}<div class="sign-space"></div>${p.name ? `<b>${escapeHtml(p.name)}</b>` : ''}</div>`,
          )
          .join('') +
        `</div>`
      );
    case 'image':
      return imageSvg(block.widthDots, block.heightDots, block.bitsBase64, block.align ?? 'center');
  }
}

function fontFaces(fonts: HtmlRenderOptions['fonts']): string {
  if (!fonts) return '';
  const face = (url: string, weight: number, style: string): string => `@font-face{font-family:"Noto Sans";src:url("${url}") format("truetype");font-weight:${weight};font-style:${style};}`;
  return [face(fonts.regular, 400, 'normal'), fonts.bold ? face(fonts.bold, 700, 'normal') : '', fonts.italic ? face(fonts.italic, 400, 'italic') : ''].join('');
}

/** The whole page: `@page` sets the sheet, so the browser's print dialog and PDF output agree. */
export function renderDocumentHtml(doc: PrintDocument, paper: SheetPaper, options: HtmlRenderOptions = {}): string {
  const margin = paper === 'A5' ? '10mm 10mm 10mm 13mm' : '15mm 15mm 15mm 20mm';
  const css =
    fontFaces(options.fonts) +
    `@page{size:${paper}${doc.orientation === 'landscape' ? ' landscape' : ''};margin:${margin};}` +
    `html,body{margin:0;padding:0;background:#fff;color:#000;}` +
    `body{font-family:"Noto Sans",sans-serif;font-size:${paper === 'A5' ? '10pt' : '11pt'};line-height:${paper === 'A5' ? 1.22 : 1.35};}` +
    `p{margin:0 0 ${paper === 'A5' ? 0.5 : 1.5}mm 0;}` +
    `.header{width:100%;border-collapse:collapse;margin-bottom:2mm;font-size:0.9em;}` +
    `.header td{width:50%;text-align:center;vertical-align:top;padding:0;}.header td div{text-wrap:balance;}` +
    `.underline{width:30%;margin:1mm auto 0;border-top:1px solid #000;}.reference{margin-top:1.5mm;}` +
    `.grid{width:100%;border-collapse:collapse;table-layout:fixed;margin:2mm 0;}` +
    `.grid th,.grid td{border:0.3mm solid #000;padding:0.6mm 1.2mm;vertical-align:top;overflow-wrap:break-word;}.grid th{overflow-wrap:normal;hyphens:none;}` +
    `.grid thead{display:table-header-group;}.grid tr{break-inside:avoid;}` +
    `hr{border:0;border-top:0.3mm solid #000;margin:2mm 0;}hr.dashed{border-top-style:dashed;}` +
    `.symbol{text-align:center;margin:1.5mm 0;break-inside:avoid;}.symbol svg{display:block;margin:0 auto;}` +
    `.caption{font-size:0.82em;letter-spacing:0.3pt;}` +
    `.signatures{display:flex;justify-content:space-around;margin-top:3mm;text-align:center;font-size:0.92em;break-inside:avoid;}` +
    `.party{flex:1;}.sign-space{height:${paper === 'A5' ? 12 : 18}mm;}` +
    `.keep{break-inside:avoid;}.pairs{display:grid;grid-template-columns:repeat(2,auto);justify-content:start;column-gap:10mm;}` +
    `.with-qr{display:flex;align-items:center;gap:4mm;break-inside:avoid;}.with-qr-text{flex:1;min-width:0;overflow-wrap:anywhere;}.with-qr .symbol{margin:0;flex:0 0 32mm;}` +
    // Beside the bars the QR's caption goes to its right, so the row is no taller than the QR.
    `.beside-bars>.symbol{flex:0 0 auto;display:flex;align-items:center;gap:2mm;text-align:left;max-width:48mm;}.beside-bars>.symbol .caption{flex:1;}` +
    `.reprint{border:0.6mm solid #000;text-align:center;font-weight:700;font-size:13pt;padding:1mm;margin-bottom:3mm;}`;
  const reprint = doc.reprint ? `<div class="reprint">${REPRINT_MARK}</div>` : '';
  return (
    `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title>` +
    `<style>${css}</style></head><body data-kind="${doc.kind}" data-paper="${paper}">${reprint}${bodyHtml(doc.blocks)}</body></html>`
  );
}

/**
 * The blocks in order, with two pairings that keep a sheet short and whole: a QR right after some
 * fields or a barcode stands beside them (the lookup code and its QR, the code's two symbols), and the signatures are kept on the page of
 * the block before them, so a long procedure name never leaves them alone on page 2.
 */
function bodyHtml(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    if ((block.type === 'fields' || block.type === 'barcode') && next?.type === 'qr') {
      out.push(`<div class="with-qr${block.type === 'barcode' ? ' beside-bars' : ''}"><div class="with-qr-text">${blockHtml(block)}</div>${blockHtml(next)}</div>`);
      i++;
    } else if (next?.type === 'signatures') {
      out.push(`<div class="keep">${blockHtml(block)}${blockHtml(next)}</div>`);
      i++;
    } else {
      out.push(blockHtml(block));
    }
  }
  return out.join('');
}

/** The sheet each document is drawn for: the handover list, the register and the test page on A4, the letters on A5. */
export function defaultSheetPaper(doc: PrintDocument): SheetPaper {
  return doc.kind === 'handoverRecord' || doc.kind === 'testPage' || doc.kind === 'register' ? 'A4' : 'A5';
}
