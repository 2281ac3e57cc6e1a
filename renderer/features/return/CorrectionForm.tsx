// The correction request after a return: who is at fault, what is wrong, the new date.
import type { DossierState } from '../../../shared/domain';
import { DateField } from '../../ui/DateField';
import { FieldError } from '../../ui/Field';
import type { ServerAccess } from '../../kiosk/api';
import { EMPTY_CORRECTION_FORM, requestCorrection, type CorrectionForm as Form } from './correction';
import type { DeskContext } from '../../desk/context';
import type { ActionReport } from '../../desk/Outcome';
import { useDeskForm } from '../../desk/useDeskForm';
import { DeskFormActions } from '../../ui/DeskFormActions';

export function CorrectionForm(props: { ctx: DeskContext; server: ServerAccess; dossierId: string; state: DossierState; onDone(report: ActionReport): void; onCancel(): void }) {
  const { form, set, errors, message, busy, submit } = useDeskForm<Form>(
    EMPTY_CORRECTION_FORM,
    (f) => requestCorrection(props.ctx, props.dossierId, f, props.server),
    (f) =>
      `Đã ghi nhận yêu cầu đính chính hồ sơ ${props.state.code ?? ''}; hồ sơ chuyển lại cơ quan giải quyết qua bàn giao.${f.fault === 'agency' ? ' Lỗi của cơ quan giải quyết: không thu phí.' : ''}`,
    props.onDone,
  );

  return (
    <form noValidate className="desk-form" onSubmit={submit} aria-label="Đính chính kết quả" onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
      <fieldset className="wide row">
        <legend>Bên có lỗi</legend>
        <label className="check">
          <input type="radio" name="fault" checked={form.fault === 'agency'} onChange={() => set({ fault: 'agency' })} autoFocus /> Cơ quan giải quyết (không thu phí)
        </label>
        <label className="check">
          <input type="radio" name="fault" checked={form.fault === 'applicant'} onChange={() => set({ fault: 'applicant' })} /> Người nộp hồ sơ
        </label>
        <FieldError id="fault" error={errors.fault} />
      </fieldset>
      <label className={errors.description ? 'field invalid wide' : 'field wide'} htmlFor="correction-description">
        <span>Nội dung sai sót cần đính chính</span>
        <textarea id="correction-description" rows={2} value={form.description} onChange={(e) => set({ description: e.target.value })} />
        <FieldError id="correction-description" error={errors.description} />
      </label>
      <DateField id="correction-date" label="Ngày hẹn trả kết quả đính chính" value={form.newDate} onValue={(v) => set({ newDate: v })} error={errors.newDate} />
      <DeskFormActions message={message} busy={busy} submitLabel="Ghi nhận và in giấy hẹn mới" onCancel={props.onCancel} />
    </form>
  );
}
