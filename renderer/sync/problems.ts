// What failed, said plainly in Vietnamese for the status bar and the diagnostics panel.
import type { ApiErrorBody } from '../../shared/sync/protocol';

export type SyncProblemCode = 'OFFLINE' | 'TIMEOUT' | 'SERVER_ERROR' | 'REJECTED' | 'NOT_ENROLLED' | 'DEVICE_REVOKED' | 'BAD_ANSWER';

export interface SyncProblem {
  code: SyncProblemCode;
  /** Vietnamese, for staff: what happened and what to do. */
  message: string;
  /** The server's machine code and message when it answered with an error. */
  serverCode?: string;
  httpStatus?: number;
  at: string;
}

export class SyncFailure extends Error {
  constructor(readonly problem: SyncProblem) {
    super(problem.message);
  }
}

const now = () => new Date().toISOString();

export function offlineProblem(detail?: string): SyncProblem {
  return {
    code: 'OFFLINE',
    message: `Không kết nối được máy chủ Trung tâm${detail ? ` (${detail})` : ''}. Quầy vẫn làm việc bình thường; dữ liệu sẽ tự gửi khi có mạng.`,
    at: now(),
  };
}

export function timeoutProblem(seconds: number): SyncProblem {
  return { code: 'TIMEOUT', message: `Máy chủ Trung tâm không trả lời sau ${seconds} giây. Quầy sẽ tự thử lại.`, at: now() };
}

export function httpProblem(status: number, body: unknown): SyncProblem {
  const err = (body as Partial<ApiErrorBody> | undefined)?.error;
  const serverMessage = typeof err?.message === 'string' ? err.message : undefined;
  const serverCode = typeof err?.code === 'string' ? err.code : undefined;
  if (serverCode === 'DEVICE_REVOKED') {
    return { code: 'DEVICE_REVOKED', message: serverMessage ?? 'Máy quầy đã bị thu hồi quyền truy cập.', serverCode, httpStatus: status, at: now() };
  }
  if (serverCode === 'UNKNOWN_DEVICE' || serverCode === 'UNAUTHENTICATED') {
    return { code: 'NOT_ENROLLED', message: serverMessage ?? 'Máy quầy chưa được đăng ký với máy chủ Trung tâm.', serverCode, httpStatus: status, at: now() };
  }
  if (status >= 500) {
    return { code: 'SERVER_ERROR', message: `Máy chủ Trung tâm gặp lỗi (mã ${status}). Dữ liệu vẫn an toàn ở quầy; quầy sẽ tự thử lại.`, httpStatus: status, at: now() };
  }
  return {
    code: 'REJECTED',
    message: `Máy chủ từ chối dữ liệu: ${serverMessage ?? `lỗi ${status}`}. Báo quản trị viên nếu lỗi lặp lại.`,
    serverCode,
    httpStatus: status,
    at: now(),
  };
}

export function badAnswerProblem(): SyncProblem {
  return { code: 'BAD_ANSWER', message: 'Máy chủ trả lời không đúng định dạng. Quầy sẽ tự thử lại; báo quản trị viên nếu lỗi lặp lại.', at: now() };
}
