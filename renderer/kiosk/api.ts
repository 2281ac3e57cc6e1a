// Calls to the central server from screens that need an answer now (enrolment, sign-in).
// Everything else reaches the server through the sync client's outbox.
import type { ApiErrorBody, SessionResponse } from '../../shared/sync/protocol';

/** Where a screen asks the server directly: its address and this counter's credential. */
export interface ServerAccess {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
}

export class ServerError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    /** The error body's `details` (an import's row errors, a calendar's refused entries). */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export async function callServer<T>(serverUrl: string, path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(new URL(path, serverUrl), {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new ServerError('OFFLINE', `Không kết nối được máy chủ trung tâm ${serverUrl}. Kiểm tra mạng hoặc địa chỉ máy chủ.`, 0);
  }
  const body = (await response.json().catch(() => undefined)) as (T & Partial<ApiErrorBody>) | undefined;
  if (!response.ok) {
    throw new ServerError(body?.error?.code ?? `HTTP_${response.status}`, body?.error?.message ?? `Máy chủ trả lỗi ${response.status}.`, response.status, body?.error?.details);
  }
  return body as T;
}

/**
 * A staff sign-in against the server (a counter's online sign-in, the browser's administration
 * page). `deviceToken`: a counter sends its credential along, so the sign-in is listed at that counter.
 */
export function signInOnline(serverUrl: string, username: string, password: string, deviceToken?: string): Promise<SessionResponse> {
  return callServer<SessionResponse>(serverUrl, '/v1/sessions', { body: { username: username.trim().toLowerCase(), password }, token: deviceToken });
}

/** The officer sets their own password (after an administrator's temporary one, the only thing that session may do). */
export function changeOwnPassword(serverUrl: string, sessionToken: string, currentPassword: string, newPassword: string): Promise<{ ok: true }> {
  return callServer(serverUrl, '/v1/sessions/current/password', { body: { currentPassword, newPassword }, token: sessionToken });
}
