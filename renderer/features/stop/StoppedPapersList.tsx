// The stopped dossiers still to finish: papers the department must send back, and papers waiting
// at the Center for the applicant. Choosing a code opens it on the stop desk.
import { formatVietnamDateTime } from '../../../shared/domain';
import type { DossierRow } from '../../db';
import type { StoppedPapers } from './papers';

const GROUPS: { key: keyof StoppedPapers; title: string; since: string }[] = [
  { key: 'away', title: 'Giấy tờ còn ở cơ quan giải quyết, chờ chuyển về Trung tâm', since: 'Dừng lúc' },
  { key: 'atCenter', title: 'Giấy tờ đã về Trung tâm, chờ trả lại người nộp', since: 'Chờ từ' },
];

export function StoppedPapersList({ papers, departmentName, onOpen }: { papers: StoppedPapers; departmentName(id: string | undefined): string; onOpen(row: DossierRow): void }) {
  return (
    <section className="stopped-papers" aria-label="Hồ sơ đã dừng chưa trả lại giấy tờ">
      {GROUPS.map((g) => (
        <div key={g.key} className="stopped-group" data-testid={`stopped-${g.key}`}>
          <h3>
            {g.title} <span className="count">{papers[g.key].length}</span>
          </h3>
          {papers[g.key].length === 0 ? (
            <p className="muted">Không có hồ sơ.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>Mã hồ sơ</th>
                  <th>Người nộp</th>
                  <th>Cơ quan giải quyết</th>
                  <th>{g.since}</th>
                </tr>
              </thead>
              <tbody>
                {papers[g.key].map((r) => (
                  <tr key={r.id} data-code={r.code ?? ''}>
                    <td>
                      <button type="button" className="link code" onClick={() => onOpen(r)}>
                        {r.code ?? r.id}
                      </button>
                    </td>
                    <td>{r.state.applicant?.name ?? '—'}</td>
                    <td>{departmentName(r.departmentId)}</td>
                    <td>{r.state.papersMovedAt ? formatVietnamDateTime(r.state.papersMovedAt) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}
