// The sign-in form of the counter (security/SignInScreen) and of the browser's administration page
// (webadmin/): name and password, the error in Vietnamese, the password cleared after a failure.
import { useState, type FormEvent, type ReactNode } from 'react';

export function SignInForm(props: { title: string; hint?: ReactNode; onSignIn(username: string, password: string): Promise<void> }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (!username.trim() || !password) return setError('Hãy nhập tên đăng nhập và mật khẩu.');
    setBusy(true);
    try {
      await props.onSignIn(username, password);
    } catch (e) {
      setError((e as Error).message);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate className="gate" onSubmit={submit} aria-labelledby="signin-title">
      <h1 id="signin-title">{props.title}</h1>
      {props.hint && <p className="hint">{props.hint}</p>}
      <label>
        Tên đăng nhập
        <input value={username} onChange={(e) => setUsername(e.target.value)} autoFocus autoComplete="username" />
      </label>
      <label>
        Mật khẩu
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
      </label>
      {error && (
        <p role="alert" className="banner error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
      </button>
    </form>
  );
}
