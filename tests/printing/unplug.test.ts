// Pulling the network printer's plug mid-job: the job is kept, and once the printer is back it
// comes out exactly once, complete.
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

describe('network printer unplugged mid-job', () => {
  it('keeps the job and prints it exactly once after the plug is back', async () => {
    printer = await startVirtualPrinter();
    const config: PrinterConfig = { id: 'slip', name: 'Máy in phiếu quầy 3', transport: 'network', address: printer.address, paper: '80mm', roles: ['slip'], copies: {} };
    const service = createPrinterService(() => ({ serverUrl: '', counterName: 'Quầy 3', printers: [config] }));
    const deliver: DeliverCopy = async (doc, p, jobId) => service.printRaster(toRasterJob(renderThermalNode(doc, '80mm'), { jobId, printerId: p.id }));
    const store = new MemoryPrintJobStore();
    const queue = new PrintQueue({ store, printers: service.list, deliver, backoff: { baseMs: 50, maxMs: 200 }, log: () => undefined });
    await queue.start();

    printer.unplugAfter(3_000);
    const enqueued = await queue.enqueue({ printerId: 'slip', document: appointmentSlip(SLIP, { layout: 'thermal' }) });
    expect(enqueued.ok).toBe(true);
    const jobId = enqueued.ok ? enqueued.jobId : '';

    // Cut before the whole job left, it is retried (and refused while unplugged); cut after, the
    // printer may have printed it, so it waits for the officer's answer instead.
    await expect
      .poll(
        async () => {
          const job = await store.get(jobId);
          return job !== undefined && ((job.attempts >= 2 && job.state === 'queued') || job.state === 'unconfirmed');
        },
        { timeout: 5_000 },
      )
      .toBe(true);
    const waiting = (await store.get(jobId))!;
    expect(waiting.lastError).toMatch(waiting.state === 'queued' ? /Máy in không kết nối/ : /không xác nhận/);
    expect(printer.partialJobs).toBe(1);
    expect(printer.jobs).toHaveLength(0);

    await printer.plugIn();
    // The officer finds a torn half slip: "In lại".
    if (waiting.state === 'unconfirmed') expect(await queue.printAgain(jobId)).toBe(true);
    await expect.poll(async () => (await store.get(jobId))?.state, { timeout: 5_000 }).toBe('done');
    await new Promise((r) => setTimeout(r, 300));
    queue.stop();
    expect(printer.jobs).toHaveLength(1);
    expect(decodeSymbol(printer.jobs[0]!.png, 'CODE_128')).toBe(BARCODE_KEY);
  });
});
