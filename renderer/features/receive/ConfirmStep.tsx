// Step 5: everything the slip will say, with the appointment computed BEFORE the officer accepts.
import type { Procedure } from '../../../shared/catalogue';
import { formatVnd } from '../../../shared/codes';
import { formatVietnamDateTime } from '../../../shared/domain';
import type { FeeDecision, ReceiveForm } from './form';

export function ConfirmStep(props: { form: ReceiveForm; procedure: Procedure; appointment?: Date; fee?: FeeDecision; remaining?: number; busy: boolean; problem?: string; onAccept(): void }) {
  const { form, procedure, appointment, fee } = props;
  const received = form.documents.filter((d) => d.received).length;
  return (
    <div className="step-body confirm">
      <dl className="facts big">
        <dt>Thủ tục</dt>
        <dd>{procedure.name}</dd>
        <dt>Người nộp</dt>
        <dd>{form.applicant.name || '—'}</dd>
        <dt>Giấy tờ</dt>
        <dd>
          {received}/{form.documents.length} thành phần · {form.sets} bộ
        </dd>
        <dt>Phí, lệ phí</dt>
        <dd>{fee ? (fee.total === 0 ? 'Không thu (không in biên lai)' : `${formatVnd(fee.total)}${fee.collectHere ? ' · in biên lai' : ' · đã thanh toán trực tuyến'}`) : '—'}</dd>
        <dt>Nhận kết quả</dt>
        <dd>{form.collection.method === 'desk' ? 'Tại Bộ phận trả kết quả' : `Qua bưu điện: ${form.collection.address || '(chưa có địa chỉ)'}`}</dd>
        <dt>Hẹn trả kết quả</dt>
        <dd className="appointment" data-testid="appointment">
          {appointment ? formatVietnamDateTime(appointment.toISOString()) : 'Chưa tính được'}
        </dd>
      </dl>
      {props.remaining !== undefined && props.remaining > 0 ? (
        <p className="hint" data-testid="lease-remaining">
          Số hồ sơ còn lại trong lượt số được cấp hôm nay: {props.remaining}
        </p>
      ) : null}
      {props.remaining === 0 ? (
        <p className="banner warn" role="status">
          Quầy đã hết số hồ sơ được cấp cho hôm nay và chưa kết nối được máy chủ: mã hồ sơ sẽ lấy từ dải số dự phòng của quầy.
        </p>
      ) : null}
      {props.problem ? (
        <p className="banner error" role="alert">
          {props.problem}
        </p>
      ) : null}
      <button type="button" className="primary accept" disabled={props.busy} onClick={props.onAccept}>
        Tiếp nhận <kbd>Ctrl+Enter</kbd>
      </button>
    </div>
  );
}
