// Đăng nhập: the latest sign-in attempts, accepted or refused, and where they came from.
import { useEffect, useState } from 'react';
import { formatVietnamDateTime } from '../../../shared/domain';
import type { SignInRecord, SignInsResponse } from '../../../shared/sync/adminProtocol';
import type { AdminPageProps } from './page';

export function SignInsPage({ api }: AdminPageProps) {
  const [signIns, setSignIns] = useState<SignInRecord[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api.get<SignInsResponse>('/v1/admin/sign-ins?limit=300').then(
      (answer) => setSignIns(answer.signIns),
      (e: Error) => setError(`Không tải được danh sách đăng nhập: ${e.message}`),
    );
  }, [api]);
  if (error)
    return (
      <p role="alert" className="banner error">
        {error}
      </p>
    );
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
