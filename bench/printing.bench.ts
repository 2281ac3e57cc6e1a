// Render + rasterise + ESC/POS-encode one 80 mm appointment slip (target < 30 ms median, so the
// printer, ~0.6 s for a 150 mm slip at 250 mm/s, stays the bottleneck), and the bytes it sends.
import { appointmentSlip } from '../shared/documents';
import { encodeRasterJob } from '../electron/services/printing/escpos';
import { renderThermalNode } from '../electron/services/printing/nodeCanvas';
import { SLIP } from '../tests/printing/fixtures';
import { summarise, timeRuns } from './stats';
import type { BenchFigure } from './types';

export default async function run(): Promise<BenchFigure[]> {
  let bytes = 0;
  const once = (): void => {
    const doc = appointmentSlip(SLIP, { layout: 'thermal' });
    bytes = encodeRasterJob(renderThermalNode(doc, '80mm'), { cut: true }).length;
  };
  const samples = await timeRuns(once, 50, 10);
  const { median, p95 } = summarise(samples);
  return [
    { name: 'slip 80 mm: render + rasterise + encode', median, p95, unit: 'ms', ratio: median / 30 },
    { name: 'slip 80 mm: ESC/POS job size', median: bytes, p95: bytes, unit: 'bytes' },
  ];
}
