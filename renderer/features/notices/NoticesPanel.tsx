// Theo dõi, for supervisors: notices to applicants the server could not send after its retries
// (e-mail, SMS, Zalo), with the reason; "Gửi lại ngay" queues one again at once, and a dossier whose
// applicant asked for no more notices is stopped here by its code.
import { useCallback, useState, type FormEvent } from 'react';
import { useKiosk } from '../../kiosk/kiosk';
import { SupervisorPanel } from '../../ui/SupervisorPanel';
import { useBusy } from '../../ui/useBusy';
import { usePolled } from '../../ui/usePolled';
import { listFailedNotices, noticeView, optOutTarget, retryNotice, stopNotices, type NoticeView } from './notices';
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
  const { busy, run } = useBusy<string>();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();

  const retry = async (n: NoticeView) => {
    if (!token) return;
    setActionError(undefined);
    setDone(undefined);
    await run(
      async () => {
        await retryNotice(credential.serverUrl, token, n.id);
        setRows((current) => current?.filter((r) => r.id !== n.id));
        setDone(`Đã xếp lại thông báo «${n.kind}» của hồ sơ ${n.dossierCode} qua ${n.channel} để gửi ngay.`);
      },
      setActionError,
      n.id,
    );
  };

  const stop = async (e: FormEvent) => {
    e.preventDefault();
    if (!token) return;
    setDone(undefined);
    setActionError(undefined);
    const target = await optOutTarget(db, code);
    if (!target.ok) return setCodeError(target.message);
    setCodeError(undefined);
    await run(
      async () => {
        const cancelled = await stopNotices(credential.serverUrl, token, target.dossierId, 'Người nộp đề nghị ngừng nhận thông báo');
        setRows((current) => current?.filter((r) => r.dossierId !== target.dossierId));
        setCode('');
        setDone(`Đã ngừng gửi thông báo cho hồ sơ ${target.code}${cancelled > 0 ? ` (hủy ${cancelled} thông báo đang chờ)` : ''}.`);
      },
      setCodeError,
      'opt-out',
    );
  };

  return (
    <SupervisorPanel
      className="notices"
      titleId="notices-title"
      title="Thông báo cho người nộp chưa gửi được"
      listName="danh sách thông báo"
      intro="Máy chủ tự gửi lại khi gặp lỗi tạm thời. Các thông báo dưới đây đã hết số lần thử hoặc bị từ chối hẳn: kiểm tra địa chỉ của người nộp và cấu hình kênh gửi, rồi bấm «Gửi lại ngay»."
      signedInOffline={!token}
      rows={rows}
      loadError={loadError}
      onReload={() => void load()}
      failure={actionError}
      done={done}
      columns={['Mã hồ sơ', 'Thông báo', 'Kênh · người nhận', 'Lý do chưa gửi được', 'Lập lúc']}
      empty="Mọi thông báo đều đã gửi được hoặc đang chờ gửi lại."
      after={
        token ? (
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
        ) : null
      }
    >
      {(rows) =>
        rows.map((n) => (
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
        ))
      }
    </SupervisorPanel>
  );
}
