// Staff sign-in: against the server when it answers, otherwise from the staff hashes this counter
// synced. A temporary password an administrator set (a new account, a reset) is replaced online
// before the officer works; offline it is refused until then.
import { useState } from 'react';
import { verifyPasswordHash } from '../../shared/auth/password';
import type { DeviceCredential } from '../../shared/host';
import { changeOwnPassword, ServerError, signInOnline } from '../kiosk/api';
import { useCenterNamesIn } from '../kiosk/centerNames';
import { openDb, type Officer } from '../kiosk/kiosk';
import { ChangePasswordForm } from '../ui/ChangePasswordForm';
import { SignInForm } from '../ui/SignInForm';

export interface SignedIn {
  officer: Officer;
  /** The password is an administrator's temporary one: the session may only set a new one. */
  mustChangePassword: boolean;
}

export const TEMPORARY_PASSWORD_OFFLINE =
  'Mật khẩu này là mật khẩu tạm do quản trị viên đặt và phải được đổi khi quầy kết nối được máy chủ Trung tâm. Quầy đang mất kết nối: hãy thử lại khi có mạng, hoặc nhờ quản trị viên.';

export async function signIn(credential: DeviceCredential, username: string, password: string): Promise<SignedIn> {
  const name = username.trim().toLowerCase();
  try {
    const session = await signInOnline(credential.serverUrl, name, password, credential.token);
    return { officer: { ...session.staff, sessionToken: session.token }, mustChangePassword: session.mustChangePassword === true };
  } catch (error) {
    if (!(error instanceof ServerError) || error.code !== 'OFFLINE') throw error;
  }
  const staff = await openDb().staff.where('username').equals(name).first();
  if (!staff || staff.disabled || !staff.passwordHash || !(await verifyPasswordHash(password, staff.passwordHash))) {
    throw new Error('Sai tên đăng nhập hoặc mật khẩu (đang mất kết nối máy chủ, kiểm tra theo danh sách cán bộ đã đồng bộ).');
  }
  if (staff.mustChangePassword) throw new Error(TEMPORARY_PASSWORD_OFFLINE);
  return { officer: { id: staff.id, username: staff.username, fullName: staff.fullName, roles: staff.roles }, mustChangePassword: false };
}

export function SignInScreen({ credential, onSignedIn }: { credential: DeviceCredential; onSignedIn(o: Officer): void }) {
  const [temporary, setTemporary] = useState<{ officer: Officer; password: string }>();
  // Which center's counter this is: an account of another center is refused here.
  const center = useCenterNamesIn(openDb())(credential.agencyCode);
  if (temporary)
    return (
      <ChangePasswordForm
        username={temporary.officer.username}
        onCancel={() => setTemporary(undefined)}
        onChange={async (newPassword) => {
          await changeOwnPassword(credential.serverUrl, temporary.officer.sessionToken!, temporary.password, newPassword);
          onSignedIn(temporary.officer);
        }}
      />
    );
  return (
    <SignInForm
      title={`Đăng nhập – ${credential.counterName}`}
      hint={center ? <span data-testid="signin-center">{center}</span> : undefined}
      onSignIn={async (username, password) => {
        const answer = await signIn(credential, username, password);
        if (answer.mustChangePassword) setTemporary({ officer: answer.officer, password });
        else onSignedIn(answer.officer);
      }}
    />
  );
}
