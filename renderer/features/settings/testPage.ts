// The test page for one printer, in the layout its paper takes.
import { printerTestPage } from '../../../shared/documents/testPage';
import type { PrintDocument } from '../../../shared/documents/model';
import type { PrinterConfig } from '../../../shared/host';
import { PAPER_LABELS } from './printerForm';

export function isRoll(printer: Pick<PrinterConfig, 'paper'>): boolean {
  return printer.paper === '58mm' || printer.paper === '80mm';
}

export function testPageFor(printer: PrinterConfig, counterName: string, now = new Date()): PrintDocument {
  return printerTestPage({ printerName: printer.name, paperLabel: PAPER_LABELS[printer.paper], counterName, printedAt: now.toISOString() }, { layout: isRoll(printer) ? 'thermal' : 'sheet' });
}
