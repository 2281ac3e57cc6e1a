// The board's groups as compact tables; choosing a row opens its card below.
import { formatVietnamDateTime, STATUS_LABELS } from '../../../shared/domain';
import type { DossierRow } from '../../db';
import type { TrackingBoard } from './board';

const GROUPS: { key: keyof Omit<TrackingBoard, 'nextWorkingDay'>; title: string; tone: string }[] = [
  { key: 'overdue', title: 'Quá hạn', tone: 'late' },
  { key: 'dueToday', title: 'Đến hạn hôm nay', tone: 'today' },
  { key: 'dueNextWorkingDay', title: 'Đến hạn ngày làm việc tiếp theo (cơ quan phải xin lỗi trước 1 ngày)', tone: 'soon' },
  { key: 'awaitingSupplement', title: 'Chờ bổ sung hồ sơ', tone: 'wait' },
  { key: 'notCollected', title: 'Đã có kết quả nhưng công dân chưa đến nhận', tone: 'wait' },
];

export function BoardView({ board, departmentName, onOpen, openId }: { board: TrackingBoard; departmentName(id: string): string | undefined; onOpen(row: DossierRow): void; openId?: string }) {
  return (
    <div className="board" data-testid="tracking-board">
      {GROUPS.map((g) => {
        const rows = board[g.key];
        return (
          <section key={g.key} className={`board-group tone-${g.tone}`} aria-label={g.title}>
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
                    <th>{g.key === 'notCollected' ? 'Có kết quả từ' : 'Hạn trả'}</th>
                    <th>Trạng thái</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id} className={r.id === openId ? 'open' : undefined}>
                      <td>
                        <button type="button" className="link code" onClick={() => onOpen(r)}>
                          {r.code ?? '—'}
                        </button>
                      </td>
                      <td>{r.state.applicant?.name ?? '—'}</td>
                      <td>{r.departmentId ? (departmentName(r.departmentId) ?? r.departmentId) : '—'}</td>
                      <td>
                        {g.key === 'notCollected' ? (r.state.resultReadyAt ? formatVietnamDateTime(r.state.resultReadyAt) : '—') : r.dueAt ? formatVietnamDateTime(r.dueAt) : '—'}
                        {r.state.newDueAt ? <small> (hẹn lại)</small> : null}
                      </td>
                      <td>{STATUS_LABELS[r.status]}</td>
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
