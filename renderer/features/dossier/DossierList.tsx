// A short list of dossiers to pick one from: the search's several matches and the results waiting
// at the desk. Each row says whose dossier it is and for which procedure, so two people of the same
// name, or one person with two dossiers, are told apart before a card opens.
import { STATUS_LABELS, formatVietnamDate } from '../../../shared/domain';
import type { DossierRow } from '../../db';
import { isServerCopy } from './find';

export interface DossierListProps {
  rows: readonly DossierRow[];
  label: string;
  testId?: string;
  /** What the last column dates: the reception (search results) or the result's arrival (waiting list). */
  dated?: 'received' | 'resultReady';
  onOpen(row: DossierRow): void;
}

export function DossierList({ rows, label, testId, dated = 'received', onOpen }: DossierListProps) {
  return (
    <table className="dossier-results" aria-label={label} data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Mã hồ sơ</th>
          <th scope="col">Người nộp</th>
          <th scope="col">Thủ tục</th>
          <th scope="col">{dated === 'resultReady' ? 'Kết quả về' : 'Tình trạng'}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const at = dated === 'resultReady' ? r.state.resultReadyAt : r.state.receivedAt;
          return (
            <tr key={r.id} onClick={() => onOpen(r)}>
              <td>
                <button type="button" className="code" onClick={(e) => (e.stopPropagation(), onOpen(r))}>
                  {r.code ?? '—'}
                </button>
                {isServerCopy(r) ? <span className="muted"> Trên máy chủ</span> : null}
              </td>
              <td className="name">{r.state.applicant?.name ?? '—'}</td>
              <td className="procedure">{r.state.procedureName ?? '—'}</td>
              <td>
                {dated === 'resultReady' ? '' : STATUS_LABELS[r.status]}
                {at ? `${dated === 'resultReady' ? '' : ' · '}${formatVietnamDate(at)}` : ''}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
