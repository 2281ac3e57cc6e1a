// The form of a screen before the shell (the counter's enrolment, the sign-in, a new password): its
// title and hint, the fields, the form's error in a banner, and the one submit button, which says
// what it is doing while the action runs.
import type { ReactNode } from 'react';

export function GateForm(props: {
  titleId: string;
  title: ReactNode;
  hint?: ReactNode;
  error?: string;
  busy?: boolean;
  submitLabel: string;
  busyLabel: string;
  onSubmit(): void;
  children: ReactNode;
  /** Under the submit button (a way back). */
  after?: ReactNode;
}) {
  return (
    <form
      noValidate
      className="gate"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
      aria-labelledby={props.titleId}
    >
      <h1 id={props.titleId}>{props.title}</h1>
      {props.hint ? <p className="hint">{props.hint}</p> : null}
      {props.children}
      {props.error ? (
        <p role="alert" className="banner error">
          {props.error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={props.busy}>
        {props.busy ? props.busyLabel : props.submitLabel}
      </button>
      {props.after}
    </form>
  );
}
