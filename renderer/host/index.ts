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

const HOST_TOKEN_META = 'motcua-host-token';

const unreachable = () =>
  new HostCallError('HOST_UNREACHABLE', 'Không liên lạc được với dịch vụ máy cục bộ. Quầy sẽ tự kết nối lại khi dịch vụ chạy trở lại; nếu vẫn báo lỗi, hãy khởi động lại ứng dụng quầy.');

/**
 * The web host makes a new secret at each start, so after a restart the page's secret is refused.
 * The page reads the new one where it read the first, in the page the host serves (only a page of
 * the same origin can read it), and keeps it in its own meta tag for everything that reads it there.
 */
async function renewHostToken(): Promise<string | undefined> {
  try {
    const response = await fetch('/', { cache: 'no-store' });
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const token = page.querySelector<HTMLMetaElement>(`meta[name="${HOST_TOKEN_META}"]`)?.content;
    const meta = document.querySelector<HTMLMetaElement>(`meta[name="${HOST_TOKEN_META}"]`);
    if (token && meta) meta.content = token;
    return token || undefined;
  } catch {
    return undefined;
  }
}

function webHost(firstToken: string): KioskHost {
  let token = firstToken;
  let renewing: Promise<string | undefined> | undefined;
  const send = (name: HostCall, args: unknown[]) =>
    fetch('/host', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-motcua-host-token': token },
      body: JSON.stringify({ call: name, args }),
    }).catch(() => {
      throw unreachable();
    });
  const call = async (name: HostCall, args: unknown[]) => {
    const sentWith = token;
    let response = await send(name, args);
    // Refused with the secret the page holds: the host restarted. Calls already waiting share one renewal.
    if (response.status === 401) {
      if (token === sentWith) token = (await (renewing ??= renewHostToken().finally(() => (renewing = undefined)))) ?? token;
      if (token !== sentWith) response = await send(name, args);
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
  const token = readPageConfig(HOST_TOKEN_META);
  if (!token) throw new HostCallError('NO_HOST', 'Trang không được mở từ ứng dụng quầy (thiếu khóa máy cục bộ). Hãy mở bằng lệnh npm run start:web.');
  return (cached = webHost(token));
}
