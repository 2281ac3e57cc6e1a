// First run: the counter exchanges the one-time enrolment code an administrator gave for its credential.
import { useState, type FormEvent } from 'react';
import type { DeviceCredential, KioskHost, KioskSettings } from '../../shared/host';
import type { EnrolResponse } from '../../shared/sync/protocol';
import { callServer } from '../kiosk/api';

export function EnrolScreen({ host, settings, onEnrolled }: { host: KioskHost; settings: KioskSettings; onEnrolled(c: DeviceCredential): void }) {
  const [serverUrl, setServerUrl] = useState(settings.serverUrl);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (!/^https?:\/\/\S+$/.test(serverUrl.trim())) return setError('Địa chỉ máy chủ phải có dạng http://… hoặc https://…');
    if (code.trim().length < 4) return setError('Hãy nhập mã đăng ký quầy do quản trị viên cấp.');
    setBusy(true);
    try {
      const url = serverUrl.trim().replace(/\/+$/, '');
      const answer = await callServer<EnrolResponse>(url, '/v1/enrol', { body: { code: code.trim(), deviceName: settings.counterName } });
      const credential: DeviceCredential = {
        deviceId: answer.deviceId,
        counterId: answer.counterId,
        counterName: answer.counterName,
        counterIndex: answer.counterIndex,
        agencyCode: answer.agencyCode,
        token: answer.credential,
        serverUrl: url,
      };
      await host.device.saveCredential(credential);
      await host.settings.update({ serverUrl: url, counterName: answer.counterName });
      onEnrolled(credential);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate className="gate" onSubmit={submit} aria-labelledby="enrol-title">
      <h1 id="enrol-title">Đăng ký quầy với máy chủ trung tâm</h1>
      <p className="hint">Quầy này chưa được đăng ký. Nhập địa chỉ máy chủ và mã đăng ký một lần do quản trị viên cấp.</p>
      <label>
        Địa chỉ máy chủ
        <input value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} autoComplete="off" />
      </label>
      <label>
        Mã đăng ký quầy
        <input value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} autoFocus autoComplete="off" />
      </label>
      {error && (
        <p role="alert" className="banner error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Đang đăng ký…' : 'Đăng ký quầy'}
      </button>
    </form>
  );
}
