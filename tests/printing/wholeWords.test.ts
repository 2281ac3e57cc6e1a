// On a roll, the official header, a title and a signature heading never leave one word alone on a
// line ("CÔNG", "NAM", "QUẢ" at 58 mm),
// and a web address the citizen types from the paper is never cut inside.
import { describe, expect, it } from 'vitest';
import { controlSheet, layoutThermal, THERMAL_WIDTH_DOTS, type PrintDocument } from '../../shared/documents';
import { formatVietnamDate } from '../../shared/domain';
import { nodeCanvasFactory, registerPrintFonts } from '../../electron/services/printing/nodeCanvas';
import { allDocuments, CONTROL, FEE, SLIP } from './fixtures';

function lines(doc: PrintDocument, widthDots: number): string[] {
  registerPrintFonts();
  return layoutThermal(doc, widthDots, nodeCanvasFactory(576, 96)).ops.flatMap((op) => (op.kind === 'text' ? [op.text] : []));
}

const withHeader = allDocuments({ layout: 'thermal' }).filter((doc) => doc.blocks.some((b) => b.type === 'header'));

describe.each(['58mm', '80mm'] as const)('at %s', (paper) => {
  it.each(withHeader.map((doc) => [doc.kind, doc] as const))('%s: every header line keeps two words or more', (_kind, doc) => {
    const text = lines(doc, THERMAL_WIDTH_DOTS[paper]);
    // The header is the first block: its lines are the leading ones that belong to it.
    const block = doc.blocks[0]!;
    const headerLines = block.type === 'header' ? [...block.left.map((l) => l.toUpperCase()), block.reference ?? '', ...block.right] : [];
    const end = text.findIndex((line) => !headerLines.some((h) => h !== '' && h.includes(line)));
    const header = text.slice(0, end);
    expect(header.length).toBeGreaterThanOrEqual(4);
    expect(header.filter((line) => !line.includes(' '))).toEqual([]);
  });

  it.each(allDocuments({ layout: 'thermal' }).map((doc) => [doc.kind, doc] as const))('%s: no title or signature heading ends on one word alone', (_kind, doc) => {
    const text = lines(doc, THERMAL_WIDTH_DOTS[paper]);
    const headings = doc.blocks.flatMap((b) => (b.type === 'text' && b.style?.size === 'title' ? [b.text] : b.type === 'signatures' ? b.parties.map((p) => p.title) : []));
    for (const heading of headings.filter((h) => h.includes(' '))) {
      const at = text.findIndex((line) => heading.startsWith(line.trim()));
      if (at < 0 || text[at]!.trim() === heading) continue;
      // Wrapped: every line of it keeps two words or more.
      const wrapped: string[] = [];
      for (let i = at, rest = heading; rest !== '' && i < text.length; i++) {
        wrapped.push(text[i]!.trim());
        rest = rest.slice(text[i]!.trim().length).trim();
      }
      expect(
        wrapped.filter((line) => !line.includes(' ')),
        heading,
      ).toEqual([]);
    }
  });

  it('prints the status page, the Center’s site and the receipt lookup page whole, or too wide for the roll, broken after a slash', () => {
    const docs = allDocuments({ layout: 'thermal' }).filter((d) => d.kind === 'appointmentSlip' || d.kind === 'feeReceipt');
    const text = docs.flatMap((doc) => lines(doc, THERMAL_WIDTH_DOTS[paper]));
    for (const url of [SLIP.statusPageUrl!, SLIP.center!.website!, FEE.lookupUrl!]) {
      const lastWord = (line: string) => line.trim().split(' ').at(-1)!;
      const at = text.findIndex((line) => lastWord(line).length >= 8 && url.startsWith(lastWord(line)));
      expect(at, url).toBeGreaterThanOrEqual(0);
      const first = lastWord(text[at]!);
      if (first === url) continue;
      expect(first.endsWith('/'), `${url} broken as ${first}`).toBe(true);
      expect(first + text[at + 1]!.trim()).toBe(url);
    }
  });
});

describe.each(['58mm', '80mm'] as const)('the control sheet at %s', (paper) => {
  it('keeps every handover date whole and gives each handover both signatures', () => {
    const text = lines(controlSheet(CONTROL, { layout: 'thermal' }), THERMAL_WIDTH_DOTS[paper]);
    for (const row of CONTROL.rows) expect(text.some((line) => line.includes(formatVietnamDate(row.at)))).toBe(true);
    expect(text.filter((line) => line === 'NGƯỜI GIAO')).toHaveLength(CONTROL.rows.length);
    expect(text.filter((line) => line === 'NGƯỜI NHẬN')).toHaveLength(CONTROL.rows.length);
  });
});

describe('the control sheet on its sheet', () => {
  it('has a signature column for each side of a handover', () => {
    const table = controlSheet(CONTROL, { layout: 'sheet' }).blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.columns.map((c) => c.title)).toEqual(expect.arrayContaining(['Người giao (ký)', 'Người nhận (ký)']));
  });
});
