// The dossiers of a batch as staff check them against the bag: code, procedure, deadline, and an
// action per row (remove a mis-scan, confirm, report missing). Newest scan on top.
import { memo, type ReactNode } from 'react';
import { formatVietnamDateTime, PAPERS_LABELS, STATUS_LABELS } from '../../../shared/domain';
import type { DossierRow } from '../../db';

export function BatchList(props: { ids: readonly string[]; rows: ReadonlyMap<string, DossierRow>; showStatus?: boolean; action?(row: DossierRow): ReactNode; testId: string }) {
  const { ids, rows, showStatus, action, testId } = props;
  if (ids.length === 0) return <p className="hint">Chưa có hồ sơ nào trong lô.</p>;
  return (
    <table className="batch-list" data-testid={testId}>
      <thead>
        <tr>
          <th>TT</th>
          <th>Mã hồ sơ</th>
          <th>Thủ tục</th>
          <th>Hạn giải quyết</th>
          {showStatus ? <th>Trạng thái</th> : null}
          {action ? <th /> : null}
        </tr>
      </thead>
      <tbody>
        {[...ids].reverse().map((id, i) => (
          <BatchRow key={id} id={id} position={ids.length - i} row={rows.get(id)} showStatus={showStatus} action={action} />
        ))}
      </tbody>
    </table>
  );
}

// Memoised: a scan adds one row, and the 50 already there need not render again. `action` is a
// new function each render, so rows with actions still re-render; those lists are short-lived.
const BatchRow = memo(function BatchRow(props: { id: string; position: number; row?: DossierRow; showStatus?: boolean; action?(row: DossierRow): ReactNode }) {
  const { id, position, row, showStatus, action } = props;
  return (
    <tr data-dossier-id={id} data-code={row?.code ?? ''}>
      <td>{position}</td>
      <td className="code">{row?.code ?? id}</td>
      <td>{row?.state.procedureName ?? ''}</td>
      <td>{row?.dueAt ? formatVietnamDateTime(row.dueAt) : ''}</td>
      {showStatus ? (
        <td>
          {row ? STATUS_LABELS[row.status] : ''}
          {row?.state.papers ? ` · ${PAPERS_LABELS[row.state.papers]}` : ''}
          {row?.state.flags.deliveryDisputed ? ' · có khiếu nại' : ''}
        </td>
      ) : null}
      {action ? <td className="row-actions">{row ? action(row) : null}</td> : null}
    </tr>
  );
});
