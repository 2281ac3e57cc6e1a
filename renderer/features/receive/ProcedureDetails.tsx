// One procedure as the counter needs it: deciding department, legal time, fees, documents, and
// what the catalogue still lacks.
import type { Department, Procedure } from '../../../shared/catalogue';
import { formatVnd } from '../../../shared/codes';
import { noProcessingTimeNotice } from './form';

export function processingText(p: Procedure): string {
  if (p.processingDays !== null) return `${p.processingDays} ngày làm việc`;
  if (typeof p.processingHours === 'number') return `${p.processingHours} giờ làm việc`;
  return 'Chưa có trong danh mục';
}

export function feeText(p: Procedure): string {
  if (p.fees.length === 0) return 'Không thu phí';
  return p.fees.map((f) => `${f.name}: ${f.amount === null ? 'chưa rõ mức thu' : formatVnd(f.amount)}`).join('; ');
}

export function ProcedureDetails({ procedure: p, departments }: { procedure: Procedure; departments: Map<string, Department> }) {
  const notice = noProcessingTimeNotice(p);
  return (
    <section className="procedure-details" aria-label={`Thủ tục ${p.name}`}>
      <h3>{p.name}</h3>
      {p.incomplete.length > 0 ? (
        <p className="banner warn" role="status">
          Danh mục còn thiếu: {p.incomplete.join(', ')}. {notice ?? 'Hãy đối chiếu với văn bản công bố thủ tục trước khi tiếp nhận.'}
        </p>
      ) : null}
      {p.demo ? <p className="demo-note">Dữ liệu mẫu để chạy thử</p> : null}
      <dl className="facts">
        <dt>Mã thủ tục</dt>
        <dd>{p.localCode || p.code}</dd>
        <dt>Lĩnh vực</dt>
        <dd>{p.field || '—'}</dd>
        <dt>Cơ quan giải quyết</dt>
        <dd>{departments.get(p.departmentId)?.name ?? p.departmentName}</dd>
        <dt>Thời hạn giải quyết</dt>
        <dd>{processingText(p)}</dd>
        <dt>Phí, lệ phí</dt>
        <dd>{feeText(p)}</dd>
      </dl>
      <table className="doc-table">
        <thead>
          <tr>
            <th>Thành phần hồ sơ</th>
            <th>Bản chính</th>
            <th>Bản sao</th>
          </tr>
        </thead>
        <tbody>
          {p.documents.map((d) => (
            <tr key={d.name}>
              <td>{d.name}</td>
              <td className="num">{d.originals ?? '—'}</td>
              <td className="num">{d.copies ?? '—'}</td>
            </tr>
          ))}
          {p.documents.length === 0 ? (
            <tr>
              <td colSpan={3}>Danh mục chưa có thành phần hồ sơ.</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </section>
  );
}
