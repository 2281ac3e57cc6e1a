// The counter's side of the queue: the machine sends the renderer's queue calls to the service at
// the address in its settings. The page's security policy lets it reach only its own host, so the
// machine is its door to the LAN, as it is to the printers. An answer never throws: a service that
// is away is told to staff in Vietnamese, and the desk goes on without the queue.
import type { KioskSettings, QueueAnswer, QueueRequest } from '../../../shared/host';

const TIMEOUT_MS = 4000;

export function createQueueClient(getSettings: () => Promise<KioskSettings>, fetchImpl: typeof fetch = fetch) {
  return {
    async request(request: QueueRequest): Promise<QueueAnswer> {
      const queue = (await getSettings()).queue;
      if (!queue) return { ok: false, unreachable: false, message: 'Quầy chưa được cài hàng chờ: nhập địa chỉ dịch vụ hàng chờ và các hàng quầy phục vụ.' };
      let response: Response;
      try {
        response = await fetchImpl(new URL(request.path, queue.url), {
          method: request.method,
          headers: request.body === undefined ? {} : { 'content-type': 'application/json' },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch {
        return {
          ok: false,
          unreachable: true,
          message: `Không kết nối được dịch vụ hàng chờ ở ${queue.url} (máy chạy hàng chờ đang tắt hoặc mất mạng). Quầy vẫn tiếp nhận và trả hồ sơ bình thường; hãy mời công dân bằng lời và báo bộ phận CNTT.`,
        };
      }
      const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
      if (response.ok) return { ok: true, value: body };
      return { ok: false, unreachable: false, message: body?.error?.message ?? `Dịch vụ hàng chờ trả lời lỗi ${response.status}.` };
    },
  };
}
