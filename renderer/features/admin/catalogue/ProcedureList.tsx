// A short list of procedures by code and name, in the import preview.
import type { ProcedureSummary } from '../../../../shared/catalogue';

export function ProcedureList({ title, items }: { title: string; items: readonly ProcedureSummary[] }) {
  if (items.length === 0) return null;
  return (
    <details className="catalogue-summary" open={items.length <= 10}>
      <summary>
        {title}: {items.length}
      </summary>
      <ul>
        {items.map((p) => (
          <li key={p.code}>
            <code>{p.code}</code> {p.name}
          </li>
        ))}
      </ul>
    </details>
  );
}
