// Biên lai: the collecting unit, its tax code, the form symbol and the series per year. Until they
// are set a desk refuses to collect a fee and names what is missing (desk/config.ts receiptSetupProblem).
import { CENTER_CONFIG_KEY } from '../../desk/config';
import { RECEIPT_FIELDS } from './centerFields';
import type { AdminPageProps } from './page';
import { SettingForm } from './SettingForm';

export function ReceiptsPage({ api }: AdminPageProps) {
  return (
    <SettingForm
      api={api}
      settingKey={CENTER_CONFIG_KEY}
      title="Biên lai thu phí, lệ phí"
      fields={RECEIPT_FIELDS}
      saved="Đã lưu cấu hình biên lai. Các quầy lập biên lai theo cấu hình mới sau lần đồng bộ tới."
    >
      <p className="hint">Quầy không lập biên lai (không thu phí tại quầy) khi còn thiếu một trong các thông tin này, và báo rõ thiếu gì.</p>
    </SettingForm>
  );
}
