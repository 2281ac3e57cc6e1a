// Early / on time / late per department as stacked horizontal bars (plain SVG, prints as is).
import type { TimelinessRow } from './reports';

const COLOURS = { early: '#2e8b47', onTime: '#2f6fb5', late: '#c5372c' } as const;
const LABELS = { early: 'Trước hạn', onTime: 'Đúng hạn', late: 'Quá hạn' } as const;

export function StatsChart({ rows }: { rows: TimelinessRow[] }) {
  const shown = rows.slice(0, 15);
  const max = Math.max(1, ...shown.map((r) => r.total));
  const labelWidth = 300;
  const barWidth = 520;
  const rowHeight = 26;
  const height = shown.length * rowHeight + 34;
  return (
    <svg className="stats-chart" width={labelWidth + barWidth + 60} height={height} role="img" aria-label="Biểu đồ trước hạn, đúng hạn, quá hạn theo cơ quan">
      {shown.map((r, i) => {
        let x = labelWidth;
        const y = i * rowHeight + 4;
        return (
          <g key={r.key}>
            <text x={labelWidth - 8} y={y + 15} textAnchor="end" fontSize="13">
              {r.label.length > 42 ? `${r.label.slice(0, 41)}…` : r.label}
            </text>
            {(['early', 'onTime', 'late'] as const).map((k) => {
              const w = (r[k] / max) * barWidth;
              const rect = <rect key={k} x={x} y={y} width={w} height={18} fill={COLOURS[k]} />;
              x += w;
              return rect;
            })}
            <text x={x + 6} y={y + 15} fontSize="12">
              {r.total}
            </text>
          </g>
        );
      })}
      {(['early', 'onTime', 'late'] as const).map((k, i) => (
        <g key={k} transform={`translate(${labelWidth + i * 120}, ${shown.length * rowHeight + 12})`}>
          <rect width={14} height={14} fill={COLOURS[k]} />
          <text x={20} y={12} fontSize="13">
            {LABELS[k]}
          </text>
        </g>
      ))}
    </svg>
  );
}
