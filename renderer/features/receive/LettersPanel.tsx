// When something is missing: the supplement request (Mẫu 02) or the refusal (Mẫu 03), never
// without written reasons.
import { FieldError, TextField } from '../../ui/Field';
import { useShortcut } from '../../ui/useShortcut';
import type { FieldErrors, ReceiveForm } from './form';
import { supplementItems } from './letters';
import type { LetterKind } from './receiveState';

export function LettersPanel(props: { kind: LetterKind; form: ReceiveForm; errors: FieldErrors; problem?: string; busy: boolean; onChange(f: ReceiveForm): void; onIssue(): void; onCancel(): void }) {
  const { form, errors } = props;
  useShortcut('Escape', props.onCancel);
  // Ctrl+Enter issues either letter; in the refusal's reasons a plain Enter starts a new line.
  useShortcut('Ctrl+Enter', props.onIssue);
  const items = supplementItems(form);
  const setSupplement = (patch: Partial<ReceiveForm['supplement']>) => props.onChange({ ...form, supplement: { ...form.supplement, ...patch } });
  return (
    <form
      noValidate
      className="panel letters"
      aria-label={props.kind === 'supplement' ? 'Phiếu yêu cầu bổ sung' : 'Phiếu từ chối'}
      onSubmit={(e) => {
        e.preventDefault();
        props.onIssue();
      }}
    >
      {props.kind === 'supplement' ? (
        <>
          <h3>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)</h3>
          <p>Mọi giấy tờ còn thiếu được liệt kê một lần:</p>
          <ol className="missing">
            {items.map((item) => (
              <li key={item.document}>
                <label className="field" htmlFor={`req-${item.document}`}>
                  <span>{item.document}</span>
                  <input
                    id={`req-${item.document}`}
                    value={form.supplement.requirements[item.document] ?? ''}
                    placeholder={item.requirement}
                    onChange={(e) => setSupplement({ requirements: { ...form.supplement.requirements, [item.document]: e.target.value } })}
                  />
                </label>
              </li>
            ))}
          </ol>
          <FieldError id="supplement-items" error={errors.supplementItems} />
          <TextField
            id="supplement-reason"
            scan="typing"
            label="Lý do yêu cầu bổ sung"
            value={form.supplement.reason}
            onValue={(reason) => setSupplement({ reason })}
            error={errors.supplementReason}
            autoFocus
          />
          <TextField
            id="supplement-phone"
            label="Điện thoại liên hệ của cán bộ hướng dẫn"
            value={form.supplement.contactPhone}
            onValue={(contactPhone) => setSupplement({ contactPhone })}
            error={errors.contactPhone}
            inputMode="tel"
          />
        </>
      ) : (
        <>
          <h3>Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)</h3>
          <label className={errors.refusalReasons ? 'field invalid' : 'field'} htmlFor="refusal-reasons">
            <span>Lý do từ chối (mỗi lý do một dòng)</span>
            <textarea id="refusal-reasons" rows={4} autoFocus value={form.refusal.reasons} onChange={(e) => props.onChange({ ...form, refusal: { reasons: e.target.value } })} />
            <FieldError id="refusal-reasons" error={errors.refusalReasons} />
          </label>
        </>
      )}
      {props.problem ? (
        <p className="banner error" role="alert">
          {props.problem}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={props.busy}>
          {props.kind === 'supplement' ? 'Lập và in phiếu yêu cầu bổ sung' : 'Lập và in phiếu từ chối'} <kbd>{props.kind === 'supplement' ? 'Enter' : 'Ctrl+Enter'}</kbd>
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          Quay lại <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
