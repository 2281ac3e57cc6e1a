// The VietQR of a fee shown at a fee desk (receiving's fee step, the return desk): the citizen
// scans it with a banking app, the officer ticks "Đã nhận chuyển khoản" once the transfer shows in
// the Center's account. Without a valid account in the configuration, it says so for the supervisor.
import { formatVnd, vietQrPayload } from '../../shared/codes';
import { FieldError } from '../ui/Field';
import { QrSvg } from '../ui/QrSvg';
import { transferAccountOf, type CenterConfig } from './config';
import './vietQr.css';

export function VietQrPanel(props: {
  config: CenterConfig;
  /** Whole đồng; undefined while the amount typed is not a valid one. */
  amount: number | undefined;
  /** The dossier code the transfer carries as its content; undefined while it is being issued. */
  reference: string | undefined;
  received: boolean;
  onReceived(received: boolean): void;
  error?: string;
}) {
  const account = transferAccountOf(props.config);
  const payload = account.ok && props.amount !== undefined && props.reference ? vietQrPayload({ account: account.account, amount: props.amount, reference: props.reference }) : undefined;
  return (
    <section className="vietqr" aria-label="Thanh toán chuyển khoản VietQR">
      {!account.ok ? (
        <p className="vietqr-missing" role="status">
          {account.message}
        </p>
      ) : payload === undefined ? (
        <p className="vietqr-missing" role="status">
          {props.amount === undefined ? 'Nhập số tiền thu hợp lệ để hiện mã VietQR.' : 'Đang cấp mã hồ sơ để làm nội dung chuyển khoản…'}
        </p>
      ) : !payload.ok ? (
        <p className="vietqr-missing" role="status">
          Không tạo được mã VietQR: {payload.error.message}
        </p>
      ) : (
        <div className="vietqr-body">
          <QrSvg value={payload.value} label="Mã VietQR chuyển khoản" className="vietqr-symbol" data-vietqr={payload.value} />
          <dl className="vietqr-facts">
            <dt>Số tiền</dt>
            <dd>{formatVnd(props.amount!)}</dd>
            <dt>Tài khoản nhận</dt>
            <dd>
              {account.account.accountNumber} – {account.account.accountName}
            </dd>
            <dt>Nội dung chuyển khoản</dt>
            <dd className="vietqr-reference">{props.reference}</dd>
          </dl>
        </div>
      )}
      <label className="inline vietqr-received">
        <input
          type="checkbox"
          id="transfer-received"
          checked={props.received}
          onChange={(e) => props.onReceived(e.target.checked)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? 'transfer-received-error' : undefined}
        />{' '}
        Đã nhận chuyển khoản (khoản chuyển đã hiện trong tài khoản của Trung tâm)
      </label>
      <FieldError id="transfer-received" error={props.error} />
    </section>
  );
}
