// A printer as slow as real ones: a 16 KB buffer, 90–250 mm/s, a status reply only once the job has
// drained into the buffer. Every slip comes out once, and a slow one is not reported failed.
import { afterEach, describe, expect, it } from 'vitest';
import { appointmentSlip } from '../../shared/documents';
import { toRasterJob } from '../../shared/documents/thermalRender';
import type { PrinterConfig } from '../../shared/host';
import { createPrinterService } from '../../electron/services/printing';
import { renderThermalNode } from '../../electron/services/printing/nodeCanvas';
import { startVirtualPrinter, type VirtualPrinter } from '../../electron/services/printing/virtualPrinter';
import { MemoryPrintJobStore, PrintQueue, type DeliverCopy } from '../../renderer/print/queue';
import { decodeSymbol } from './decode';
import { BARCODE_KEY, SLIP } from './fixtures';

let printer: VirtualPrinter | undefined;
afterEach(() => printer?.stop());

describe.each([
  { paper: '58mm', speedMmPerS: 90, configured: undefined },
  { paper: '80mm', speedMmPerS: 90, configured: 90 },
  { paper: '80mm', speedMmPerS: 250, configured: 250 },
] as const)('a $paper printer at $speedMmPerS mm/s (speed in the settings: $configured)', ({ paper, speedMmPerS, configured }) => {
  it('prints every copy once, each reported printed', { timeout: 40_000 }, async () => {
    printer = await startVirtualPrinter({ mechanism: { bufferBytes: 16 * 1024, speedMmPerS, paper } });
    const config: PrinterConfig = { id: 'slip', name: 'Máy in phiếu', transport: 'network', address: printer.address, paper, roles: ['slip'], copies: {}, speedMmPerS: configured };
    const service = createPrinterService(() => ({ serverUrl: '', counterName: 'Quầy 3', printers: [config] }));
    const deliver: DeliverCopy = async (doc, p, jobId) => service.printRaster(toRasterJob(renderThermalNode(doc, paper), { jobId, printerId: p.id }));
    const store = new MemoryPrintJobStore();
    const queue = new PrintQueue({ store, printers: service.list, deliver, backoff: { baseMs: 50, maxMs: 200 }, log: () => undefined });
    await queue.start();
    const enqueued = await queue.enqueue({ printerId: 'slip', document: appointmentSlip(SLIP, { layout: 'thermal' }), copies: 2 });
    const jobId = enqueued.ok ? enqueued.jobId : '';

    await expect.poll(async () => (await store.get(jobId))?.state, { timeout: 30_000, interval: 100 }).not.toMatch(/queued|printing/);
    // Long enough for any retry to have come out.
    await new Promise((r) => setTimeout(r, 1_000));
    queue.stop();
    expect(await store.get(jobId)).toMatchObject({ state: 'done', copiesDone: 2, attempts: 1, lastError: undefined });
    expect(printer.jobs).toHaveLength(2);
    expect(printer.partialJobs).toBe(0);
    expect(decodeSymbol(printer.jobs[1]!.png, 'CODE_128')).toBe(BARCODE_KEY);
  });
});
