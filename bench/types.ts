export type BenchFigure = { name: string; median: number; p95: number; p99?: number; unit: string; ratio?: number };
