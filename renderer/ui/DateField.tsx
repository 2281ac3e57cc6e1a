// A date the Vietnamese way, whatever the machine's language: typed as dd/mm/yyyy (the browser's
// own date input shows mm/dd/yyyy and an English calendar on an English system). The form keeps the
// date's key "YYYY-MM-DD" once the text is a date that exists, and the text as typed until then, so
// its check can say what is wrong.
import { useEffect, useState, type ReactNode } from 'react';
import { formatVietnamDate, parseDateText } from '../../shared/domain';
import { TextField } from './Field';

const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;

export function DateField(props: { id: string; label: ReactNode; value: string; onValue(value: string): void; error?: string; autoFocus?: boolean }) {
  const { id, label, value, onValue, error, autoFocus } = props;
  const [text, setText] = useState(() => (DATE_KEY.test(value) ? formatVietnamDate(value) : value));
  // A form reset (or a date set by the screen) shows here; the officer's own typing stays as typed.
  useEffect(() => {
    setText((current) => ((parseDateText(current) ?? current) === value ? current : DATE_KEY.test(value) ? formatVietnamDate(value) : value));
  }, [value]);
  return (
    <TextField
      id={id}
      label={label}
      value={text}
      onValue={(typed) => {
        setText(typed);
        onValue(parseDateText(typed) ?? typed);
      }}
      onBlur={() => {
        const key = parseDateText(text);
        if (key) setText(formatVietnamDate(key));
      }}
      error={error}
      hint="ngày/tháng/năm, ví dụ 20/03/2026"
      placeholder="dd/mm/yyyy"
      inputMode="numeric"
      autoComplete="off"
      autoFocus={autoFocus}
      scan="typing"
    />
  );
}
