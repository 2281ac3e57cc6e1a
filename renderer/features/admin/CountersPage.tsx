// Quầy: a one-time enrolment code for a new counter (as text to type and as a QR to scan into the
// counter's first screen) of a chosen center, the counters with what they last reported, and revocation.
import { useState, type FormEvent } from 'react';
import { formatVietnamDateTime } from '../../../shared/domain';
import type { AdminCentersResponse, AdminDevice, AdminDevicesResponse, EnrolmentCodeResponse } from '../../../shared/sync/adminProtocol';
import { QrSvg } from '../../ui/QrSvg';
import { TextField } from '../../ui/Field';
import { centerName, type AdminCenter } from './centers/centerNames';
import type { AdminPageProps } from './page';
import { FormButtons, PageMessages, useAdminList } from './useAdminList';

const COUNTER_ID = /^[A-Za-z0-9._-]{1,100}$/;

export function CountersPage({ api }: AdminPageProps) {
  const { data: devices, load, error, setError, notice, setNotice } = useAdminList(api, '/v1/admin/devices', 'danh sách quầy', (a: AdminDevicesResponse) => a.devices);
  const { data: centers } = useAdminList(api, '/v1/admin/centers', 'danh sách trung tâm', (a: AdminCentersResponse) => a.centers);
  const [revoking, setRevoking] = useState<AdminDevice>();

  async function revoke(device: AdminDevice) {
    try {
      await api.post(`/v1/admin/devices/${encodeURIComponent(device.counterId)}/revoke`);
      setNotice(`Đã thu hồi ${device.counterName}: máy này không gửi, nhận dữ liệu được nữa. Muốn dùng lại thì cấp mã đăng ký mới.`);
      setRevoking(undefined);
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <div className="admin-counters">
      <PageMessages error={error} notice={notice} />
      <EnrolmentCode api={api} centers={centers ?? []} onMade={load} />
      <h3>Các quầy đã đăng ký</h3>
      {!devices ? (
        <p className="hint">Đang tải…</p>
      ) : devices.length === 0 ? (
        <p className="hint">Chưa có quầy nào.</p>
      ) : (
        <table className="admin-table" aria-label="Các quầy">
          <thead>
            <tr>
              <th>Số</th>
              <th>Quầy</th>
              <th>Máy</th>
              <th>Đồng bộ gần nhất</th>
              <th>Phiên bản</th>
              <th>Máy in</th>
              <th>Chờ gửi</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.counterId} data-counter={d.counterId}>
                <td>{d.counterIndex}</td>
                <td>
                  {d.counterName}
                  <br />
                  <small className="hint">
                    {d.counterId}
                    {centers && centers.length > 1 ? ` · ${centerName(centers, d.site)}` : ''}
                  </small>
                </td>
                <td>{d.deviceName}</td>
                <td>{d.revokedAt ? `Đã thu hồi ${formatVietnamDateTime(d.revokedAt)}` : d.lastSeenAt ? formatVietnamDateTime(d.lastSeenAt) : 'Chưa đồng bộ'}</td>
                <td>{d.appVersion ?? '—'}</td>
                <td>{d.printerStatus === null ? '—' : d.printerStatus === 'ok' ? 'Sẵn sàng' : d.printerStatus === 'none' ? 'Chưa cài máy in' : d.printerStatus}</td>
                <td>{d.pendingOutbox === null ? '—' : d.pendingOutbox === 0 ? 'Đã gửi hết' : `${d.pendingOutbox} thao tác`}</td>
                <td>
                  {d.revokedAt ? null : revoking?.counterId === d.counterId ? (
                    <div className="admin-actions">
                      <button type="button" className="danger" onClick={() => void revoke(d)}>
                        Xác nhận thu hồi
                      </button>
                      <button type="button" onClick={() => setRevoking(undefined)}>
                        Huỷ
                      </button>
                    </div>
                  ) : (
                    <button type="button" className="danger" onClick={() => (setNotice(undefined), setRevoking(d))} aria-label={`Thu hồi ${d.counterName}`}>
                      Thu hồi
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function EnrolmentCode({ api, centers, onMade }: { api: AdminPageProps['api']; centers: readonly AdminCenter[]; onMade(): Promise<void> }) {
  const [counterId, setCounterId] = useState('');
  const [counterName, setCounterName] = useState('');
  // The center the counter enrols into: the first listed (a center's administrator has only its own).
  const [chosen, setChosen] = useState<string>();
  const center = chosen ?? centers[0]?.id ?? '';
  const [errors, setErrors] = useState<{ counterId?: string; counterName?: string; form?: string }>({});
  const [made, setMade] = useState<EnrolmentCodeResponse & { counterName: string; centerName: string }>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      counterId: COUNTER_ID.test(counterId.trim()) ? undefined : 'Mã quầy cần từ 1 đến 100 ký tự: chữ không dấu, số và . _ - (ví dụ quay-5).',
      counterName: counterName.trim() && counterName.trim().length <= 200 ? undefined : 'Hãy nhập tên quầy như in trên phiếu (ví dụ Quầy 5 – Tiếp nhận).',
    };
    setErrors(found);
    if (found.counterId || found.counterName) return;
    setBusy(true);
    try {
      const answer = await api.post<EnrolmentCodeResponse>('/v1/admin/enrolment-codes', {
        counterId: counterId.trim(),
        counterName: counterName.trim(),
        center,
      });
      setMade({ ...answer, counterName: counterName.trim(), centerName: centerName(centers, answer.site) });
      await onMade();
    } catch (e) {
      setErrors({ form: `${(e as Error).message} Chưa có mã nào được cấp.` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate className="admin-editor" onSubmit={submit} aria-label="Cấp mã đăng ký quầy">
      <h3>Cấp mã đăng ký cho quầy mới</h3>
      <p className="hint">Mã dùng một lần, trong 24 giờ. Đăng ký lại một quầy đã có (thay máy) giữ nguyên số quầy và dải số của nó.</p>
      <div className="admin-form">
        <TextField id="enrol-counter-id" label="Mã quầy" value={counterId} onValue={setCounterId} error={errors.counterId} autoComplete="off" hint="ví dụ quay-5" />
        <TextField id="enrol-counter-name" label="Tên quầy" value={counterName} onValue={setCounterName} error={errors.counterName} autoComplete="off" scan="typing" />
        {centers.length > 1 ? (
          <label className="field span-2" htmlFor="enrol-center">
            <span>Trung tâm của quầy</span>
            <select id="enrol-center" value={center} onChange={(e) => setChosen(e.target.value)}>
              {centers.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <small className="field-hint">quầy cấp mã hồ sơ theo mã cơ quan của trung tâm này</small>
          </label>
        ) : null}
      </div>
      {errors.form && (
        <p role="alert" className="banner error">
          {errors.form}
        </p>
      )}
      <FormButtons busy={busy} label="Cấp mã đăng ký" />
      {made && (
        <div className="enrolment-code" role="status" aria-label="Mã đăng ký vừa cấp">
          <QrSvg value={made.code} label={`Mã QR đăng ký ${made.counterName} – ${made.centerName}`} className="enrolment-qr" data-code={made.code} />
          <div>
            <p>
              Mã đăng ký cho <strong>{made.counterName}</strong> ({made.counterId}) của <strong data-testid="enrolment-center">{made.centerName}</strong>:
            </p>
            <p className="enrolment-code-text" data-testid="enrolment-code">
              {made.code}
            </p>
            <p className="hint">
              Hết hạn lúc {formatVietnamDateTime(made.expiresAt)}. Tại máy quầy mới: nhập địa chỉ máy chủ {api.serverUrl}, rồi gõ mã này hoặc quét mã QR vào ô «Mã đăng ký quầy». Mã chỉ hiện một lần.
            </p>
          </div>
        </div>
      )}
    </form>
  );
}
