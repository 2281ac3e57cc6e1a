// Search over 250,000 local dossiers in headless Chromium, through the app's own findDossiers on
// the app's Dexie schema: the first 20 results by name prefix without diacritics, by any word of
// the name, and by part of a code or slip key. Target p95 < 50 ms.
// The rows are seeded in the page with bulkPut in batches (as a snapshot bootstrap would).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { launchOnDisk } from '../tests/e2e/chromium';
import { summarise } from './stats';
import type { BenchFigure } from './types';

const DOSSIERS = Number(process.env.SEARCH_BENCH_DOSSIERS ?? 250_000);
const BATCH = 5000;
const QUERIES = 200;
const ROOT = resolve(import.meta.dirname, '..');

// Runs in the page: seeds the store, then times findDossiers for each query.
const PAGE_ENTRY = `
import { MotCuaDb, projectionRow } from './renderer/db';
import { findDossiers } from './renderer/features/dossier/find';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Cao', 'Thái', 'Hà'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Hữu', 'Ngọc', 'Thanh', 'Quang', 'Xuân', 'Thu', 'Hồng', 'Công', 'Đình', 'Khánh'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hùng', 'Hương', 'Khoa', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy', 'Yến', 'Đạt', 'Ánh', 'Ngân'];
let seed = 1;
const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };

window.bench = {
  async seed(total, batch) {
    const db = new MotCuaDb('bench-search');
    await db.delete();
    await db.open();
    const start = performance.now();
    for (let done = 0; done < total; done += batch) {
      const rows = [];
      for (let i = done; i < Math.min(total, done + batch); i++) {
        const name = FAMILY[rnd(FAMILY.length)] + ' ' + MIDDLE[rnd(MIDDLE.length)] + ' ' + GIVEN[rnd(GIVEN.length)];
        const seq = String(i % 9999 + 1).padStart(4, '0');
        const day = String(1 + (Math.floor(i / 9999) % 28)).padStart(2, '0');
        const id = crypto.randomUUID();
        const state = {
          id, code: '000.00.15.H41-2601' + day + '-' + seq, status: 'returned', procedureCode: '1.00' + (i % 41), procedureName: 'Thủ tục mẫu', departmentId: 'so-' + (i % 15),
          applicant: { kind: 'individual', name, idNumber: '0401' + String(i).padStart(8, '0'), phone: '09' + String(i).padStart(8, '0'), address: 'Vinh, Nghệ An' },
          collection: { method: 'desk' }, receivedAt: '2026-01-' + day + 'T02:00:00.000Z', dueAt: '2026-02-' + day + 'T10:00:00.000Z', returnedAt: '2026-02-' + day + 'T03:00:00.000Z',
          apologyCount: 0, feesDue: 0, feesPaid: 0, eventIds: [], lastEventId: '', version: 6, flags: { deliveryDisputed: false, correctionCount: 0 },
        };
        rows.push(projectionRow(state));
      }
      await db.dossiers.bulkPut(rows);
    }
    const ms = performance.now() - start;
    db.close();
    return { ms, count: total };
  },
  async search(queries) {
    const db = new MotCuaDb('bench-search');
    await db.open();
    const times = [];
    let found = 0;
    for (const q of queries) {
      const t = performance.now();
      const rows = await findDossiers(db, q);
      times.push(performance.now() - t);
      found += rows.length;
    }
    db.close();
    return { times, found };
  },
};
`;

/** Words after the first (issue 16: "thu ha", "Hà" must find "Nguyễn Thu Hà") and parts of codes ("0004", a day, the key's tail). */
const WORDS = ['thu ha', 'binh', 'van hung', 'ha', 'thi lan', 'minh', 'ngoc anh', 'trang', 'xuan mai', 'duc long'];
const CODE_PARTS = ['0004', '260112', '0112-0004', '2601150123', '1501', '0999', '260128-00', '2805', '012', '4321'];

function queries(n: number): string[] {
  const prefixes = [
    'nguyen',
    'nguyen van',
    'tran thi',
    'le',
    'pham minh',
    'hoang',
    'vo thi h',
    'dang duc',
    'bui',
    'do ngoc',
    'ho',
    'ngo xuan',
    'duong',
    'ly',
    'dinh cong',
    'cao',
    'thai',
    'ha thu',
    'phan van',
    'huynh',
  ];
  return Array.from({ length: n }, (_, i) => prefixes[i % prefixes.length]!);
}

export default async function run(): Promise<BenchFigure[]> {
  const bundle = await build({
    stdin: { contents: PAGE_ENTRY, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const server: Server = createServer((req, res) => {
    if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const browser = await launchOnDisk();
  try {
    const page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => 'bench' in window);
    page.setDefaultTimeout(0);
    const seeded = await page.evaluate(([n, b]) => (window as unknown as { bench: { seed(n: number, b: number): Promise<{ ms: number }> } }).bench.seed(n, b), [DOSSIERS, BATCH] as const);
    const qs = queries(QUERIES);
    // One untimed pass warms the page and Chromium's LevelDB caches, as a running counter would be.
    await page.evaluate((q) => (window as unknown as { bench: { search(q: string[]): Promise<unknown> } }).bench.search(q), qs.slice(0, 20));
    const timed = (q: string[]) => page.evaluate((q) => (window as unknown as { bench: { search(q: string[]): Promise<{ times: number[]; found: number }> } }).bench.search(q), q);
    const result = await timed(qs);
    if (result.found < QUERIES) throw new Error(`Tìm kiếm trả về quá ít kết quả (${result.found}); dữ liệu mẫu sai.`);
    const cycle = (list: string[]) => Array.from({ length: QUERIES }, (_, i) => list[i % list.length]!);
    const words = await timed(cycle(WORDS));
    const parts = await timed(cycle(CODE_PARTS));
    if (words.found < QUERIES || parts.found < QUERIES) throw new Error(`Tìm theo từ trong tên hoặc một phần mã trả về quá ít kết quả (${words.found}, ${parts.found}).`);
    const search = summarise(result.times);
    const byWord = summarise(words.times);
    const byPart = summarise(parts.times);
    return [
      { name: `tìm theo đầu tên không dấu, 20 kết quả đầu, ${DOSSIERS} hồ sơ`, median: search.median, p95: search.p95, unit: 'ms', ratio: search.p95 / 50 },
      { name: `tìm theo từ bất kỳ trong tên ("thu ha", "binh"), 20 kết quả đầu, ${DOSSIERS} hồ sơ`, median: byWord.median, p95: byWord.p95, unit: 'ms', ratio: byWord.p95 / 50 },
      { name: `tìm theo một phần mã hồ sơ hoặc mã vạch ("0004", "0112-0004"), 20 kết quả đầu, ${DOSSIERS} hồ sơ`, median: byPart.median, p95: byPart.p95, unit: 'ms', ratio: byPart.p95 / 50 },
      { name: `nạp ${DOSSIERS} hồ sơ bằng bulkPut (lô ${BATCH})`, median: DOSSIERS / (seeded.ms / 1000), p95: DOSSIERS / (seeded.ms / 1000), unit: 'hồ sơ/s' },
    ];
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.close(() => done()));
  }
}
