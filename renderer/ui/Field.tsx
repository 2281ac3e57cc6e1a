// A labelled input with its Vietnamese error right under it, linked for screen readers.
import type { InputHTMLAttributes, ReactNode } from 'react';
import type { FieldScanPolicy } from '../scan/fieldPolicy';

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <span className="field-error" id={`${id}-error`} role="alert">
      {error}
    </span>
  );
}

export function TextField(
  props: {
    id: string;
    label: ReactNode;
    value: string;
    onValue(value: string): void;
    error?: string;
    hint?: string;
    /** What a scanner burst typed here means (scan/fieldPolicy.ts); unset: a scan goes to the screen. */
    scan?: FieldScanPolicy;
  } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>,
) {
  const { id, label, value, onValue, error, hint, scan, ...rest } = props;
  return (
    <label className={error ? 'field invalid' : 'field'} htmlFor={id}>
      <span>{label}</span>
      <input id={id} value={value} onChange={(e) => onValue(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} data-scan={scan} {...rest} />
      {hint && !error ? <small className="field-hint">{hint}</small> : null}
      <FieldError id={id} error={error} />
    </label>
  );
}
