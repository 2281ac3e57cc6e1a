// Manual entry wherever there is a scan: a torn or faded barcode never blocks work. What the officer
// types here goes into the one scan stream as a scan (source 'manual'), so the screen checks it and
// answers it (sound, colour, message) exactly as it does a scan; a scan while this field has focus
// still goes to the screen, never into the field.
import { useState, type FormEvent } from 'react';
import { makeScan, scanStream } from '../scan';
import { TextField } from './Field';
import './manualScanEntry.css';

export interface ManualScanEntryProps {
  id: string;
  /** What to type, e.g. 'Mã hồ sơ hoặc số dưới mã vạch'. */
  label: string;
  hint?: string;
  autoFocus?: boolean;
}

export const MANUAL_ENTRY_EMPTY = 'Chưa gõ mã: gõ mã in trên giấy (hoặc dãy số dưới mã vạch) rồi nhấn Enter.';

export function ManualScanEntry({ id, label, hint = 'Mã vạch rách, mờ hoặc máy quét hỏng: gõ mã rồi nhấn Enter.', autoFocus }: ManualScanEntryProps) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Codes are upper-case (H41, BG-…); an officer types them as it comes.
    const typed = code.trim().toUpperCase();
    if (typed === '') return setError(MANUAL_ENTRY_EMPTY);
    setCode('');
    scanStream.emit(makeScan(typed, 'manual'));
  };
  return (
    <form noValidate className="manual-scan" role="search" aria-label={label} onSubmit={submit}>
      <TextField
        id={id}
        label={label}
        value={code}
        onValue={(value) => {
          setCode(value);
          setError(undefined);
        }}
        error={error}
        hint={hint}
        autoFocus={autoFocus}
        autoComplete="off"
        spellCheck={false}
      />
      <button type="submit" className="secondary">
        Nhập mã <kbd>Enter</kbd>
      </button>
    </form>
  );
}
