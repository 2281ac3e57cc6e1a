// Events per second pushed through the real HTTP API (loopback) into PGlite (on disk) and, when
// DATABASE_URL_TEST or DATABASE_URL is set, into PostgreSQL. Batches of 500 events, as a counter sends them.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres } from '../server/db';
import type { Db } from '../server/db';
import type { DossierEvent } from '../shared/domain';
import type { LeaseResponse } from '../shared/sync/protocol';
import { dossierCode, handedToCourier, received } from '../tests/sync/events';
import { startBenchServer } from './server';
import type { BenchFigure } from './types';

const BATCH = 500;
const DOSSIERS = 5000;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function measure(db: Db, label: string): Promise<BenchFigure[]> {
  const server = await startBenchServer(db);
  const { post } = server;
  try {
    const device = await server.enrol('BENCH', 'Quầy đo');
    const dates = Array.from({ length: 7 }, (_, i) => `2601${String(i + 10).padStart(2, '0')}`);
    const codes: string[] = [];
    while (codes.length < DOSSIERS) {
      const l = await post<LeaseResponse>('/v1/leases', { requestId: randomUUID(), dossierDates: dates, blockSize: 500 }, device.credential);
      for (const b of l.blocks) for (let n = b.first; n <= b.last; n++) codes.push(dossierCode(n, b.scope.split(':')[1]));
    }
    const events: DossierEvent[] = [];
    for (let i = 0; i < DOSSIERS; i++) {
      const r = received('BENCH', codes[i]!);
      events.push(r, handedToCourier('BENCH', r.dossierId));
    }
    const perBatch: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < events.length; i += BATCH) {
      const s = performance.now();
      await post('/v1/push', { events: events.slice(i, i + BATCH) }, device.credential);
      perBatch.push(performance.now() - s);
    }
    const total = (performance.now() - t0) / 1000;
    const sorted = [...perBatch].sort((a, b) => a - b);
    return [
      {
        name: `sync push into ${label}: events/s (${events.length} events, batches of ${BATCH}; ratio = overall rate ÷ 5,000 target)`,
        median: Math.round(BATCH / (quantile(sorted, 0.5) / 1000)),
        p95: Math.round(BATCH / (quantile(sorted, 0.95) / 1000)),
        unit: 'events/s',
        ratio: Math.round(events.length / total) / 5000,
      },
      { name: `sync push into ${label}: time per batch of ${BATCH}`, median: Math.round(quantile(sorted, 0.5)), p95: Math.round(quantile(sorted, 0.95)), unit: 'ms' },
    ];
  } finally {
    await server.close();
  }
}

export default async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
  const lite = await openPglite(dir);
  try {
    figures.push(...(await measure(lite, 'PGlite')));
  } finally {
    await lite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.DATABASE_URL_TEST ?? process.env.DATABASE_URL;
  if (!url) {
    figures.push({ name: 'sync push into PostgreSQL: skipped (set DATABASE_URL_TEST)', median: 0, p95: 0, unit: 'events/s' });
    return figures;
  }
  const schema = `bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    const scoped = new URL(url);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    const db = await openPostgres(scoped.toString());
    try {
      figures.push(...(await measure(db, 'PostgreSQL')));
    } finally {
      await db.close();
    }
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then((f) => console.log(JSON.stringify(f, null, 2)));
}
