// Recording that the applicant was told to collect: the channel and contact (prefilled from the
// dossier), the prepared text to copy into SMS / Zalo or read out on the phone, and the record.
// The phone number is personal data: it is filled in only for a role that may see it, and only
// after the access is in the audit log, as the card's "Hiện" does.
import { useEffect, useState } from 'react';
import { useKiosk } from '../../kiosk/kiosk';
import { canViewPersonalData } from '../../security/roles';
import { useSecurity } from '../../security/SecurityProvider';
import { NOTICE_CHANNELS, NOTICE_CHANNEL_LABELS, type DossierState, type NoticeChannel } from '../../../shared/domain';
import { FieldError, TextField } from '../../ui/Field';
import type { DeskContext } from '../../desk/context';
import type { ActionReport } from '../../desk/Outcome';
import { useDeskForm } from '../../desk/useDeskForm';
import { contactFor, initialNoticeForm, noticeMessage, noticeReport, recordNotice, resultBeforeAppointment, type NoticeForm as Form } from './notify';
import { DeskFormActions } from '../../ui/DeskFormActions';
import { stripDiacritics } from '../../../shared/text/fold';

const PHONE_CHANNELS: ReadonlySet<NoticeChannel> = new Set(['sms', 'zalo', 'phone']);
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const CONTACT_LABELS: Record<NoticeChannel, string> = {
  sms: 'Số điện thoại di động nhận tin nhắn',
  zalo: 'Số điện thoại Zalo',
  phone: 'Số điện thoại đã gọi',
  email: 'Địa chỉ thư điện tử',
  post: 'Địa chỉ gửi thư',
};

export function NoticeForm(props: { ctx: DeskContext; dossierId: string; state: DossierState; onDone(report: ActionReport): void; onCancel(): void }) {
  const { ctx, state } = props;
  const { officer } = useKiosk();
  const security = useSecurity();
  const [phoneShown, setPhoneShown] = useState(false);
  const [contactNote, setContactNote] = useState<string>();
  const initial = initialNoticeForm(state, ctx);
  const { form, set, errors, message, busy, submit } = useDeskForm<Form>(
    () => (PHONE_CHANNELS.has(initial.channel) ? { ...initial, contact: '' } : initial),
    (f) => recordNotice(ctx, props.dossierId, f),
    (f) => noticeReport(state, f),
    props.onDone,
  );
  const [copied, setCopied] = useState<string>();
  const phone = state.applicant?.phone;
  const mayView = canViewPersonalData(officer.roles);

  // Once per opened form: the access is logged when the officer starts this notice.
  useEffect(() => {
    if (!phone) return;
    if (!mayView) {
      setContactNote('Vai trò của bạn không được xem số điện thoại người nộp: nhập số người nộp đã cung cấp.');
      return;
    }
    let cancelled = false;
    security
      .recordAccess({ action: 'view', field: 'phone', dossierId: props.dossierId, dossierCode: state.code })
      .then(() => {
        if (cancelled) return;
        setPhoneShown(true);
        if (PHONE_CHANNELS.has(initial.channel)) set({ contact: phone });
      })
      .catch((e: unknown) => setContactNote(`Không ghi được nhật ký truy cập nên chưa hiện số điện thoại: ${(e as Error).message}`));
    return () => {
      cancelled = true;
    };
  }, []);

  const contactOf = (c: NoticeChannel) => (PHONE_CHANNELS.has(c) ? (phoneShown ? (phone ?? '') : '') : contactFor(state, c));
  const plain = form.message === stripDiacritics(form.message);

  const copy = () =>
    navigator.clipboard
      .writeText(form.message)
      .then(() => setCopied('Đã chép nội dung; dán vào tin nhắn hoặc Zalo để gửi.'))
      .catch(() => setCopied('Không chép được tự động: bôi đen nội dung rồi nhấn Ctrl+C.'));

  return (
    <form noValidate className="desk-form notice-form" onSubmit={submit} aria-label="Báo người nộp đến nhận" onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
      {resultBeforeAppointment(state) ? (
        <p className="wide banner warn" data-testid="notice-early">
          Kết quả có sớm hạn: người nộp cần được báo trước để đến nhận, không phải chờ đến ngày hẹn.
        </p>
      ) : null}
      <fieldset className="wide">
        <legend>Báo qua</legend>
        <div className="channels">
          {NOTICE_CHANNELS.map((c) => (
            <label key={c} className="check">
              <input type="radio" name="notice-channel" checked={form.channel === c} onChange={() => set({ channel: c, contact: contactOf(c) || form.contact })} />{' '}
              {capitalised(NOTICE_CHANNEL_LABELS[c])}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="wide">
        <TextField id="notice-contact" label={CONTACT_LABELS[form.channel]} value={form.contact} onValue={(v) => set({ contact: v })} error={errors.contact} hint={contactNote} />
      </div>
      <label className={errors.message ? 'field invalid wide' : 'field wide'} htmlFor="notice-message">
        <span>Nội dung báo người nộp</span>
        <textarea id="notice-message" rows={4} value={form.message} onChange={(e) => set({ message: e.target.value })} />
        <small className="notice-length">
          {form.message.length} ký tự{form.channel === 'sms' && !plain ? ' · tin có dấu tốn gấp đôi số tin nhắn' : ''}
        </small>
        <FieldError id="notice-message" error={errors.message} />
      </label>
      <div className="wide row">
        <button type="button" className="secondary" onClick={() => void copy()}>
          Chép nội dung
        </button>
        {form.channel === 'sms' ? (
          <button type="button" className="secondary" onClick={() => set({ message: plain ? noticeMessage(state, ctx) : stripDiacritics(form.message) })}>
            {plain ? 'Viết lại có dấu' : 'Bỏ dấu (SMS)'}
          </button>
        ) : null}
        {copied ? (
          <span className="field-hint" role="status">
            {copied}
          </span>
        ) : null}
      </div>
      <DeskFormActions message={message} errorTestId="notice-error" busy={busy} submitLabel="Ghi nhận đã báo người nộp" onCancel={props.onCancel} />
    </form>
  );
}
