// Always-visible sync state: online or not, events waiting, last success, clock skew; click for details.
import { useState } from 'react';
import { formatVietnamDateTime } from '../../shared/domain';
import { useSyncStatus } from '../kiosk/syncStatus';

export function SyncBadge() {
  const status = useSyncStatus();
  const [open, setOpen] = useState(false);
  const label = status.online ? 'Trực tuyến' : 'Mất kết nối';
  return (
    <div className="sync-badge" data-testid="sync-badge" data-online={status.online}>
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open}>
        <span className={`dot ${status.online ? 'ok' : 'off'}`} aria-hidden />
        {label} · {status.pendingCount > 0 ? `${status.pendingCount} sự kiện chờ gửi` : 'đã gửi hết'}
        {status.clockSkewWarning && ' · ⚠ lệch giờ'}
      </button>
      {open && (
        <div className="sync-details" role="dialog" aria-label="Chẩn đoán đồng bộ">
          <p>Lần đồng bộ thành công gần nhất: {status.lastSuccessAt ? formatVietnamDateTime(status.lastSuccessAt) : 'chưa có'}</p>
          {status.lastError && <p className="banner error">{status.lastError.message}</p>}
          {status.clockSkewMs !== undefined && (
            <p>
              Đồng hồ máy này lệch so với máy chủ: {Math.round(status.clockSkewMs / 1000)} giây{status.clockSkewWarning ? ' – hãy chỉnh lại giờ máy tính' : ''}.
            </p>
          )}
          {status.openConflicts > 0 && <p className="banner error">{status.openConflicts} hồ sơ có xung đột chờ giám sát viên xử lý.</p>}
        </div>
      )}
    </div>
  );
}
