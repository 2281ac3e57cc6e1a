// The renderer's only door to the machine: Electron's preload object when present,
// otherwise the web host over loopback HTTP with the secret written into the page.
import { HOST_CALLS, type HostCall, type HostError, type KioskHost } from '../../shared/host';

declare global {
  interface Window {
    kioskHost?: KioskHost;
  }
}

export class HostCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function readPageConfig(name: string): string | undefined {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content || undefined;
}

function webHost(token: string): KioskHost {
  const call = async (name: HostCall, args: unknown[]) => {
    let response: Response;
    try {
      response = await fetch('/host', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-motcua-host-token': token },
        body: JSON.stringify({ call: name, args }),
      });
    } catch {
      throw new HostCallError('HOST_UNREACHABLE', 'Không liên lạc được với dịch vụ máy cục bộ. Hãy khởi động lại ứng dụng quầy.');
    }
    const body = (await response.json()) as { value?: unknown; error?: HostError };
    if (!response.ok || body.error) throw new HostCallError(body.error?.code ?? 'HOST_FAILED', body.error?.message ?? 'Lỗi không rõ từ máy cục bộ.');
    return body.value;
  };
  const host: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const name of HOST_CALLS) {
    const [namespace, method] = name.split('.') as [string, string];
    (host[namespace] ??= {})[method] = (...args: unknown[]) => call(name, args);
  }
  return host as unknown as KioskHost;
}

let cached: KioskHost | undefined;

export function getHost(): KioskHost {
  if (cached) return cached;
  if (window.kioskHost) return (cached = window.kioskHost);
  const token = readPageConfig('motcua-host-token');
  if (!token) throw new HostCallError('NO_HOST', 'Trang không được mở từ ứng dụng quầy (thiếu khóa máy cục bộ). Hãy mở bằng lệnh npm run start:web.');
  return (cached = webHost(token));
}
