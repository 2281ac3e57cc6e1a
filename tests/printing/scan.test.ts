// A printed slip's barcode and QR, decoded from the virtual printer's image, give back the dossier code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyScan, dossierCodeFromBarcodeKey, parseDossierBarcodeKey } from '../../shared/codes';
import { appointmentSlip, feeReceipt, returnConfirmation } from '../../shared/documents';
import { toRasterJob } from '../../shared/documents/thermalRender';
import type { PrinterConfig } from '../../shared/host';
import { createPrinterService } from '../../electron/services/printing';
import { renderThermalNode } from '../../electron/services/printing/nodeCanvas';
import { rasterToPng } from '../../electron/services/printing/png';
import { startVirtualPrinter, type VirtualPrinter } from '../../electron/services/printing/virtualPrinter';
import { decodeSymbol } from './decode';
import { DOSSIER_CODE, FEE, RETURN_CONFIRMATION, SLIP } from './fixtures';

/** The deployment's agency table: index 01 is the Center. */
const AGENCIES = ['000.00.00.H41', '000.00.15.H41'];

let printer: VirtualPrinter;
beforeAll(async () => {
  printer = await startVirtualPrinter({ outDir: 'test-artifacts/printing/scan-printer' });
});
afterAll(() => printer.stop());

describe.each(['58mm', '80mm'] as const)('slip printed at %s', (paper) => {
  it('scans back to its dossier code, from the CODE128 key and from the QR', async () => {
    const config: PrinterConfig = { id: paper, name: `Máy in ${paper}`, transport: 'virtual', address: printer.address, paper, roles: ['slip'], copies: {} };
    const service = createPrinterService(() => ({ serverUrl: '', counterName: 'Quầy 3', printers: [config] }));
    const before = printer.jobs.length;
    const raster = renderThermalNode(appointmentSlip(SLIP, { layout: 'thermal' }), paper);
    const outcome = await service.printRaster(toRasterJob(raster, { jobId: `slip-${paper}`, printerId: paper }));
    expect(outcome.ok).toBe(true);
    await printer.waitForJobs(before + 1);
    const job = printer.jobs[before]!;
    expect(job.textBytes).toBe(0);
    expect(job.raster.widthDots).toBe(paper === '58mm' ? 384 : 576);

    const key = decodeSymbol(job.png, 'CODE_128');
    const parts = parseDossierBarcodeKey(key);
    expect(parts.ok).toBe(true);
    if (!parts.ok) return;
    const fromKey = dossierCodeFromBarcodeKey(parts.value, AGENCIES);
    expect(fromKey).toEqual({ ok: true, value: DOSSIER_CODE });

    const qr = decodeSymbol(job.png, 'QR_CODE');
    // The status page with the code, and the dossier's status secret beside it.
    expect(qr).toBe(`${SLIP.statusPageUrl}/${DOSSIER_CODE}?k=${SLIP.statusSecret}`);
    const scanned = classifyScan(qr);
    expect(scanned.kind).toBe('dossierCode');
    if (scanned.kind === 'dossierCode') expect(scanned.parts.code).toBe(DOSSIER_CODE);
  });
});

describe.each(['58mm', '80mm'] as const)('return confirmation at %s', (paper) => {
  it('scans back to its dossier code, from the CODE128 key and from the QR', () => {
    const png = rasterToPng(renderThermalNode(returnConfirmation(RETURN_CONFIRMATION, { layout: 'thermal' }), paper));
    const parts = parseDossierBarcodeKey(decodeSymbol(png, 'CODE_128'));
    expect(parts.ok && dossierCodeFromBarcodeKey(parts.value, AGENCIES)).toEqual({ ok: true, value: DOSSIER_CODE });
    expect(decodeSymbol(png, 'QR_CODE')).toBe(`${RETURN_CONFIRMATION.statusPageUrl}/${DOSSIER_CODE}`);
  });
});

describe.each(['58mm', '80mm'] as const)('fee receipt at %s', (paper) => {
  it('decodes to the lookup page with the receipt’s lookup code', () => {
    const png = rasterToPng(renderThermalNode(feeReceipt(FEE, { layout: 'thermal' }), paper));
    expect(decodeSymbol(png, 'QR_CODE')).toBe(`${FEE.lookupUrl}?ma=EBL01-26TAA-00000125`);
  });
});

describe.each(['58mm', '80mm'] as const)('a slip whose code has no key, at %s', (paper) => {
  it('prints with its QR and no CODE128', () => {
    const code = 'H41.001.02-261207-010005';
    const png = rasterToPng(renderThermalNode(appointmentSlip({ ...SLIP, dossierCode: code, barcodeKey: undefined, statusSecret: undefined }, { layout: 'thermal' }), paper));
    expect(decodeSymbol(png, 'QR_CODE')).toBe(`${SLIP.statusPageUrl}/${code}`);
    expect(() => decodeSymbol(png, 'CODE_128')).toThrow();
  });
});
