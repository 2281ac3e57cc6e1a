// Manual entry wherever there is a scan: a torn or faded barcode never blocks work. What the officer
// types here goes into the one scan stream as a scan (source 'manual'), so the screen checks it and
// answers it (sound, colour, message) exactly as it does a scan; a scan while this field has focus
// still goes to the screen, never into the field.
import { useState, type FormEvent } from 'react';
import { makeScan, scanStream } from '../scan';
import { FieldError } from './Field';
import './manualScanEntry.css';

export interface ManualScanEntryProps {
  id: string;
  /** What to type, e.g. 'Mã hồ sơ hoặc số dưới mã vạch'. */
  label: string;
  hint?: string;
  autoFocus?: boolean;
  /** The screen's answer to what was typed, when it is kept under the field rather than in the screen's scan feedback. */
  error?: string;
}

export const MANUAL_ENTRY_EMPTY = 'Chưa gõ mã: gõ mã in trên giấy (hoặc dãy số dưới mã vạch) rồi nhấn Enter.';

export function ManualScanEntry({ id, label, hint = 'Mã vạch rách, mờ hoặc máy quét hỏng: gõ mã rồi nhấn Enter.', autoFocus, error: answer }: ManualScanEntryProps) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  // The screen's answer is about the last entry: it goes as soon as the officer types the next one.
  const [editing, setEditing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Codes are upper-case (H41, BG-…); an officer types them as it comes.
    const typed = code.trim().toUpperCase();
    if (typed === '') return setError(MANUAL_ENTRY_EMPTY);
    setCode('');
    setEditing(false);
    scanStream.emit(makeScan(typed, 'manual'));
  };
  const shown = error ?? (editing ? undefined : answer);
  // Its own layout rather than TextField's: the button sits beside the input whatever the message under it.
  return (
    <form noValidate className="manual-scan" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <div className="manual-scan-row">
        <input
          id={id}
          value={code}
          onChange={(e) => {
            setCode(e.target.value);
            setError(undefined);
            setEditing(true);
          }}
          aria-invalid={shown ? true : undefined}
          aria-describedby={shown ? `${id}-error` : undefined}
          autoFocus={autoFocus}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="secondary">
          Nhập mã <kbd>Enter</kbd>
        </button>
      </div>
      {hint && !shown ? <small className="field-hint">{hint}</small> : null}
      <FieldError id={id} error={shown} />
    </form>
  );
}
