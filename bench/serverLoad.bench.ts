// The central server under a province's load: the real server as a child process (PGlite in a temp
// folder; PostgreSQL when LOAD_DATABASE_URL, DATABASE_URL_TEST or DATABASE_URL names a cluster) and
// N simulated counters in this process, each doing what the sync client does (bench/loadCounter.ts).
// Prints per level: acknowledged events/s, push / pull / catalogue latency p50/p95/p99, errors
// (timeouts included), /v1/health latency (is the server's event loop free?), server RSS and CPU,
// and this process's own CPU and event-loop delay, to show the load generator is not the bottleneck.
// After each level every event generated is pushed until acknowledged and the database is counted:
// each must be stored exactly once.
//
//   npx tsx bench/run.ts serverLoad
//   LOAD_LEVELS='pglite:50,100;postgres:100,300,1000' LOAD_SECONDS=40 LOAD_DATABASE_URL=postgres://… npx tsx bench/run.ts serverLoad
// Counters are enrolled in sites of LOAD_SITE_SIZE (50); LOAD_SITE_SIZE=0 with LOAD_SERVER_ROOT=<older
// checkout> measures a server from before sites.
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { EnrolResponse } from '../shared/sync/protocol';
import { call, LoadStats, SimulatedCounter } from './loadCounter';
import { LOAD_ADMIN, startServerProcess } from './serverProcess';
import type { BenchFigure } from './types';

const INTERVAL_MS = Number(process.env.LOAD_INTERVAL_MS ?? 3000);
const EVENTS_PER_COMMAND = Number(process.env.LOAD_EVENTS ?? 5);
const WARMUP_S = Number(process.env.LOAD_WARMUP_SECONDS ?? 8);
const MEASURE_S = Number(process.env.LOAD_SECONDS ?? 30);
/** Counters per site (a Center's ~50); 0 enrols every counter without a site, as servers before sites. */
const SITE_SIZE = Number(process.env.LOAD_SITE_SIZE ?? 50);
const DATES = Array.from({ length: 7 }, (_, i) => `2601${String(i + 12).padStart(2, '0')}`);

function levels(pgUrl: string | undefined): { backend: 'pglite' | 'postgres'; counters: number }[] {
  const spec = process.env.LOAD_LEVELS ?? 'pglite:50,100,300;postgres:100,300,1000';
  return spec.split(';').flatMap((part) => {
    const [backend, list = ''] = part.split(':');
    // A level the bench cannot read stops it: 'pglite:50,postgres:1000' once measured "PGlite NaN counters".
    if (backend !== 'pglite' && backend !== 'postgres') throw new Error(`LOAD_LEVELS: "${part}" is not backend:counts (pglite:50,100;postgres:300,1000)`);
    const counts = list.split(',').map(Number);
    if (counts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`LOAD_LEVELS: "${list}" in "${part}" is not a list of counter counts`);
    if (backend === 'postgres' && !pgUrl) return [];
    return counts.map((counters) => ({ backend, counters }));
  });
}

function quantiles(samples: number[] | undefined): { p50: number; p95: number; p99: number; n: number } {
  if (!samples || samples.length === 0) return { p50: NaN, p95: NaN, p99: NaN, n: 0 };
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n: s.length };
}

async function inParallel<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

export interface LoadRow {
  backend: string;
  counters: number;
  eventsPerS: number;
  push: ReturnType<typeof quantiles>;
  pull: ReturnType<typeof quantiles>;
  catalogue: ReturnType<typeof quantiles>;
  health: ReturnType<typeof quantiles>;
  errors: number;
  errorKinds: string;
  rssMiB: number;
  serverCpuPct: number;
  dbCpuPct: number;
  machineBusyPct: number;
  generatorCpuPct: number;
  generatorLoopP99: number;
  pullKiBs: number;
  stored: string;
}

