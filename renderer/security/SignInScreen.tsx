// Staff sign-in: against the server when it answers, otherwise from the staff hashes this counter synced.
import { useState, type FormEvent } from 'react';
import { verifyPasswordHash } from '../../shared/auth/password';
import type { DeviceCredential } from '../../shared/host';
import type { SessionResponse } from '../../shared/sync/protocol';
import { callServer, ServerError } from '../kiosk/api';
import { openDb, type Officer } from '../kiosk/kiosk';

export async function signIn(credential: DeviceCredential, username: string, password: string): Promise<Officer> {
  const name = username.trim().toLowerCase();
  try {
    const session = await callServer<SessionResponse>(credential.serverUrl, '/v1/sessions', { body: { username: name, password } });
    return { ...session.staff, sessionToken: session.token };
  } catch (error) {
    if (!(error instanceof ServerError) || error.code !== 'OFFLINE') throw error;
  }
  const staff = await openDb().staff.where('username').equals(name).first();
  if (!staff || staff.disabled || !staff.passwordHash || !(await verifyPasswordHash(password, staff.passwordHash))) {
    throw new Error('Sai tên đăng nhập hoặc mật khẩu (đang mất kết nối máy chủ, kiểm tra theo danh sách cán bộ đã đồng bộ).');
  }
  return { id: staff.id, username: staff.username, fullName: staff.fullName, roles: staff.roles };
}

export function SignInScreen({ credential, onSignedIn }: { credential: DeviceCredential; onSignedIn(o: Officer): void }) {
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
      onSignedIn(await signIn(credential, username, password));
    } catch (e) {
      setError((e as Error).message);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate className="gate" onSubmit={submit} aria-labelledby="signin-title">
      <h1 id="signin-title">Đăng nhập – {credential.counterName}</h1>
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
