// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line), prints a table
// and writes bench/results.json with the figures and the machine they were measured on.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem, platform, release } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchFigure } from './types';

const here = import.meta.dirname;
const only = process.argv.slice(2);
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();

const measuredAt = new Date().toISOString();
const results: (BenchFigure & { bench: string; measuredAt: string })[] = [];
const failures: { bench: string; error: string }[] = [];
for (const file of files) {
  const bench = basename(file, '.bench.ts');
  process.stdout.write(`• ${bench} … `);
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<BenchFigure[]> };
    const figures = await mod.default();
    for (const figure of figures) results.push({ bench, ...figure, measuredAt });
    console.log('done');
  } catch (error) {
    failures.push({ bench, error: (error as Error).stack ?? String(error) });
    console.log(`FAILED: ${(error as Error).message}`);
  }
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toPrecision(3));
console.table(results.map((r) => ({ bench: r.bench, name: r.name, median: fmt(r.median), p95: fmt(r.p95), unit: r.unit, ratio: r.ratio === undefined ? '' : r.ratio.toFixed(2) })));

const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), platform: `${platform()} ${release()}`, node: process.version };
// A run of some benchmarks replaces only their figures: the others keep theirs, each with its date.
const file = join(here, 'results.json');
const ran = new Set(files.map((f) => basename(f, '.bench.ts')));
const kept = only.length === 0 ? [] : ((JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as { figures?: { bench: string }[] }).figures ?? []).filter((f) => !ran.has(f.bench));
await writeFile(file, JSON.stringify({ measuredAt, machine, figures: [...kept, ...results], failures }, null, 2) + '\n');
console.log(`Wrote bench/results.json (${results.length} figures).`);
if (failures.length) process.exitCode = 1;
