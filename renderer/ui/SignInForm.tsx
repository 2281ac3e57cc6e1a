// The sign-in form of the counter (security/SignInScreen) and of the browser's administration page
// (webadmin/): name and password, the error in Vietnamese, the password cleared after a failure.
import { useState, type ReactNode } from 'react';
import { GateForm } from './GateForm';
import { useBusy } from './useBusy';

export function SignInForm(props: { title: string; hint?: ReactNode; onSignIn(username: string, password: string): Promise<void> }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const { busy, run } = useBusy();

  function submit() {
    setError(undefined);
    if (!username.trim() || !password) return setError('Hãy nhập tên đăng nhập và mật khẩu.');
    void run(
      () => props.onSignIn(username, password),
      (message) => {
        setError(message);
        setPassword('');
      },
    );
  }

  return (
    <GateForm titleId="signin-title" title={props.title} hint={props.hint} error={error} busy={busy} submitLabel="Đăng nhập" busyLabel="Đang đăng nhập…" onSubmit={submit}>
      <label>
        Tên đăng nhập
        <input value={username} onChange={(e) => setUsername(e.target.value)} autoFocus autoComplete="username" />
      </label>
      <label>
        Mật khẩu
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
      </label>
    </GateForm>
  );
}
