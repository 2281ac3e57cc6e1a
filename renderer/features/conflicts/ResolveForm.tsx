// The note a supervisor writes when resolving one conflict. Enter records it, Esc closes; a
// refused note keeps what was typed and says why under the field.
import { useState, type FormEvent } from 'react';
import { checkResolutionNote, type ConflictView } from './conflicts';

export function ResolveForm(props: { conflict: ConflictView; busy: boolean; serverError?: string; onResolve(note: string): void; onCancel(): void }) {
  const { conflict } = props;
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const check = checkResolutionNote(note);
    if (!check.ok) return setError(check.message);
    setError(undefined);
    props.onResolve(check.note);
  };

  const problem = error ?? props.serverError;
  return (
    <form
      noValidate
      className="resolve-form"
      aria-label={`Xử lý xung đột hồ sơ ${conflict.dossierCode}`}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <p>
        Hồ sơ <strong className="code">{conflict.dossierCode}</strong> · {conflict.action} tại {conflict.counter} · {conflict.officer}
      </p>
      <p className="conflict-message">{conflict.message}</p>
      <label className={problem ? 'field invalid' : 'field'} htmlFor="conflict-note">
        <span>Ghi chú xử lý</span>
        <input
          id="conflict-note"
          value={note}
          autoFocus
          autoComplete="off"
          maxLength={2000}
          placeholder="ví dụ: đã gọi công dân xác nhận, kết quả trả tại quầy 8"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'conflict-note-error' : undefined}
          onChange={(e) => {
            setNote(e.target.value);
            setError(undefined);
          }}
        />
        {problem ? (
          <span id="conflict-note-error" className="field-error" role="alert">
            {problem}
          </span>
        ) : null}
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={props.busy}>
          {props.busy ? 'Đang ghi nhận…' : 'Ghi nhận đã xử lý'} <kbd>Enter</kbd>
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          Đóng <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
