// Quản trị at a counter: the administration section over the counter's server, as the officer
// signed in online. An offline sign-in has no session: administration waits for the server.
import { useMemo } from 'react';
import { useKiosk } from '../../kiosk/kiosk';
import { AdminSection } from './AdminSection';
import { adminApi } from './adminApi';

export function KioskAdmin() {
  const { credential, officer } = useKiosk();
  const api = useMemo(() => (officer.sessionToken ? adminApi(credential.serverUrl, officer.sessionToken) : undefined), [credential.serverUrl, officer.sessionToken]);
  if (!api)
    return (
      <p role="alert" className="banner error">
        Quản trị cần kết nối máy chủ Trung tâm: tài khoản này đăng nhập khi mất kết nối. Hãy đăng xuất và đăng nhập lại khi máy chủ hoạt động.
      </p>
    );
  const { id, username, fullName, roles } = officer;
  return <AdminSection api={api} admin={{ id, username, fullName, roles }} runtime="kiosk" />;
}
