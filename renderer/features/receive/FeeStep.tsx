// Step 4: fees from the catalogue (editable with a reason; unknown amounts typed by the officer),
// the payment method, and how the result will be collected.
import type { Procedure } from '../../../shared/catalogue';
import { PAYMENT_METHOD_LABELS } from '../../../shared/domain';
import { parseVnd } from '../../../shared/codes';
import type { CenterConfig } from '../../desk/config';
import { VietQrPanel } from '../../desk/VietQrPanel';
import { TextField } from '../../ui/Field';
import { feeText } from './ProcedureDetails';
import { RouteFields } from './RouteFields';
import type { CenterInfo } from '../../../shared/sync/protocol';
import type { FieldErrors, PaymentMethod, ReceiveForm } from './form';

const METHODS: PaymentMethod[] = ['cash', 'transfer', 'card', 'online'];

export function FeeStep({
  form,
  procedure,
  errors,
  onChange,
  config,
  transferReference,
  across,
}: {
  form: ReceiveForm;
  procedure: Procedure;
  errors: FieldErrors;
  onChange(f: ReceiveForm): void;
  config: CenterConfig | undefined;
  /** The dossier code the VietQR carries, once its number is taken. */
  transferReference: string | undefined;
  /** A procedure received across boundaries here: the centers of the province and this center's agency code. */
  across?: { centers: readonly CenterInfo[]; own: string };
}) {
  const fee = form.fee;
  // A transfer seen for another amount or method is no proof for this one: the officer ticks again.
  const setFee = (patch: Partial<ReceiveForm['fee']>) =>
    onChange({ ...form, fee: { ...fee, ...patch, transferReceived: 'amount' in patch || 'method' in patch ? false : (patch.transferReceived ?? fee.transferReceived) } });
  const amount = parseVnd(fee.amount);
  const setCollection = (patch: Partial<ReceiveForm['collection']>) => onChange({ ...form, collection: { ...form.collection, ...patch } });
  return (
    <div className="step-body">
      <p className="catalogue-fee">Theo danh mục: {feeText(procedure)}</p>
      <div className="grid2">
        <TextField
          id="fee-amount"
          label="Số tiền thu (đồng)"
          value={fee.amount}
          onValue={(amount) => setFee({ amount })}
          error={errors.feeAmount}
          hint="Nhập 0 nếu không thu. Số tiền 0 không in biên lai."
          autoFocus
        />
        <TextField id="fee-reason" scan="typing" label="Lý do thay đổi mức thu (nếu khác danh mục)" value={fee.reason} onValue={(reason) => setFee({ reason })} error={errors.feeReason} />
        <label className="field" htmlFor="fee-method">
          <span>Hình thức nộp</span>
          <select id="fee-method" value={fee.method} onChange={(e) => setFee({ method: e.target.value as PaymentMethod })}>
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {m === 'online' ? 'Đã thanh toán trực tuyến' : PAYMENT_METHOD_LABELS[m][0]!.toUpperCase() + PAYMENT_METHOD_LABELS[m].slice(1)}
              </option>
            ))}
          </select>
        </label>
        {fee.method === 'online' ? (
          <TextField
            id="fee-online"
            scan="text"
            label="Ký hiệu và số biên lai trực tuyến"
            value={fee.onlineReceipt}
            onValue={(onlineReceipt) => setFee({ onlineReceipt })}
            error={errors.onlineReceipt}
            placeholder="EBL01/26TAB-00000123"
          />
        ) : null}
        {fee.method === 'transfer' && config ? (
          <VietQrPanel
            config={config}
            amount={amount.ok && amount.value > 0 ? amount.value : undefined}
            reference={transferReference}
            received={fee.transferReceived === true}
            onReceived={(transferReceived) => setFee({ transferReceived })}
            error={errors.transferReceived}
          />
        ) : null}
      </div>
      <fieldset className="kind">
        <legend>Nhận kết quả</legend>
        <label className="inline">
          <input type="radio" name="collection" checked={form.collection.method === 'desk'} onChange={() => setCollection({ method: 'desk' })} /> Tại Bộ phận trả kết quả
        </label>
        <label className="inline">
          <input
            type="radio"
            name="collection"
            checked={form.collection.method === 'post'}
            onChange={() => setCollection({ method: 'post', address: form.collection.address || form.applicant.address })}
          />{' '}
          Qua bưu điện
        </label>
      </fieldset>
      {form.collection.method === 'post' ? (
        <TextField
          id="collection-address"
          scan="typing"
          label="Địa chỉ nhận kết quả qua bưu điện"
          value={form.collection.address}
          onValue={(address) => setCollection({ address })}
          error={errors.collectionAddress}
        />
      ) : null}
      {across ? <RouteFields form={form} centers={across.centers} own={across.own} errors={errors} onChange={onChange} /> : null}
    </div>
  );
}
