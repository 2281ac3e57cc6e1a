// Step 5: everything the slip will say, with the appointment computed BEFORE the officer accepts.
// A procedure the catalogue gives no processing time gets its appointment here, typed by the
// officer (or the supervisor standing by) with the reason, both recorded on the dossier.
import { useEffect, useRef } from 'react';
import type { Procedure } from '../../../shared/catalogue';
import { formatVnd } from '../../../shared/codes';
import { formatVietnamDateTime, type DossierRoute } from '../../../shared/domain';
import { TRANSFER_HOW } from '../../../shared/documents';
import { DateField } from '../../ui/DateField';
import { TextField } from '../../ui/Field';
import type { DossierAppointment } from './appointment';
import type { FeeDecision, FieldErrors, ReceiveForm } from './form';

export function ConfirmStep(props: {
  form: ReceiveForm;
  procedure: Procedure;
  appointment?: DossierAppointment;
  /** Received across boundaries: the route the slip will print. */
  route?: DossierRoute;
  centerName(agencyCode: string): string;
  /** The catalogue has no processing time: the appointment is entered here. */
  entersDeadline: boolean;
  supervisor: boolean;
  errors: FieldErrors;
  fee?: FeeDecision;
  remaining?: number;
  busy: boolean;
  problem?: string;
  onChange(form: ReceiveForm): void;
  onAccept(): void;
}) {
  const { form, procedure, appointment, fee, errors } = props;
  const received = form.documents.filter((d) => d.received).length;
  const summary = useRef<HTMLElement>(null);
  // The officer lands on what is left to do: the appointment to enter, or the summary to read before Ctrl+Enter.
  useEffect(() => {
    if (!props.entersDeadline) summary.current?.focus();
  }, [props.entersDeadline]);
  const deadline = form.deadline ?? { date: '', reason: '' };
  const setDeadline = (patch: Partial<typeof deadline>) => props.onChange({ ...form, deadline: { ...deadline, ...patch } });
  return (
    <section ref={summary} tabIndex={-1} className="step-body confirm" aria-label="Kiểm tra trước khi tiếp nhận">
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
        <dd>
          {form.collection.method === 'desk'
            ? `Tại Bộ phận trả kết quả${props.route ? `, ${props.route.returnCenter ? props.centerName(props.route.returnCenter) : '(chưa chọn trung tâm, quay lại bước 4)'}` : ''}`
            : `Qua bưu điện: ${form.collection.address || '(chưa có địa chỉ)'}`}
        </dd>
        {props.route ? (
          <>
            <dt>Phi địa giới</dt>
            <dd data-testid="route-summary">Chuyển đến cơ quan có thẩm quyền {TRANSFER_HOW[props.route.transfer]}; thời gian giải quyết tính từ khi cơ quan đó nhận hồ sơ</dd>
          </>
        ) : null}
        <dt>Hẹn trả kết quả</dt>
        <dd className="appointment" data-testid="appointment">
          {appointment?.ok ? formatVietnamDateTime(appointment.dueAt.toISOString()) : props.entersDeadline ? 'Nhập ngày hẹn bên dưới' : 'Chưa tính được'}
          {appointment?.ok && props.route?.transfer === 'courier' && !appointment.entered ? ' (dự kiến)' : ''}
        </dd>
      </dl>
      {props.entersDeadline ? (
        <fieldset className="deadline">
          <legend>Ngày hẹn trả của hồ sơ này (danh mục chưa có thời hạn giải quyết)</legend>
          <p className="hint">
            {props.supervisor
              ? 'Ngày hẹn được ghi vào hồ sơ là do cán bộ giám sát nhập.'
              : 'Nên mời cán bộ giám sát xác nhận; nếu tự nhập, ngày hẹn được ghi vào hồ sơ là do cán bộ tiếp nhận nhập, kèm lý do.'}
          </p>
          <div className="grid2">
            <DateField id="deadline-date" label="Ngày hẹn trả kết quả" value={deadline.date} onValue={(date) => setDeadline({ date })} error={errors.deadlineDate} autoFocus />
            <TextField
              id="deadline-reason"
              scan="typing"
              label="Lý do, căn cứ của ngày hẹn"
              value={deadline.reason}
              onValue={(reason) => setDeadline({ reason })}
              error={errors.deadlineReason}
              placeholder="ví dụ: theo Điều 102 Luật Xây dựng, ý kiến lãnh đạo Trung tâm"
            />
          </div>
        </fieldset>
      ) : null}
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
      <div className="actions accept-bar">
        <button type="button" className="primary accept" disabled={props.busy} onClick={props.onAccept}>
          Tiếp nhận <kbd>Ctrl+Enter</kbd>
        </button>
      </div>
    </section>
  );
}
