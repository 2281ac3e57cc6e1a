// What an action did, said plainly: success, each print queued or not, and any warning.
import type { PrintNote } from './context';

export interface ActionReport {
  message: string;
  prints: PrintNote[];
  warnings: string[];
}

export function Outcome({ report }: { report?: ActionReport }) {
  if (!report) return null;
  return (
    <div className="banner ok" role="status" data-testid="desk-outcome">
      <strong>{report.message}</strong>
      {report.prints.map((p) => (
        <div key={p.what}>{p.ok ? `Đã gửi in: ${p.what}.` : `Chưa in được ${p.what}: ${p.message ?? ''}`}</div>
      ))}
      {report.warnings.map((w) => (
        <div key={w}>{w}</div>
      ))}
    </div>
  );
}
