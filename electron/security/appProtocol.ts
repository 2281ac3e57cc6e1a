// The app scheme's request handler: files of the built renderer only, index.html with the policy
// header and meta, everything else refused. Free of Electron so it is tested under Node.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { APP_HOST, withMetaPolicy } from './csp';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface AppProtocolOptions {
  /** The built renderer (out/renderer), possibly inside app.asar. */
  rendererDir: string;
  /** The current policy; read per request so a changed server address applies on the next load. */
  policy: () => Promise<string>;
}

const refuse = (status: number, text: string) => new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const root = normalize(options.rendererDir);
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(400, 'Địa chỉ không hợp lệ');
    }
    if (url.host !== APP_HOST) return refuse(403, 'Không được phép');
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Phương thức không được hỗ trợ');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return refuse(400, 'Địa chỉ không hợp lệ');
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root + sep) || path.includes('\0')) return refuse(403, 'Không được phép');
    const body = await readFile(file).catch(() => undefined);
    if (!body) return refuse(404, `Không có tệp ${path}`);
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const policy = await options.policy();
    // Sent with every file: a worker script takes its policy from its own response.
    const headers: Record<string, string> = { 'content-type': type, 'x-content-type-options': 'nosniff', 'content-security-policy': policy };
    if (extname(file).toLowerCase() === '.html') {
      headers['cache-control'] = 'no-store';
      return new Response(withMetaPolicy(body.toString('utf8'), policy), { status: 200, headers });
    }
    return new Response(new Uint8Array(body), { status: 200, headers });
  };
}
