// The register on screen, the same columns as the print and the XLSX; phones masked, as on every list.
import { entryCells, REGISTER_COLUMNS, type RegisterEntry } from './register';

export function RegisterTable({ entries }: { entries: RegisterEntry[] }) {
  if (entries.length === 0) return <p className="muted">Không có hồ sơ tiếp nhận trong kỳ.</p>;
  return (
    <table className="report-table register" data-testid="register-table">
      <thead>
        <tr>
          {REGISTER_COLUMNS.slice(0, -1).map((c) => (
            <th key={c}>{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.code}>
            {entryCells(e, { maskPhone: true })
              .slice(0, -1)
              .map((c, i) => (
                <td key={i}>{c}</td>
              ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
