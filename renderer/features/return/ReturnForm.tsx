// The hand-over form: at the desk (the applicant or an authorised person, ID checked) or by post.
import { formatVnd } from '../../../shared/codes';
import type { DossierState } from '../../../shared/domain';
import { TextField } from '../../ui/Field';
import { amountDueAtCollection } from '../dossier/card';
import { CardNoteBanner, cardFilledMessage, useCitizenCardScans } from '../dossier/CardScans';
import type { DeskContext } from '../../desk/context';
import type { ActionReport } from '../../desk/Outcome';
import { useDeskForm } from '../../desk/useDeskForm';
import { EMPTY_RETURN_FORM, returnDossier, type PaymentMethod, type ReturnForm as Form } from './returnDossier';
import { DeskFormActions } from '../../ui/DeskFormActions';
import { VietQrPanel } from '../../desk/VietQrPanel';

export function ReturnForm(props: { ctx: DeskContext; dossierId: string; state: DossierState; onDone(report: ActionReport): void; onCancel(): void }) {
  const { ctx, dossierId, state } = props;
  const { form, set, errors, message, busy, submit } = useDeskForm<Form>(
    () => ({ ...EMPTY_RETURN_FORM, method: state.collection?.method === 'post' ? 'post' : 'desk' }),
    (f) => returnDossier(ctx, dossierId, f),
    (f) => {
      const who =
        f.method === 'post' ? `bưu điện (bưu gửi ${f.postalItemNumber.trim().toUpperCase()})` : f.authorised ? `${f.recipientName.trim()} (người được ủy quyền)` : (state.applicant?.name ?? '');
      return `Đã trả kết quả hồ sơ ${state.code ?? ''} cho ${who}.`;
    },
    props.onDone,
  );
  const due = amountDueAtCollection(state);
  // The person collecting shows their card: its number is the ID checked, and an authorised person's name comes with it.
  const cardNote = useCitizenCardScans((card) => {
    set({ recipientId: card.idNumber, ...(form.authorised ? { recipientName: card.fullName } : {}) });
    return cardFilledMessage(card, form.authorised ? undefined : state.applicant?.name);
  });

  return (
    <form noValidate className="desk-form" onSubmit={submit} aria-label="Trả kết quả" onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
      <fieldset className="wide row">
        <legend>Hình thức trả</legend>
        <label className="check">
          <input type="radio" name="method" checked={form.method === 'desk'} onChange={() => set({ method: 'desk' })} /> Tại quầy
        </label>
        <label className="check">
          <input type="radio" name="method" checked={form.method === 'post'} onChange={() => set({ method: 'post' })} /> Qua bưu điện
        </label>
        {errors.method ? (
          <span className="field-error" role="alert">
            {errors.method}
          </span>
        ) : null}
      </fieldset>
      {form.method === 'desk' ? (
        <>
          <CardNoteBanner note={cardNote} />
          <label className="check wide">
            <input type="checkbox" checked={form.authorised} onChange={(e) => set({ authorised: e.target.checked })} /> Người được ủy quyền nhận thay
          </label>
          {form.authorised ? (
            <TextField id="recipient-name" scan="typing" label="Họ tên người nhận" value={form.recipientName} onValue={(v) => set({ recipientName: v })} error={errors.recipientName} />
          ) : (
            <p className="muted">Người nhận: {state.applicant?.name}</p>
          )}
          <TextField
            id="recipient-id"
            scan="typing"
            label="Số định danh (CCCD) của người nhận"
            value={form.recipientId}
            onValue={(v) => set({ recipientId: v })}
            error={errors.recipientId}
            inputMode="numeric"
            autoFocus
          />
          {form.authorised ? (
            <TextField
              id="authorisation-note"
              scan="typing"
              className="wide"
              label="Giấy ủy quyền (số, ngày, nơi chứng thực)"
              value={form.authorisationNote}
              onValue={(v) => set({ authorisationNote: v })}
              error={errors.authorisationNote}
            />
          ) : null}
        </>
      ) : (
        <TextField
          id="postal-item"
          scan="text"
          label="Số hiệu bưu gửi"
          value={form.postalItemNumber}
          onValue={(v) => set({ postalItemNumber: v })}
          error={errors.postalItemNumber}
          hint={state.collection?.method === 'post' ? `Gửi đến: ${state.collection.address}` : undefined}
          autoFocus
        />
      )}
      {due > 0 ? (
        <label className="field" htmlFor="payment-method">
          <span>Thu phí, lệ phí còn lại: {formatVnd(due)}</span>
          <select id="payment-method" value={form.paymentMethod} onChange={(e) => set({ paymentMethod: e.target.value as PaymentMethod, transferReceived: false })}>
            <option value="cash">Tiền mặt</option>
            <option value="transfer">Chuyển khoản</option>
            <option value="card">Thẻ</option>
          </select>
        </label>
      ) : null}
      {due > 0 && form.paymentMethod === 'transfer' ? (
        <VietQrPanel
          config={ctx.config}
          amount={due}
          reference={state.code}
          received={form.transferReceived}
          onReceived={(transferReceived) => set({ transferReceived })}
          error={errors.transferReceived}
        />
      ) : null}
      <DeskFormActions message={message} busy={busy} submitLabel="Ghi nhận trả kết quả" onCancel={props.onCancel} />
    </form>
  );
}
