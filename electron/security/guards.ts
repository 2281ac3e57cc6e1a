// What the renderer may do beyond plain page work: nothing, except the few permissions a counter needs,
// and only for the app's own origin. Navigation, new windows and <webview> are always refused.
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './csp';

/**
 * Permissions granted to the app origin: the document camera (video only, no microphone at a counter),
 * durable storage for the offline database, and reaching the central server on the Center's LAN.
 */
const GRANTED = new Set(['media', 'persistent-storage', 'local-network-access', 'local-network', 'loopback-network']);

export interface PermissionAsk {
  permission: string;
  requestingUrl: string | undefined;
  mediaTypes?: readonly string[];
}

export function isPermissionGranted(ask: PermissionAsk): boolean {
  if (!GRANTED.has(ask.permission) || !isAppUrl(ask.requestingUrl)) return false;
  if (ask.permission === 'media') return (ask.mediaTypes ?? []).every((type) => type === 'video');
  return true;
}

type Log = (line: string) => void;

export function hardenSession(session: Session, log: Log): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const ask = { permission, requestingUrl: details.requestingUrl, mediaTypes: 'mediaTypes' in details ? details.mediaTypes : undefined };
    const granted = isPermissionGranted(ask);
    if (!granted) log(`[bảo mật] từ chối quyền ${permission} cho ${details.requestingUrl}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const mediaTypes = details.mediaType && details.mediaType !== 'unknown' ? [details.mediaType] : [];
    return isPermissionGranted({ permission, requestingUrl: details.requestingUrl ?? requestingOrigin, mediaTypes });
  });
  // WebUSB, WebHID and Web Serial stay closed: devices are reached only through the host services.
  session.setDevicePermissionHandler(() => false);
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
}

export function hardenContents(contents: WebContents, log: Log): void {
  contents.setWindowOpenHandler(({ url }) => {
    log(`[bảo mật] chặn mở cửa sổ mới: ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log(`[bảo mật] chặn chuyển trang: ${url.slice(0, 200)}`);
  };
  contents.on('will-navigate', (event) => stayInApp(event, event.url));
  contents.on('will-frame-navigate', (event) => stayInApp(event, event.url));
  contents.on('will-redirect', (event) => stayInApp(event, event.url));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('[bảo mật] chặn gắn <webview>');
  });
}
