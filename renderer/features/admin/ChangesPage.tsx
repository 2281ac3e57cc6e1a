// Nhật ký thay đổi: every change an administrator made, newest first, as the server recorded it.
import { formatVietnamDateTime } from '../../../shared/domain';
import type { AdminChangesResponse } from '../../../shared/sync/adminProtocol';
import { actionLabel, fieldChanges, targetLabel } from './changes';
import type { AdminPageProps } from './page';
import { PageMessages, useAdminList } from './useAdminList';

export function ChangesPage({ api }: AdminPageProps) {
  const { data: changes, error } = useAdminList(api, '/v1/admin/changes?limit=300', 'nhật ký thay đổi', (a: AdminChangesResponse) => a.changes);
  if (error) return <PageMessages error={error} />;
  if (!changes) return <p className="hint">Đang tải nhật ký…</p>;
  if (changes.length === 0) return <p className="hint">Chưa có thay đổi nào.</p>;
  return (
    <table className="admin-table" aria-label="Nhật ký thay đổi">
      <thead>
        <tr>
          <th>Thời gian</th>
          <th>Người thực hiện</th>
          <th>Từ máy</th>
          <th>Thao tác</th>
          <th>Đối tượng</th>
          <th>Trước → sau</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.id}>
            <td>{formatVietnamDateTime(c.at)}</td>
            <td>{c.staffUsername}</td>
            <td>{c.fromAddress}</td>
            <td>{actionLabel(c.action)}</td>
            <td>{targetLabel(c)}</td>
            <td>
              <ul className="admin-diff">
                {fieldChanges(c.before, c.after).map((f) => (
                  <li key={f.field}>
                    {f.field && <span className="admin-diff-field">{f.field}: </span>}
                    <del>{f.before}</del> → <ins>{f.after}</ins>
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
