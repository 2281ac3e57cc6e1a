// Biên lai: the collecting unit, its tax code, the form symbol and the series per year. Until they
// are set a desk refuses to collect a fee and names what is missing (desk/config.ts receiptSetupProblem).
// A center's own (Các trung tâm › Phạm vi, biên lai) is the same form over that center's setting.
import { CENTER_CONFIG_KEY } from '../../desk/config';
import { RECEIPT_FIELDS } from './centerFields';
import type { AdminApi } from './adminApi';
import type { AdminPageProps } from './page';
import { SettingForm } from './SettingForm';

export function ReceiptsForm({ api, center }: { api: AdminApi; center?: { id: string; name: string } }) {
  return (
    <SettingForm
      api={api}
      settingKey={CENTER_CONFIG_KEY}
      title={center ? `Biên lai thu phí, lệ phí của ${center.name}` : 'Biên lai thu phí, lệ phí'}
      fields={RECEIPT_FIELDS}
      center={center}
      saved={
        center
          ? `Đã lưu cấu hình biên lai của ${center.name}. Các quầy của trung tâm lập biên lai theo cấu hình này sau lần đồng bộ tới.`
          : 'Đã lưu cấu hình biên lai. Các quầy lập biên lai theo cấu hình mới sau lần đồng bộ tới.'
      }
    >
      <p className="hint">
        {center ? 'Ô nào để như cấp tỉnh thì trung tâm dùng như cấp tỉnh; thông tin lưu ở đây chỉ áp dụng cho các quầy của trung tâm này. ' : ''}
        Quầy không lập biên lai (không thu phí tại quầy) khi còn thiếu một trong các thông tin này, và báo rõ thiếu gì.
      </p>
    </SettingForm>
  );
}

export function ReceiptsPage({ api }: AdminPageProps) {
  return <ReceiptsForm api={api} />;
}
