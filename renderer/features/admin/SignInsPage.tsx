// Đăng nhập: the latest sign-in attempts, accepted or refused, and where they came from.
import { formatVietnamDateTime } from '../../../shared/domain';
import type { SignInsResponse } from '../../../shared/sync/adminProtocol';
import type { AdminPageProps } from './page';
import { PageMessages, useAdminList } from './useAdminList';

export function SignInsPage({ api }: AdminPageProps) {
  const { data: signIns, error } = useAdminList(api, '/v1/admin/sign-ins?limit=300', 'danh sách đăng nhập', (a: SignInsResponse) => a.signIns);
  if (error) return <PageMessages error={error} />;
  if (!signIns) return <p className="hint">Đang tải…</p>;
  if (signIns.length === 0) return <p className="hint">Chưa có lần đăng nhập nào.</p>;
  return (
    <table className="admin-table" aria-label="Các lần đăng nhập">
      <thead>
        <tr>
          <th>Thời gian</th>
          <th>Tên đăng nhập</th>
          <th>Kết quả</th>
          <th>Từ quầy</th>
          <th>Địa chỉ máy</th>
        </tr>
      </thead>
      <tbody>
        {signIns.map((s) => (
          <tr key={s.id} className={s.success ? '' : 'admin-row-failed'}>
            <td>{formatVietnamDateTime(s.at)}</td>
            <td>{s.username}</td>
            <td>{s.success ? 'Thành công' : 'Sai tên hoặc mật khẩu'}</td>
            <td>{s.counterId ?? '(trình duyệt / không qua quầy)'}</td>
            <td>{s.fromAddress}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
