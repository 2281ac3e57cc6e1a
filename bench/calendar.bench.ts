// Throughput of the calendar: lunar conversions and appointment dates (15 working days) on a warm calendar.
import { addWorkingDays, dateFromDayNumber, dayNumberFromDate, lunarToSolar, solarToLunar, workCalendar } from '../shared/calendar';
import type { LunarDate } from '../shared/calendar';
import { summarise, timeRuns } from './stats';
import type { BenchFigure } from './types';

const BATCH = 20_000;
const RUNS = 40;

/** Deterministic pseudo-random integers so every run measures the same inputs. */
function sequence(seed: number, count: number, min: number, max: number): number[] {
  let state = seed >>> 0;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return min + (state % (max - min + 1));
  });
}

/** Median from the median batch time; p95 from the slow-tail (95th percentile) batch time. */
function opsPerSecond(name: string, samplesMs: number[]): BenchFigure {
  const { median, p95 } = summarise(samplesMs);
  return { name, median: (BATCH * 1000) / median, p95: (BATCH * 1000) / p95, unit: 'ops/s' };
}

export default async function run(): Promise<BenchFigure[]> {
  const days = sequence(1, BATCH, dayNumberFromDate(1900, 1, 1), dayNumberFromDate(2199, 12, 31)).map(dateFromDayNumber);
  const lunar: LunarDate[] = days.map((d) => solarToLunar(d.year, d.month, d.day));
  const instants = sequence(2, BATCH, Date.UTC(2020, 0, 1) / 60_000, Date.UTC(2035, 0, 1) / 60_000).map((minute) => new Date(minute * 60_000));
  const calendar = workCalendar();
  for (const from of instants) addWorkingDays(from, 15, calendar);

  let sink = 0;
  const solar = await timeRuns(() => {
    for (const d of days) sink += solarToLunar(d.year, d.month, d.day).day;
  }, RUNS);
  const toSolar = await timeRuns(() => {
    for (const l of lunar) sink += lunarToSolar(l.day, l.month, l.year, l.leap).day;
  }, RUNS);
  const appointment = await timeRuns(() => {
    for (const from of instants) sink += addWorkingDays(from, 15, calendar).getTime() % 7;
  }, RUNS);
  if (!Number.isFinite(sink)) throw new Error('unreachable: keeps the loops from being optimised away');

  return [opsPerSecond('solarToLunar', solar), opsPerSecond('lunarToSolar', toSolar), opsPerSecond('addWorkingDays(…, 15), lịch đã nạp', appointment)];
}
