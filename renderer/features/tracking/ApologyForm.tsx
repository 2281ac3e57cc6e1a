// The department's apology and new date (Mẫu 04), recorded once; a second is refused by the
// reducer and its message shown here.
import type { DossierState } from '../../../shared/domain';
import { DateField } from '../../ui/DateField';
import { FieldError, TextField } from '../../ui/Field';
import type { ServerAccess } from '../../kiosk/api';
import type { DeskContext } from '../../desk/context';
import type { ActionReport } from '../../desk/Outcome';
import { useDeskForm } from '../../desk/useDeskForm';
import { EMPTY_APOLOGY_FORM, recordApology, type ApologyForm as Form } from './apology';
import { DeskFormActions } from '../../ui/DeskFormActions';

export function ApologyForm(props: {
  ctx: DeskContext & { departmentName(id: string): string | undefined };
  server: ServerAccess;
  dossierId: string;
  state: DossierState;
  onDone(report: ActionReport): void;
  onCancel(): void;
}) {
  const { form, set, errors, message, busy, submit } = useDeskForm<Form>(
    EMPTY_APOLOGY_FORM,
    (f) => recordApology(props.ctx, props.dossierId, f, props.server),
    () => `Đã ghi nhận văn bản xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${props.state.code ?? ''}.`,
    props.onDone,
  );

  return (
    <form noValidate className="desk-form" onSubmit={submit} aria-label="Xin lỗi và hẹn lại" onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
      <label className={errors.reason ? 'field invalid wide' : 'field wide'} htmlFor="apology-reason">
        <span>Lý do chậm trả kết quả</span>
        <textarea id="apology-reason" rows={2} value={form.reason} onChange={(e) => set({ reason: e.target.value })} autoFocus />
        <FieldError id="apology-reason" error={errors.reason} />
      </label>
      <TextField
        id="apology-officer"
        scan="typing"
        label="Công chức chịu trách nhiệm"
        value={form.responsibleOfficer}
        onValue={(v) => set({ responsibleOfficer: v })}
        error={errors.responsibleOfficer}
      />
      <fieldset className="row">
        <legend>Lý do có chính đáng?</legend>
        <label className="check">
          <input type="radio" name="reason-valid" checked={form.reasonValid === 'yes'} onChange={() => set({ reasonValid: 'yes' })} /> Chính đáng
        </label>
        <label className="check">
          <input type="radio" name="reason-valid" checked={form.reasonValid === 'no'} onChange={() => set({ reasonValid: 'no' })} /> Không chính đáng
        </label>
        <FieldError id="reason-valid" error={errors.reasonValid} />
      </fieldset>
      <DateField id="apology-date" label="Ngày hẹn trả kết quả mới" value={form.newDate} onValue={(v) => set({ newDate: v })} error={errors.newDate} />
      <TextField id="apology-signer" scan="typing" label="Thủ trưởng cơ quan ký (họ tên, không bắt buộc)" value={form.signerName} onValue={(v) => set({ signerName: v })} />
      <DeskFormActions message={message} errorTestId="apology-error" busy={busy} submitLabel="Ghi nhận, in phiếu xin lỗi và giấy hẹn mới" onCancel={props.onCancel} />
    </form>
  );
}
