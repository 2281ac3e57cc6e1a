// The app's own time from pressing "Tiếp nhận" to the print job being queued, in Chromium (real
// IndexedDB on a profile on disk, strict durability) with 100,000 dossiers already in the local database. The page runs
// the same `acceptDossier` the screen calls, bundled with esbuild, enqueueing into the real
// PrintQueue over the database's printQueue table (the queue is not started: printing itself is
// not part of the figure).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { launchOnDisk } from '../tests/e2e/chromium';
import { summarise } from './stats';
import type { BenchFigure } from './types';

const DOSSIERS = 100_000;
const RUNS = 50;
const WARMUP = 5;

const PAGE_SOURCE = `
import { applyEvent } from '../shared/domain';
import { vnDateKey } from '../shared/calendar';
import { MotCuaDb, projectionRow, storeLeases } from '../renderer/db';
import { PrintQueue } from '../renderer/print/queue';
import { acceptDossier } from '../renderer/features/receive/accept';
import { completeForm, LICENCE_PROCEDURE, testContext } from '../renderer/testing/receive';

const db = new MotCuaDb('receive-bench');

async function seed(count) {
  const template = completeForm();
  const ctx = testContext(db);
  const first = await acceptDossier({ ...ctx, print: async () => ({ ok: true, jobId: 'seed' }) }, template, LICENCE_PROCEDURE);
  if (!first.ok) throw new Error(first.message);
  const base = (await db.dossiers.get(first.dossierId)).state;
  const batch = 2000;
  for (let start = 0; start < count; start += batch) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const id = 'seed-' + i;
      const idNumber = '040' + String(85000000 + i).padStart(9, '0');
      const day = String(1 + (i % 28)).padStart(2, '0');
      const state = { ...base, id, code: '000.00.15.H41-2601' + day + '-' + String(1 + (i % 8999)).padStart(4, '0'), applicant: { ...base.applicant, idNumber, name: 'Nguyễn Văn ' + i } };
      rows.push(projectionRow(state));
    }
    await db.dossiers.bulkPut(rows);
  }
  return db.dossiers.count();
}

async function run(runs, warmup) {
  const key = vnDateKey(new Date());
  const yymmdd = key.slice(2, 4) + key.slice(5, 7) + key.slice(8, 10);
  await storeLeases(db, [
    { kind: 'dossierSeq', scope: '000.00.15.H41:' + yymmdd, first: 1, last: 8999 },
    { kind: 'receipt', scope: 'EBL01:' + key.slice(2, 4) + 'TAA', first: 1, last: 100000 },
  ]);
  const store = {
    put: async (job) => void (await db.printQueue.put(job)),
    get: (id) => db.printQueue.get(id),
    listByState: async (states) => db.printQueue.where('state').anyOf(states).toArray(),
  };
  const queue = new PrintQueue({ store, printers: async () => [], deliver: async () => ({ ok: true, bytes: 0 }) });
  const total = [];
  const toSlip = [];
  for (let i = 0; i < warmup + runs; i++) {
    let slipAt = 0;
    const ctx = testContext(db);
    ctx.print = async (doc, options) => {
      const r = await queue.enqueue({ printerId: 'p1', document: doc, copies: options.copies });
      if (!slipAt) slipAt = performance.now();
      return r;
    };
    const form = completeForm();
    form.applicant.idNumber = '040' + String(90000000 + i).padStart(9, '0');
    const t0 = performance.now();
    const out = await acceptDossier(ctx, form, LICENCE_PROCEDURE);
    const t1 = performance.now();
    if (!out.ok) throw new Error(out.message);
    if (i >= warmup) {
      total.push(t1 - t0);
      toSlip.push(slipAt - t0);
    }
  }
  return { total, toSlip, queued: await db.printQueue.count() };
}

window.receiveBench = { seed, run };
window.receiveBenchReady = true;
`;

export default async function run(): Promise<BenchFigure[]> {
  const bundle = await build({
    stdin: { contents: PAGE_SOURCE, resolveDir: import.meta.dirname, sourcefile: 'receive-bench-page.js', loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'error',
  });
  const script = bundle.outputFiles[0]!.text;
  const html = `<!doctype html><meta charset="utf-8"><title>receive bench</title><script type="module">${script.replace(/<\/script/g, '<\\/script')}</script>`;
  // A real http origin: IndexedDB and crypto.randomUUID need one (about:blank and file: do not serve).
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await launchOnDisk();
  try {
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => console.error(`receive bench page: ${e.message}`));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => (window as unknown as { receiveBenchReady?: boolean }).receiveBenchReady === true);
    const seeded = await page.evaluate((n) => (window as unknown as { receiveBench: { seed(n: number): Promise<number> } }).receiveBench.seed(n), DOSSIERS);
    if (seeded < DOSSIERS) throw new Error(`seeded only ${seeded} dossiers`);
    const result = await page.evaluate(
      ([runs, warmup]) => (window as unknown as { receiveBench: { run(r: number, w: number): Promise<{ total: number[]; toSlip: number[]; queued: number }> } }).receiveBench.run(runs!, warmup!),
      [RUNS, WARMUP],
    );
    if (result.queued < RUNS * 2) throw new Error(`only ${result.queued} print jobs queued`);
    const total = summarise(result.total);
    const slip = summarise(result.toSlip);
    const round = (n: number) => Math.round(n * 10) / 10;
    return [
      {
        name: `accept → slip queued, ${seeded.toLocaleString('en')} dossiers in IndexedDB (ratio = median ÷ 100 ms target)`,
        median: round(slip.median),
        p95: round(slip.p95),
        unit: 'ms',
        ratio: round(slip.median) / 100,
      },
      { name: 'accept → slip and fee receipt both queued (2 events + 2 numbers + 2 jobs)', median: round(total.median), p95: round(total.p95), unit: 'ms' },
    ];
  } finally {
    await browser.close();
    server.close();
  }
}
