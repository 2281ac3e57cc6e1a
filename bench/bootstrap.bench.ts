// A new counter's bootstrap: the real server in process on PGlite (on disk), seeded with 100,000
// dossiers pushed in batches of 500; the counter's own SyncClient, bundled with esbuild, pulls them
// into IndexedDB in headless Chromium. In the same browser and run, raw IndexedDB puts the same
// records into a store with the same indexes, in the same transactions of 500 with the same
// durability: that is the machine's limit the pull is compared with (target ≤ 1.5×).
// BENCH_BOOTSTRAP_DOSSIERS overrides the count for a quick look.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { openPglite } from '../server/db';
import type { DossierEvent } from '../shared/domain';
import type { EnrolResponse, LeaseResponse } from '../shared/sync/protocol';
import { launchOnDisk, type OnDiskBrowser } from '../tests/e2e/chromium';
import { dossierCode, received } from '../tests/sync/events';
import type * as Kit from '../renderer/sync/index';
import type * as Schema from '../renderer/db/schema';
import { startBenchServer, type BenchServer } from './server';
import { summarise } from './stats';
import type { BenchFigure } from './types';

const DOSSIERS = Number(process.env.BENCH_BOOTSTRAP_DOSSIERS ?? 100_000);
const BATCH = 500;
const ROOT = resolve(import.meta.dirname, '..');

/** What the bundled page exposes: the counter's real database class and sync client. */
interface BenchKit {
  MotCuaDb: typeof Schema.MotCuaDb;
  SCHEMA_VERSIONS: typeof Schema.SCHEMA_VERSIONS;
  projectionRow: typeof Schema.projectionRow;
  SyncClient: typeof Kit.SyncClient;
}
// tsx compiles this file keeping function names through a `__name` helper; functions handed to
// page.evaluate carry calls to it, so the page defines it too.
const NAME_SHIM = 'globalThis.__name = (f) => f;';

type PageTimes = { totalMs: number; pageMs: number[]; rows: number; answerMs?: number[] };

