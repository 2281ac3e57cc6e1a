// Nhật ký thay đổi: every change an administrator made, newest first, as the server recorded it.
import { useEffect, useState } from 'react';
import { formatVietnamDateTime } from '../../../shared/domain';
import type { AdminChange, AdminChangesResponse } from '../../../shared/sync/adminProtocol';
import { actionLabel, fieldChanges, targetLabel } from './changes';
import type { AdminPageProps } from './page';

export function ChangesPage({ api }: AdminPageProps) {
  const [changes, setChanges] = useState<AdminChange[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api.get<AdminChangesResponse>('/v1/admin/changes?limit=300').then(
      (answer) => setChanges(answer.changes),
      (e: Error) => setError(`Không tải được nhật ký thay đổi: ${e.message}`),
    );
  }, [api]);
  if (error)
    return (
      <p role="alert" className="banner error">
        {error}
      </p>
    );
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
