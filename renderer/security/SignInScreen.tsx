// Staff sign-in: against the server when it answers, otherwise from the staff hashes this counter synced.
import { verifyPasswordHash } from '../../shared/auth/password';
import type { DeviceCredential } from '../../shared/host';
import { ServerError, signInOnline } from '../kiosk/api';
import { openDb, type Officer } from '../kiosk/kiosk';
import { SignInForm } from '../ui/SignInForm';

export async function signIn(credential: DeviceCredential, username: string, password: string): Promise<Officer> {
  const name = username.trim().toLowerCase();
  try {
    const session = await signInOnline(credential.serverUrl, name, password);
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
  return <SignInForm title={`Đăng nhập – ${credential.counterName}`} onSignIn={async (username, password) => onSignedIn(await signIn(credential, username, password))} />;
}
