// The foot of every desk form (return, correction, apology, notice): the form-wide error, then
// record (Enter) and cancel (Esc).
import type { ReactNode } from 'react';

export function DeskFormActions({ message, errorTestId, busy, submitLabel, onCancel }: { message?: string; errorTestId?: string; busy: boolean; submitLabel: ReactNode; onCancel: () => void }) {
  return (
    <>
      {message ? (
        <p className="field-error wide" role="alert" data-testid={errorTestId}>
          {message}
        </p>
      ) : null}
      <div className="wide row">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel} <kbd>Enter</kbd>
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Hủy <kbd>Esc</kbd>
        </button>
      </div>
    </>
  );
}
