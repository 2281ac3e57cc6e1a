// The administration section in a browser on the Center's LAN, served by the central server at
// /quan-tri/: a sign-in against the server that served the page, then the same pages as the
// kiosk's Quản trị section. No kiosk host and no local database: only the server's API.
import { useMemo, useState } from 'react';
import type { SessionResponse } from '../../shared/sync/protocol';
import { AdminSection } from '../features/admin/AdminSection';
import { adminApi, changeOwnPassword, signInOnline, type AdminIdentity } from '../features/admin/adminApi';
import { ChangePasswordForm } from '../ui/ChangePasswordForm';
import { SignInForm } from '../ui/SignInForm';

const SESSION_KEY = 'motcua.admin.session';

interface Session {
  token: string;
  admin: AdminIdentity;
}

function storedSession(): Session | undefined {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

export function AdminApp({ serverUrl }: { serverUrl: string }) {
  const [session, setSession] = useState<Session | undefined>(storedSession);
  const api = useMemo(() => (session ? adminApi(serverUrl, session.token) : undefined), [serverUrl, session]);
  const signedIn = (answer: SessionResponse) => {
    const next = { token: answer.token, admin: answer.staff };
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(next));
    setSession(next);
  };
  const signOut = () => {
    if (api) void api.delete('/v1/sessions/current').catch(() => undefined);
    sessionStorage.removeItem(SESSION_KEY);
    setSession(undefined);
  };
  if (!session || !api) return <AdminSignIn serverUrl={serverUrl} onSignedIn={signedIn} />;
  return (
    <div className="admin-web">
      <header className="shell-header">
        <div className="brand">
          <strong>Trung tâm Phục vụ Hành chính công</strong>
          <span>Quản trị hệ thống Một cửa</span>
        </div>
        <div className="identity" data-testid="admin-identity">
          <span className="counter-name">{session.admin.fullName}</span>
          <span className="runtime">
            {session.admin.username} · máy chủ {serverUrl}
          </span>
          <button type="button" className="link" onClick={signOut}>
            Đăng xuất
          </button>
        </div>
      </header>
      <main className="admin-web-main">
        <h1>Quản trị</h1>
        <AdminSection api={api} admin={session.admin} runtime="browser" />
      </main>
    </div>
  );
}

function AdminSignIn({ serverUrl, onSignedIn }: { serverUrl: string; onSignedIn(answer: SessionResponse): void }) {
  const [temporary, setTemporary] = useState<{ answer: SessionResponse; password: string }>();
  if (temporary)
    return (
      <ChangePasswordForm
        username={temporary.answer.staff.username}
        onCancel={() => setTemporary(undefined)}
        onChange={async (newPassword) => {
          await changeOwnPassword(serverUrl, temporary.answer.token, temporary.password, newPassword);
          onSignedIn(temporary.answer);
        }}
      />
    );
  return (
    <SignInForm
      title="Quản trị – đăng nhập"
      hint={`Trang quản trị của máy chủ Trung tâm ${serverUrl}. Dùng tài khoản có vai trò quản trị.`}
      onSignIn={async (username, password) => {
        const answer = await signInOnline(serverUrl, username, password);
        if (!answer.staff.roles.includes('administrator')) throw new Error(`Tài khoản ${answer.staff.username} không có vai trò quản trị. Chỉ quản trị viên được vào trang này.`);
        if (answer.mustChangePassword) setTemporary({ answer, password });
        else onSignedIn(answer);
      }}
    />
  );
}
