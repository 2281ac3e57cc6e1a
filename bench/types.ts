export type BenchFigure = { name: string; median: number; p95: number; unit: string; ratio?: number };
