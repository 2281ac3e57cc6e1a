// A stopped dossier at the desk: where its papers are, and when they are back at the Center the
// hand-back to the applicant or a representative, identity checked as for the stop.
import { useState, type FormEvent } from 'react';
import { formatVietnamDateTime, PAPERS_LABELS, type DossierState, type EventMeta } from '../../../shared/domain';
import type { MotCuaDb } from '../../db';
import { FieldError, TextField } from '../../ui/Field';
import { IdentityFields } from './IdentityFields';
import { EMPTY_HAND_BACK, handBackPapers, type HandBackErrors, type HandBackForm } from './papers';

export function HandBackPanel(props: { db: MotCuaDb; eventMeta(dossierId: string): EventMeta; dossier: DossierState; onDone(state: DossierState, message: string): void }) {
  const { dossier } = props;
  const [form, setForm] = useState<HandBackForm>({ ...EMPTY_HAND_BACK, requesterName: dossier.applicant?.name ?? '' });
  const [errors, setErrors] = useState<HandBackErrors>({});
  const [busy, setBusy] = useState(false);
  const since = dossier.papersMovedAt ? formatVietnamDateTime(dossier.papersMovedAt) : undefined;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const out = await handBackPapers({ db: props.db, eventMeta: props.eventMeta, now: () => new Date() }, dossier, form);
      if (!out.ok) {
        setErrors(out.errors);
        return;
      }
      setErrors({});
      props.onDone(out.state, `Đã trả lại giấy tờ hồ sơ ${out.state.code ?? ''} cho ${form.requesterName.trim()}${form.requester === 'representative' ? ' (người được ủy quyền)' : ''}.`);
    } finally {
      setBusy(false);
    }
  }

  const where = dossier.papers ? PAPERS_LABELS[dossier.papers] : 'Chưa rõ nơi giữ giấy tờ';
  if (dossier.papers !== 'atCenter') {
    const advice =
      dossier.papers === 'away' ? 'Khi bưu điện mang giấy tờ về, quét mã hồ sơ ở màn hình Bàn giao, lô nhận kết quả; sau đó trả lại người nộp tại đây.' : since ? `Đã trả lúc ${since}.` : '';
    return (
      <p className={dossier.papers === 'away' ? 'stop-away' : 'stop-done'} data-testid="papers-where">
        <strong>{where}.</strong> {advice}
      </p>
    );
  }
  return (
    <form noValidate className="stop-form hand-back" onSubmit={(e) => void submit(e)} aria-label="Trả lại giấy tờ cho người nộp">
      <p className="stop-fee" data-testid="papers-where">
        <strong>{where}</strong>
        {since ? ` (từ ${since})` : ''}. Kiểm tra giấy tờ tùy thân của người đến nhận rồi trả lại hồ sơ giấy.
      </p>
      <FieldError id="hand-back-dossier" error={errors.dossier} />
      <IdentityFields
        idPrefix="hand-back"
        legend="Người nhận lại giấy tờ"
        nameLabel="Họ tên người nhận"
        idLabel="Số định danh của người nhận"
        form={form}
        setForm={setForm}
        errors={errors}
        applicantName={dossier.applicant?.name ?? ''}
      />
      {form.requester === 'representative' ? (
        <TextField id="hand-back-note" scan="typing" label="Giấy ủy quyền (số, ngày; không bắt buộc)" value={form.authorisationNote} onValue={(v) => setForm({ ...form, authorisationNote: v })} />
      ) : null}
      <button type="submit" className="primary" disabled={busy}>
        Trả lại giấy tờ cho người nộp <kbd>Enter</kbd>
      </button>
    </form>
  );
}
