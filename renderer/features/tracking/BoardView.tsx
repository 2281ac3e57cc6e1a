// The board's groups as compact tables; choosing a row opens its card below. Results not yet
// announced carry a "Báo người nộp" action, and those ready before the appointment are flagged.
import { formatVietnamDateTime, STATUS_LABELS } from '../../../shared/domain';
import type { DossierRow } from '../../db';
import { waitingSince, type TrackingBoard } from './board';
import { resultBeforeAppointment } from './notify';

type GroupKey = keyof Omit<TrackingBoard, 'nextWorkingDay'>;

const GROUPS: { key: GroupKey; title: string; tone: string }[] = [
  { key: 'overdue', title: 'Quá hạn', tone: 'late' },
  { key: 'dueToday', title: 'Đến hạn hôm nay', tone: 'today' },
  { key: 'dueNextWorkingDay', title: 'Đến hạn ngày làm việc tiếp theo (cơ quan phải xin lỗi trước 1 ngày)', tone: 'soon' },
  { key: 'awaitingSupplement', title: 'Chờ bổ sung hồ sơ', tone: 'wait' },
  { key: 'notYetNotified', title: 'Kết quả đã có, chưa báo người nộp', tone: 'notify' },
  { key: 'notCollected', title: 'Đã có kết quả nhưng công dân chưa đến nhận', tone: 'wait' },
];

const DATE_HEADINGS: Partial<Record<GroupKey, string>> = { notYetNotified: 'Có kết quả từ', notCollected: 'Chờ nhận từ' };

function DateCell({ group, row }: { group: GroupKey; row: DossierRow }) {
  const s = row.state;
  if (group === 'notYetNotified') {
    return (
      <td>
        {s.resultReadyAt ? formatVietnamDateTime(s.resultReadyAt) : '—'}
        {resultBeforeAppointment(s) ? (
          <span className="badge early" data-testid="early-flag">
            sớm hạn
          </span>
        ) : null}
      </td>
    );
  }
  if (group === 'notCollected') {
    const since = waitingSince(row);
    return (
      <td>
        {since ? formatVietnamDateTime(since) : '—'}
        {s.notifiedAt ? <small> (đã báo)</small> : null}
      </td>
    );
  }
  return (
    <td>
      {row.dueAt ? formatVietnamDateTime(row.dueAt) : '—'}
      {s.newDueAt ? <small> (hẹn lại)</small> : null}
    </td>
  );
}

export function BoardView(props: {
  board: TrackingBoard;
  departmentName(id: string): string | undefined;
  onOpen(row: DossierRow): void;
  /** Opens the row's card with the notice form ready. */
  onNotify(row: DossierRow): void;
  openId?: string;
}) {
  const { board, departmentName, onOpen, onNotify, openId } = props;
  return (
    <div className="board" data-testid="tracking-board">
      {GROUPS.map((g) => {
        const rows = board[g.key];
        return (
          <section key={g.key} className={`board-group tone-${g.tone}`} aria-label={g.title} data-testid={`board-${g.key}`}>
            <h2>
              {g.title} <span className="count">{rows.length}</span>
            </h2>
            {rows.length === 0 ? (
              <p className="muted">Không có hồ sơ.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>Mã hồ sơ</th>
                    <th>Người nộp</th>
                    <th>Cơ quan giải quyết</th>
                    <th>{DATE_HEADINGS[g.key] ?? 'Hạn trả'}</th>
                    <th>{g.key === 'notYetNotified' ? '' : 'Trạng thái'}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id} className={r.id === openId ? 'open' : undefined} data-code={r.code ?? ''}>
                      <td>
                        <button type="button" className="link code" onClick={() => onOpen(r)}>
                          {r.code ?? '—'}
                        </button>
                      </td>
                      <td>{r.state.applicant?.name ?? '—'}</td>
                      <td>{r.departmentId ? (departmentName(r.departmentId) ?? r.departmentId) : '—'}</td>
                      <DateCell group={g.key} row={r} />
                      <td>
                        {g.key === 'notYetNotified' ? (
                          <button type="button" className="secondary small" onClick={() => onNotify(r)} aria-label={`Báo người nộp hồ sơ ${r.code ?? ''}`}>
                            Báo người nộp
                          </button>
                        ) : (
                          STATUS_LABELS[r.status]
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </div>
  );
}
