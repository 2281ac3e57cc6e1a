// Cài đặt: the counter's identity and server, its printers (test, status, preview), the print
// queue, the serial scanner, this counter's audit log of personal data and the machine's own log. Administrators change
// machines; a supervisor reads and tests (security/roles.ts).
import { useEffect, useState } from 'react';
import type { KioskSettings, PrinterConfig } from '../../../shared/host';
import { useKiosk } from '../../kiosk/kiosk';
import { AuditPanel } from '../../security/AuditPanel';
import { canEditPrinters } from '../../security/roles';
import { KioskLogPanel } from './KioskLogPanel';
import { PrintersPanel } from './PrintersPanel';
import { PrintQueuePanel } from './PrintQueuePanel';
import { QueueSettingsPanel } from './QueueSettingsPanel';
import { ReturnDeskPanel } from './ReturnDeskPanel';
import { ScanFolderField } from './ScanFolderField';
import { ScannerPanel } from './ScannerPanel';
import './settings.css';

export function SettingsScreen() {
  const { host, credential, officer, settings: bootSettings } = useKiosk();
  // The boot-time copy goes stale after a save; the host's copy is the truth.
  const [settings, setSettings] = useState<KioskSettings>(bootSettings);
  const [loadError, setLoadError] = useState<string>();
  const canEdit = canEditPrinters(officer.roles);

  useEffect(() => {
    host.settings.get().then(setSettings, (e: Error) => setLoadError(`Không đọc được cài đặt của máy: ${e.message}`));
  }, [host]);

  async function save(patch: Partial<KioskSettings>): Promise<string | undefined> {
    try {
      setSettings(await host.settings.update(patch));
      return undefined;
    } catch (e) {
      return `Không lưu được cài đặt: ${(e as Error).message.replace(/\.$/, '')}. Cài đặt cũ vẫn giữ nguyên.`;
    }
  }

  return (
    <div className="settings-screen">
      {loadError && (
        <p role="alert" className="banner error">
          {loadError}
        </p>
      )}
      <section className="settings-panel" aria-labelledby="counter-title">
        <h2 id="counter-title">Quầy và máy chủ</h2>
        <dl className="facts">
          <dt>Tên quầy</dt>
          <dd>{credential.counterName}</dd>
          <dt>Số quầy</dt>
          <dd>{credential.counterIndex}</dd>
          <dt>Mã quầy</dt>
          <dd>{credential.counterId}</dd>
          <dt>Mã cơ quan tiếp nhận</dt>
          <dd>{credential.agencyCode}</dd>
          <dt>Máy chủ trung tâm</dt>
          <dd>{credential.serverUrl}</dd>
          <dt>Mã thiết bị</dt>
          <dd>{credential.deviceId}</dd>
        </dl>
        <p className="hint">Quầy được đăng ký với máy chủ bằng mã do quản trị viên cấp; muốn đổi máy chủ hay số quầy thì đăng ký lại máy này.</p>
        <ScanFolderField settings={settings} canEdit={canEdit} save={save} />
      </section>
      <PrintersPanel printers={settings.printers} canEdit={canEdit} save={(printers: PrinterConfig[]) => save({ printers })} />
      <PrintQueuePanel printers={settings.printers} />
      <ReturnDeskPanel canEdit={canEdit} />
      <QueueSettingsPanel settings={settings} canEdit={canEdit} save={save} />
      <ScannerPanel key={settings.scannerPort?.path ?? 'keyboard'} settings={settings} canEdit={canEdit} save={save} />
      <AuditPanel />
      <KioskLogPanel />
    </div>
  );
}
