// A dossier or batch code is read and typed as a whole: on a roll it never breaks across lines,
// whatever the column, the font or the paper.
import { describe, expect, it } from 'vitest';
import { layoutThermal, THERMAL_WIDTH_DOTS, type PrintDocument } from '../../shared/documents';
import { nodeCanvasFactory, registerPrintFonts } from '../../electron/services/printing/nodeCanvas';
import { allDocuments, BATCH_CODE, DOSSIER_CODE } from './fixtures';

/** Codes as long as the app accepts: a 4-digit and a 6-digit sequence, the central shape. */
const LONG_CODES = ['000.00.15.H41-261207-1234', '000.00.15.H41-261207-123456', 'H41.001.02-261207-010005'];

function withCode(doc: PrintDocument, code: string): PrintDocument {
  return JSON.parse(JSON.stringify(doc).split(DOSSIER_CODE).join(code)) as PrintDocument;
}

/** The text lines of a document laid out on a roll. */
function lines(doc: PrintDocument, widthDots: number): string[] {
  registerPrintFonts();
  return layoutThermal(doc, widthDots, nodeCanvasFactory(576, 96)).ops.flatMap((op) => (op.kind === 'text' ? [op.text] : []));
}

// Documents as built for rolls; a sheet's six-column table sent to a 58 mm roll is another matter
// (the role check), and there a code breaks at a hyphen at worst.
const CASES = allDocuments({ layout: 'thermal' }).flatMap((doc) => LONG_CODES.map((code) => [doc.kind, code, withCode(doc, code)] as const));

describe.each(['58mm', '80mm'] as const)('at %s', (paper) => {
  it.each(CASES)('%s keeps %s whole', (_name, code, doc) => {
    const text = lines(doc, THERMAL_WIDTH_DOTS[paper]);
    for (const whole of [code, BATCH_CODE]) {
      if (!JSON.stringify(doc).includes(whole)) continue;
      const broken = text.filter((line) => !line.includes(whole) && line.split(' ').some((word) => word.length >= 6 && word.length < whole.length && whole.startsWith(word)));
      expect(broken).toEqual([]);
      expect(text.some((line) => line.includes(whole))).toBe(true);
    }
  });
});
