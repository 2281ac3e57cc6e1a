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

const SIZE_PT: Record<NonNullable<TextStyle['size']>, number> = { small: 9, normal: 11, large: 13, title: 14 };
/** CODE128 module width on paper: 0.3 mm keeps the full 25-character code under 100 mm. */
const BAR_MODULE_MM = 0.3;
const BAR_HEIGHT_MM = 12;
const QR_MODULE_MM = 0.6;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function styleAttr(style: TextStyle | undefined): string {
  const s = style ?? {};
  const css = [`font-size:${SIZE_PT[s.size ?? 'normal']}pt`];
  if (s.bold) css.push('font-weight:700');
  if (s.italic) css.push('font-style:italic');
  if (s.align) css.push(`text-align:${s.align}`);
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
        `<table class="header"><tr><td>${block.left.map((l, i) => (i === 0 ? textHtml(l) : `<b>${textHtml(l)}</b>`)).join('<br>')}<div class="underline"></div></td>` +
        `<td><b>${block.right.map(textHtml).join('<br>')}</b><div class="underline"></div></td></tr></table>`
      );
    case 'fields':
      return block.rows.map((r) => `<p class="field"${styleAttr(block.style)}><b>${escapeHtml(r.label)}:</b> ${textHtml(r.value)}</p>`).join('');
    case 'table': {
      const total = block.columns.reduce((s, c) => s + c.width, 0);
      const cols = block.columns.map((c) => `<col style="width:${((c.width / total) * 100).toFixed(1)}%">`).join('');
      const head = block.columns.map((c) => `<th>${escapeHtml(c.title)}</th>`).join('');
      const body = block.rows.map((row) => `<tr>${row.map((cell, i) => `<td style="text-align:${block.columns[i]?.align ?? 'left'}">${textHtml(cell)}</td>`).join('')}</tr>`).join('');
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
  const margin = paper === 'A5' ? '12mm 12mm 12mm 15mm' : '15mm 15mm 15mm 20mm';
  const css =
    fontFaces(options.fonts) +
    `@page{size:${paper};margin:${margin};}` +
    `html,body{margin:0;padding:0;background:#fff;color:#000;}` +
    `body{font-family:"Noto Sans",sans-serif;font-size:11pt;line-height:1.35;}` +
    `p{margin:0 0 1.5mm 0;}` +
    `.header{width:100%;border-collapse:collapse;margin-bottom:3mm;font-size:10pt;}` +
    `.header td{width:50%;text-align:center;vertical-align:top;padding:0;}` +
    `.underline{width:30%;margin:1mm auto 0;border-top:1px solid #000;}` +
    `.grid{width:100%;border-collapse:collapse;table-layout:fixed;margin:2mm 0;}` +
    `.grid th,.grid td{border:0.3mm solid #000;padding:1mm 1.5mm;vertical-align:top;word-wrap:break-word;}` +
    `.grid thead{display:table-header-group;}.grid tr{break-inside:avoid;}` +
    `hr{border:0;border-top:0.3mm solid #000;margin:2mm 0;}hr.dashed{border-top-style:dashed;}` +
    `.symbol{text-align:center;margin:2mm 0;break-inside:avoid;}.symbol svg{display:block;margin:0 auto;}` +
    `.caption{font-size:9pt;letter-spacing:0.3pt;}` +
    `.signatures{display:flex;justify-content:space-around;margin-top:4mm;text-align:center;font-size:10pt;break-inside:avoid;}` +
    `.party{flex:1;}.sign-space{height:18mm;}` +
    `.reprint{border:0.6mm solid #000;text-align:center;font-weight:700;font-size:13pt;padding:1mm;margin-bottom:3mm;}`;
  const reprint = doc.reprint ? `<div class="reprint">${REPRINT_MARK}</div>` : '';
  return (
    `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title>` +
    `<style>${css}</style></head><body data-kind="${doc.kind}" data-paper="${paper}">${reprint}${doc.blocks.map(blockHtml).join('')}</body></html>`
  );
}

/** The sheet each document is drawn for: the handover list, the register and the test page on A4, the letters on A5. */
export function defaultSheetPaper(doc: PrintDocument): SheetPaper {
  return doc.kind === 'handoverRecord' || doc.kind === 'testPage' || doc.kind === 'register' ? 'A4' : 'A5';
}
