// One table of a report: its caption, its columns, a row per group and the total in bold. Every
// table of Báo cáo is one of these; `cells` says what a row shows, in the columns' order.
export function ReportTable<Row extends { key: string }>(props: {
  caption?: string;
  columns: readonly string[];
  rows: readonly Row[];
  total: Row;
  cells(row: Row): readonly (string | number)[];
  testId?: string;
}) {
  return (
    <table className="report-table" data-testid={props.testId}>
      {props.caption ? <caption>{props.caption}</caption> : null}
      <thead>
        <tr>
          {props.columns.map((c) => (
            <th key={c}>{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...props.rows, props.total].map((r) => (
          <tr key={r.key} className={r === props.total ? 'total' : undefined}>
            {props.cells(r).map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
