// Theo dõi, for supervisors: notices to applicants the server could not send after its retries
// (e-mail, SMS, Zalo), with the reason; "Gửi lại ngay" queues one again at once, and a dossier whose
// applicant asked for no more notices is stopped here by its code.
import { useCallback, useState, type FormEvent } from 'react';
import { useKiosk } from '../../kiosk/kiosk';
import { PanelHeader } from '../../ui/PanelHeader';
import { usePolled } from '../../ui/usePolled';
import { listFailedNotices, noticeView, optOutTarget, retryNotice, stopNotices, type NoticeView } from './notices';
import '../../ui/supervisorPanel.css';
import './notices.css';

const REFRESH_MS = 30_000;

/** Mounted in Theo dõi; shows nothing to officers who are not supervisors. */
export function SupervisorNotices() {
  const { officer } = useKiosk();
  return officer.roles.includes('supervisor') ? <NoticesPanel /> : null;
}

export function NoticesPanel() {
  const { credential, officer, db } = useKiosk();
  const token = officer.sessionToken;
  const list = useCallback(async () => (await listFailedNotices(credential.serverUrl, token!)).map(noticeView), [credential.serverUrl, token]);
  const { value: rows, error: loadError, reload: load, setValue: setRows } = usePolled<NoticeView[]>(token ? list : undefined, REFRESH_MS);
  const [actionError, setActionError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();

  const retry = async (n: NoticeView) => {
    if (!token) return;
    setBusy(n.id);
    setActionError(undefined);
    setDone(undefined);
    try {
      await retryNotice(credential.serverUrl, token, n.id);
      setRows((current) => current?.filter((r) => r.id !== n.id));
      setDone(`Đã xếp lại thông báo «${n.kind}» của hồ sơ ${n.dossierCode} qua ${n.channel} để gửi ngay.`);
    } catch (error) {
      setActionError((error as Error).message);
    } finally {
      setBusy(undefined);
    }
  };

  const stop = async (e: FormEvent) => {
    e.preventDefault();
    if (!token) return;
    setDone(undefined);
    setActionError(undefined);
    const target = await optOutTarget(db, code);
    if (!target.ok) return setCodeError(target.message);
    setCodeError(undefined);
    setBusy('opt-out');
    try {
      const cancelled = await stopNotices(credential.serverUrl, token, target.dossierId, 'Người nộp đề nghị ngừng nhận thông báo');
      setRows((current) => current?.filter((r) => r.dossierId !== target.dossierId));
      setCode('');
      setDone(`Đã ngừng gửi thông báo cho hồ sơ ${target.code}${cancelled > 0 ? ` (hủy ${cancelled} thông báo đang chờ)` : ''}.`);
    } catch (error) {
      setCodeError((error as Error).message);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section className="supervisor-panel notices panel" aria-labelledby="notices-title">
      <PanelHeader titleId="notices-title" title="Thông báo cho người nộp chưa gửi được" onReload={token ? () => void load() : undefined} />
      <p className="muted">
        Máy chủ tự gửi lại khi gặp lỗi tạm thời. Các thông báo dưới đây đã hết số lần thử hoặc bị từ chối hẳn: kiểm tra địa chỉ của người nộp và cấu hình kênh gửi, rồi bấm «Gửi lại ngay».
      </p>
      {!token ? (
        <p className="banner warn" role="status">
          Giám sát viên đăng nhập khi mất mạng nên chưa xem được thông báo trên máy chủ. Hãy đăng xuất và đăng nhập lại khi có mạng.
        </p>
      ) : null}
      {loadError ? (
        <p className="banner error" role="alert">
          Chưa tải được danh sách thông báo: {loadError}
        </p>
      ) : null}
      {actionError ? (
        <p className="banner error" role="alert">
          {actionError}
        </p>
      ) : null}
      {done ? (
        <p className="banner ok" role="status">
          {done}
        </p>
      ) : null}
      {rows && rows.length === 0 ? <p className="muted">Mọi thông báo đều đã gửi được hoặc đang chờ gửi lại.</p> : null}
      {rows && rows.length > 0 ? (
        <table className="supervisor-table">
          <thead>
            <tr>
              <th scope="col">Mã hồ sơ</th>
              <th scope="col">Thông báo</th>
              <th scope="col">Kênh · người nhận</th>
              <th scope="col">Lý do chưa gửi được</th>
              <th scope="col">Lập lúc</th>
              <th scope="col" aria-label="Thao tác" />
            </tr>
          </thead>
          <tbody>
            {rows.map((n) => (
              <tr key={n.id}>
                <td className="code">{n.dossierCode}</td>
                <td>{n.kind}</td>
                <td>
                  {n.channel}
                  <br />
                  <span className="muted">{n.recipient}</span>
                </td>
                <td>
                  {n.reason}
                  <br />
                  <span className="muted">Đã thử {n.attempts} lần</span>
                </td>
                <td className="nowrap">{n.at}</td>
                <td className="nowrap">
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy !== undefined}
                    onClick={() => void retry(n)}
                    aria-label={`Gửi lại ngay thông báo ${n.kind} của hồ sơ ${n.dossierCode} qua ${n.channel}`}
                  >
                    Gửi lại ngay
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {token ? (
        <form className="opt-out" noValidate onSubmit={(e) => void stop(e)} aria-label="Ngừng gửi thông báo cho một hồ sơ">
          <label className={codeError ? 'field invalid' : 'field'} htmlFor="opt-out-code">
            <span>Người nộp đề nghị ngừng nhận thông báo: mã hồ sơ</span>
            <input
              id="opt-out-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              aria-invalid={codeError ? true : undefined}
              aria-describedby={codeError ? 'opt-out-error' : undefined}
              placeholder="000.00.15.H41-260112-0001"
              data-scan="text"
            />
          </label>
          <button type="submit" className="secondary" disabled={busy !== undefined}>
            Ngừng gửi thông báo
          </button>
          {codeError ? (
            <p id="opt-out-error" className="field-error" role="alert">
              {codeError}
            </p>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
