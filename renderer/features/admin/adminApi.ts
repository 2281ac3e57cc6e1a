// The administration section's one door to the central server: its address and the signed-in
// administrator's session. The same client serves the section in the kiosk (the counter's server,
// the officer's online session) and in a browser on the Center's LAN (the page's own origin).
// No kiosk host and no local database behind it: every page reads and writes the server.
import type { StaffRole } from '../../../shared/sync/protocol';
import { callServer } from '../../kiosk/api';

export { changeOwnPassword, ServerError, signInOnline } from '../../kiosk/api';

/** The administrator signed in, as the server answered the sign-in. */
export interface AdminIdentity {
  id: string;
  username: string;
  fullName: string;
  roles: StaffRole[];
}

export interface AdminApi {
  /** The server's address, e.g. http://10.0.0.5:8787 (shown on pages that print it). */
  readonly serverUrl: string;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
}

export function adminApi(serverUrl: string, sessionToken: string): AdminApi {
  const call = <T>(method: string, path: string, body?: unknown) => callServer<T>(serverUrl, path, { method, body, token: sessionToken });
  return {
    serverUrl,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body ?? {}),
    put: (path, body) => call('PUT', path, body),
    patch: (path, body) => call('PATCH', path, body),
    delete: (path) => call('DELETE', path),
  };
}
