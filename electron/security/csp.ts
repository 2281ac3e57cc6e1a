// The renderer's Content-Security-Policy, sent as a response header by the app scheme and written
// into index.html's meta tag so both say the same thing. Scripts only from the app itself; the
// network only to the app and the configured central server.

export const APP_SCHEME = 'motcua';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The origin (scheme://host:port) of an http(s) server address, or undefined when it is not one. */
export function serverOrigin(serverUrl: string | undefined): string | undefined {
  if (!serverUrl) return undefined;
  try {
    const url = new URL(serverUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

export function contentSecurityPolicy(serverUrl: string | undefined): string {
  const server = serverOrigin(serverUrl);
  const directives: [string, ...string[]][] = [
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    // React sets style attributes; styles cannot run code, scripts stay strict.
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    ['connect-src', "'self'", ...(server ? [server] : [])],
    // The document camera: a local MediaStream shown in a <video>.
    ['media-src', "'self'", 'blob:', 'mediastream:'],
    ['worker-src', "'self'"],
    ['manifest-src', "'self'"],
    ['object-src', "'none'"],
    ['frame-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

const META_CSP = /<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>/i;
const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * index.html with its meta policy replaced by `policy` (or one added), so the page never carries a
 * second, different policy. frame-ancestors is dropped from the meta copy: browsers ignore it there.
 */
export function withMetaPolicy(html: string, policy: string): string {
  const metaPolicy = policy
    .split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  const tag = `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(metaPolicy)}" />`;
  if (META_CSP.test(html)) return html.replace(META_CSP, tag);
  return html.replace(/<head[^>]*>/i, (head) => `${head}${tag}`);
}

/** True when `url` belongs to the app's own origin (the only origin allowed to call the host). */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
