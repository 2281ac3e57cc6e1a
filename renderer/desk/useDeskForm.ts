// The plumbing every desk form shares: the form's fields, the errors at each field, one message,
// a busy flag against double submission, and the report once the action has been recorded.
import { useState, type FormEvent } from 'react';
import type { DeskOutcome } from './context';
import type { ActionReport } from './Outcome';

export function useDeskForm<F>(initial: F | (() => F), run: (form: F) => Promise<DeskOutcome>, report: (form: F) => string, onDone: (report: ActionReport) => void) {
  const [form, setForm] = useState<F>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<F>) => setForm((f) => ({ ...f, ...patch }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const out = await run(form);
      if (!out.ok) {
        setErrors(out.errors);
        setMessage(out.message);
        return;
      }
      onDone({ message: report(form), prints: out.prints, warnings: out.warnings });
    } finally {
      setBusy(false);
    }
  }

  return { form, set, errors, message, busy, submit };
}