async function bundleKit(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `import { MotCuaDb, SCHEMA_VERSIONS, projectionRow } from './renderer/db/schema';
import { SyncClient } from './renderer/sync/client';
globalThis.benchKit = { MotCuaDb, SCHEMA_VERSIONS, projectionRow, SyncClient };`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

async function seed(server: BenchServer): Promise<EnrolResponse> {
  const { post, enrol } = server;
  const source = await enrol('NGUON');
  // Up to 8,999 leased numbers per day: enough days for every dossier, at most 7 per lease request.
  const days = Array.from({ length: Math.ceil(DOSSIERS / 8000) }, (_, i) => {
    const d = new Date(Date.UTC(2026, 0, 5 + i));
    return `${String(d.getUTCFullYear()).slice(2)}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
  });
  const codes: string[] = [];
  for (let round = 0; codes.length < DOSSIERS; round++) {
    const dates = days.slice((round * 7) % days.length, ((round * 7) % days.length) + 7);
    const lease = await post<LeaseResponse>('/v1/leases', { requestId: randomUUID(), dossierDates: dates, blockSize: 500 }, source.credential);
    for (const b of lease.blocks) for (let n = b.first; n <= b.last; n++) codes.push(dossierCode(n, b.scope.split(':')[1]));
  }
  for (let i = 0; i < DOSSIERS; i += BATCH) {
    const events: DossierEvent[] = codes.slice(i, Math.min(i + BATCH, DOSSIERS)).map((code) => received('NGUON', code));
    await post('/v1/push', { events }, source.credential);
  }
  return enrol('MOI');
}

// Runs in the page: the counter's SyncClient pulls everything into a fresh database.
async function pullInPage(args: { base: string; credential: string }): Promise<PageTimes> {
  const kit = (globalThis as unknown as { benchKit: BenchKit }).benchKit;
  const db = new kit.MotCuaDb('bench-pull');
  await db.open();
  const marks: number[] = [];
  const answerMs: number[] = [];
  const client = new kit.SyncClient({
    db,
    baseUrl: args.base,
    credential: args.credential,
    fetch: async (input, init) => {
      const start = performance.now();
      marks.push(start);
      const response = await fetch(input, init);
      const body = await response.arrayBuffer();
      answerMs.push(performance.now() - start);
      return new Response(body, { status: response.status, headers: response.headers });
    },
  });
  const t0 = performance.now();
  await client.pullAll();
  const t1 = performance.now();
  marks.push(t1);
  const rows = await db.dossiers.count();
  db.close();
  return { totalMs: t1 - t0, pageMs: marks.slice(1).map((m, i) => m - marks[i]!), rows, answerMs };
}

// Runs in the page: the same rows, fetched beforehand (not timed), put with plain IndexedDB.
async function rawInPage(args: { base: string; credential: string; name: string }): Promise<PageTimes> {
  const kit = (globalThis as unknown as { benchKit: BenchKit }).benchKit;
  const rows: unknown[] = [];
  for (let after = 0; ;) {
    const res = await fetch(`${args.base}/v1/pull?after=${after}&limit=500`, { headers: { authorization: `Bearer ${args.credential}` } });
    const page = (await res.json()) as {
      dossiers: { id: string; state: Schema.DossierRow['state']; lastSeq: number; registerYear: number | null; registerNumber: number | null; openConflicts: number }[];
      next: number;
      more: boolean;
    };
    for (const s of page.dossiers) {
      rows.push({
        ...kit.projectionRow(s.state),
        serverState: s.state,
        serverSeq: s.lastSeq,
        registerYear: s.registerYear ?? undefined,
        registerNumber: s.registerNumber ?? undefined,
        openConflicts: s.openConflicts,
      });
    }
    after = page.next;
    if (!page.more) break;
  }
  // The dossier store's indexes exactly as the counter's current schema declares them.
  const spec = [...kit.SCHEMA_VERSIONS].reverse().find((v) => v.stores.dossiers)!.stores.dossiers!;
  const indexes = spec
    .split(',')
    .map((s) => s.trim())
    .slice(1);
  const idb = await new Promise<IDBDatabase>((done, fail) => {
    const open = indexedDB.open(args.name, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('dossiers', { keyPath: 'id' });
      for (const index of indexes) {
        // Dexie's notation: '*name' indexes each element of an array (multiEntry), '[a+b]' is compound.
        const multiEntry = index.startsWith('*');
        const name = multiEntry ? index.slice(1) : index;
        const path = name.startsWith('[') ? name.slice(1, -1).split('+') : name;
        store.createIndex(name, path, { multiEntry });
      }
    };
    open.onsuccess = () => done(open.result);
    open.onerror = () => fail(open.error);
  });
  const pageMs: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += 500) {
    const s = performance.now();
    await new Promise<void>((done, fail) => {
      const tx = idb.transaction('dossiers', 'readwrite', { durability: 'strict' });
      const store = tx.objectStore('dossiers');
      for (const row of rows.slice(i, i + 500)) store.put(row);
      tx.oncomplete = () => done();
      tx.onerror = () => fail(tx.error);
    });
    pageMs.push(performance.now() - s);
  }
  const totalMs = performance.now() - t0;
  idb.close();
  return { totalMs, pageMs, rows: rows.length };
}

export default async function run(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bootstrap-'));
  const db = await openPglite(dir);
  let browser: OnDiskBrowser | undefined;
  try {
    const server = await startBenchServer(db);
    const base = server.base;
    try {
      const device = await seed(server);
      const kit = await bundleKit();
      browser = await launchOnDisk();
      const page = await browser.context.newPage();
      // The page lives on the server's origin (no CORS in the way), served by the browser itself.
      await page.route(`${base}/bench`, (route) =>
        route.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8"><script>${NAME_SHIM}${kit.replace(/<\/script/g, '<\\/script')}</script>` }),
      );
      await page.goto(`${base}/bench`);
      const args = { base, credential: device.credential };
      // Raw before and after the pull, into fresh stores: the browser profile grows as it goes, so
      // the pull is compared with the mean of both rather than favoured or penalised by its turn.
      const before = await page.evaluate(rawInPage, { ...args, name: 'bench-raw-1' });
      const pull = await page.evaluate(pullInPage, args);
      const after = await page.evaluate(rawInPage, { ...args, name: 'bench-raw-2' });
      const raw: PageTimes = { totalMs: (before.totalMs + after.totalMs) / 2, pageMs: [...before.pageMs, ...after.pageMs], rows: before.rows };
      if (pull.rows !== DOSSIERS || before.rows !== DOSSIERS || after.rows !== DOSSIERS) throw new Error(`expected ${DOSSIERS} rows, pulled ${pull.rows}, raw ${before.rows}/${after.rows}`);
      const n = DOSSIERS.toLocaleString('en-US');
      const rate = (t: PageTimes) => Math.round(t.rows / (t.totalMs / 1000));
      const perPage = (t: PageTimes) => summarise(t.pageMs);
      return [
        {
          name: `bootstrap: new counter pulls ${n} dossiers into IndexedDB (SyncClient, pages of 500; ratio = pull ÷ raw, target ≤ 1.5)`,
          median: Math.round(pull.totalMs) / 1000,
          p95: Math.round(pull.totalMs) / 1000,
          unit: 's',
          ratio: pull.totalMs / raw.totalMs,
        },
        {
          name: `bootstrap: raw IndexedDB puts the same ${n} records (same indexes, transactions of 500, strict; mean of a run before and after the pull)`,
          median: Math.round(raw.totalMs) / 1000,
          p95: Math.round(Math.max(before.totalMs, after.totalMs)) / 1000,
          unit: 's',
        },
        { name: 'bootstrap: pull rate', median: rate(pull), p95: rate(pull), unit: 'dossiers/s' },
        { name: 'bootstrap: raw IndexedDB rate', median: rate(raw), p95: rate(raw), unit: 'records/s' },
        { name: 'bootstrap: pull, time per page of 500 (fetch + apply)', ...perPage(pull), unit: 'ms' },
        { name: 'bootstrap: pull, server answer per page of 500 (request to last byte, overlapped with writing the page before)', ...summarise(pull.answerMs!), unit: 'ms' },
        { name: 'bootstrap: raw IndexedDB, time per transaction of 500', ...perPage(raw), unit: 'ms' },
      ];
    } finally {
      await server.close();
    }
  } finally {
    await browser?.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
