// Trung tâm: what the slips print about the Center (header, address, hotline, website, the status
// page their QR opens, where results are collected, opening hours), the form set, the idle lock,
// and how long counters keep returned dossiers.
import { CENTER_CONFIG_KEY } from '../../desk/config';
import { CENTER_FIELDS, IDLE_FIELDS, RETENTION_FIELDS } from './centerFields';
import type { AdminPageProps } from './page';
import { SettingForm } from './SettingForm';

export function CenterPage({ api }: AdminPageProps) {
  return (
    <>
      <SettingForm
        api={api}
        settingKey={CENTER_CONFIG_KEY}
        title="Thông tin in trên giấy hẹn và phiếu"
        fields={CENTER_FIELDS}
        saved="Đã lưu thông tin Trung tâm. Các quầy nhận ở lần đồng bộ tới (vài giây khi có mạng) và in theo từ phiếu sau."
      />
      <SettingForm api={api} settingKey="idleLockMinutes" title="Khoá màn hình khi vắng mặt" fields={IDLE_FIELDS} saved="Đã lưu thời gian tự khoá màn hình; các quầy áp dụng sau lần đồng bộ tới." />
      <SettingForm
        api={api}
        settingKey="retentionMonths"
        title="Lưu giữ hồ sơ tại quầy"
        fields={RETENTION_FIELDS}
        saved="Đã lưu thời hạn lưu giữ; các quầy dọn theo thời hạn mới sau lần đồng bộ tới."
      />
    </>
  );
}
