// First run: the counter exchanges the one-time enrolment code an administrator gave for its credential.
import { useState } from 'react';
import type { DeviceCredential, KioskHost, KioskSettings } from '../../shared/host';
import type { EnrolResponse } from '../../shared/sync/protocol';
import { callServer } from '../kiosk/api';
import { GateForm } from '../ui/GateForm';
import { useBusy } from '../ui/useBusy';

export function EnrolScreen({ host, settings, onEnrolled }: { host: KioskHost; settings: KioskSettings; onEnrolled(c: DeviceCredential): void }) {
  const [serverUrl, setServerUrl] = useState(settings.serverUrl);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const { busy, run } = useBusy();

  function submit() {
    setError(undefined);
    if (!/^https?:\/\/\S+$/.test(serverUrl.trim())) return setError('Địa chỉ máy chủ phải có dạng http://… hoặc https://…');
    if (code.trim().length < 4) return setError('Hãy nhập mã đăng ký quầy do quản trị viên cấp.');
    void run(async () => {
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
    }, setError);
  }

  return (
    <GateForm
      titleId="enrol-title"
      title="Đăng ký quầy với máy chủ trung tâm"
      hint="Quầy này chưa được đăng ký. Nhập địa chỉ máy chủ và mã đăng ký một lần do quản trị viên cấp."
      error={error}
      busy={busy}
      submitLabel="Đăng ký quầy"
      busyLabel="Đang đăng ký…"
      onSubmit={submit}
    >
      <label>
        Địa chỉ máy chủ
        <input value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} autoComplete="off" />
      </label>
      <label>
        Mã đăng ký quầy
        <input value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} autoFocus autoComplete="off" />
      </label>
    </GateForm>
  );
}