async function runLevel(backend: 'pglite' | 'postgres', counters: number, pgUrl: string | undefined): Promise<LoadRow> {
  const server = await startServerProcess(backend === 'postgres' ? pgUrl : undefined);
  const stats = new LoadStats();
  const setup = new Agent({ keepAlive: true, maxSockets: 16 });
  const { json: session } = await call<{ token: string }>(setup, server.base, 'POST', '/v1/sessions', undefined, LOAD_ADMIN);
  const ids = Array.from({ length: counters }, (_, i) => `Q${String(i + 1).padStart(4, '0')}`);
  const sims: SimulatedCounter[] = [];
  // Each site is a center of the province with its own agency code (migration 012).
  const siteCount = SITE_SIZE > 0 ? Math.ceil(counters / SITE_SIZE) : 0;
  for (let i = 1; i <= siteCount; i++) {
    const center = { agencyCode: `000.${String(i).padStart(2, '0')}.42.H41`, name: `Trung tâm ${i}`, level: 'xa' };
    await call(setup, server.base, 'PUT', `/v1/admin/centers/S${i}`, session.token, center);
  }
  // One enrolment at a time, as an administrator enrols counters.
  await inParallel(ids, 1, async (counterId) => {
    const site = SITE_SIZE > 0 ? { site: `S${Math.floor((Number(counterId.slice(1)) - 1) / SITE_SIZE) + 1}` } : {};
    const { json: code } = await call<{ code: string }>(setup, server.base, 'POST', '/v1/admin/enrolment-codes', session.token, { counterId, counterName: `Quầy ${counterId}`, ...site });
    const { json: device } = await call<EnrolResponse>(setup, server.base, 'POST', '/v1/enrol', undefined, { code: code.code, deviceName: `PC ${counterId}` });
    sims.push(new SimulatedCounter({ counterId, credential: device.credential }, server.base, stats, INTERVAL_MS, EVENTS_PER_COMMAND));
  });
  const block = Math.min(500, Math.floor(8999 / counters));
  await inParallel(sims, 8, async (s) => {
    await s.lease(DATES, block);
    await s.bootstrap();
  });
  setup.destroy();

  for (const s of sims) s.start(Math.random() * INTERVAL_MS);
  const healthAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  let healthOn = true;
  const health = (async () => {
    while (healthOn) {
      await call(healthAgent, server.base, 'GET', '/v1/health', undefined).then(
        (r) => stats.record('health', r.ms, 0),
        () => stats.error('health', 'failed'),
      );
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  await new Promise((r) => setTimeout(r, WARMUP_S * 1000));

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpu0 = process.cpuUsage();
  const serverCpu0 = server.cpuSeconds();
  const dbCpu0 = server.dbCpuSeconds();
  const machine0 = machineTicks();
  let rssMax = 0;
  const rssTimer = setInterval(() => (rssMax = Math.max(rssMax, server.rssMiB())), 1000);
  stats.measuring = true;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, MEASURE_S * 1000));
  stats.measuring = false;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const serverCpu = server.cpuSeconds() - serverCpu0;
  const dbCpu = server.dbCpuSeconds() - dbCpu0;
  const machine1 = machineTicks();
  clearInterval(rssTimer);
  loop.disable();
  rssMax = Math.max(rssMax, server.rssMiB());

  healthOn = false;
  await health;
  healthAgent.destroy();
  await Promise.all(sims.map((s) => s.stop()));
  await inParallel(sims, 16, (s) => s.drain());
  const unacked = sims.reduce((n, s) => n + s.pending, 0);
  const generated = sims.reduce((n, s) => n + s.generated, 0);
  for (const s of sims) s.agent.destroy();
  const count = await server.stopAndCount();
  const stored =
    count.events === generated && count.distinct === generated && unacked === 0
      ? `${generated} once each`
      : `MISMATCH generated ${generated}, stored ${count.events} (${count.distinct} distinct), unacked ${unacked}`;

  const errorCount = [...stats.errors.values()].reduce((a, b) => a + b, 0);
  return {
    backend: backend === 'postgres' ? 'PostgreSQL' : 'PGlite',
    counters,
    eventsPerS: Math.round(stats.eventsAcked / seconds),
    push: quantiles(stats.latency.get('push')),
    pull: quantiles(stats.latency.get('pull')),
    catalogue: quantiles(stats.latency.get('catalogue')),
    health: quantiles(stats.latency.get('health')),
    errors: errorCount,
    errorKinds: [...stats.errors].map(([k, n]) => `${k}: ${n}`).join(', '),
    rssMiB: Math.round(rssMax),
    serverCpuPct: Math.round((serverCpu / seconds) * 100),
    dbCpuPct: Math.round((dbCpu / seconds) * 100),
    machineBusyPct: Math.round((100 * (machine1.busy - machine0.busy)) / (machine1.total - machine0.total)),
    generatorCpuPct: Math.round(((cpu.user + cpu.system) / 1e6 / seconds) * 100),
    generatorLoopP99: Math.round(loop.percentile(99) / 1e6),
    pullKiBs: Math.round(stats.bytesIn / 1024 / seconds),
    stored,
  };
}

/** Every core's ticks from /proc/stat: busy (all but idle and iowait) and total; the share busy includes whatever else runs on the machine. */
function machineTicks(): { busy: number; total: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = cpu.reduce((a, b) => a + b, 0);
  return { busy: total - cpu[3]! - cpu[4]!, total };
}

const r0 = (n: number) => (Number.isFinite(n) ? Math.round(n) : '–');

export function printRows(rows: readonly LoadRow[]): void {
  const sites = SITE_SIZE > 0 ? `sites of ${SITE_SIZE} counters` : 'no sites';
  console.log(
    `\nserverLoad: every counter every ~${INTERVAL_MS / 1000} s records ${EVENTS_PER_COMMAND} events and exchanges (push, pull, catalogue); ${sites}; ${WARMUP_S} s warm-up, ${MEASURE_S} s measured`,
  );
  console.table(
    rows.map((r) => ({
      backend: r.backend,
      counters: r.counters,
      'events/s': r.eventsPerS,
      'push p50/p95/p99 ms': `${r0(r.push.p50)} / ${r0(r.push.p95)} / ${r0(r.push.p99)}`,
      'pull p50/p95/p99 ms': `${r0(r.pull.p50)} / ${r0(r.pull.p95)} / ${r0(r.pull.p99)}`,
      'catalogue p95': r0(r.catalogue.p95),
      'health p95': r0(r.health.p95),
      errors: r.errors,
      'RSS MiB': r.rssMiB,
      'server / DB CPU %': `${r.serverCpuPct} / ${Number.isFinite(r.dbCpuPct) ? r.dbCpuPct : '–'}`,
      'machine busy %': r.machineBusyPct,
      'gen CPU % / loop p99 ms': `${r.generatorCpuPct} / ${r.generatorLoopP99}`,
      'received KiB/s': r.pullKiBs,
    })),
  );
  for (const r of rows) console.log(`${r.backend} ${r.counters}: stored ${r.stored}${r.errors ? `; errors: ${r.errorKinds}` : ''}`);
}

export default async function run(): Promise<BenchFigure[]> {
  const pgUrl = process.env.LOAD_DATABASE_URL ?? process.env.DATABASE_URL_TEST ?? process.env.DATABASE_URL;
  const rows: LoadRow[] = [];
  for (const { backend, counters } of levels(pgUrl)) {
    rows.push(await runLevel(backend, counters, pgUrl));
    printRows(rows.slice(-1));
  }
  printRows(rows);
  return rows.flatMap((r) => {
    const label = `server load, ${r.backend}, ${r.counters} counters`;
    return [
      { name: `${label}: acknowledged events/s`, median: r.eventsPerS, p95: r.eventsPerS, unit: 'events/s' },
      { name: `${label}: push latency`, median: r.push.p50, p95: r.push.p95, p99: r.push.p99, unit: 'ms' },
      { name: `${label}: pull latency`, median: r.pull.p50, p95: r.pull.p95, p99: r.pull.p99, unit: 'ms' },
      { name: `${label}: errors (timeouts included)`, median: r.errors, p95: r.errors, unit: 'errors' },
      { name: `${label}: server RSS (max)`, median: r.rssMiB, p95: r.rssMiB, unit: 'MiB' },
    ];
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await run();
}
