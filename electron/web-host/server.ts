// The web host: serves the built renderer and the KioskHost contract over loopback HTTP,
// guarded by a secret made at each start and written into the page it serves.
// This is how the kiosk runs in a plain browser (development, end-to-end tests, counters without Electron).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { KioskHost } from '../../shared/host';
import { dispatchHostCall } from '../services/dispatch';

export const HOST_TOKEN_META = 'motcua-host-token';
const MAX_BODY = 12 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.csv': 'text/csv; charset=utf-8',
  '.ico': 'image/x-icon',
};

export interface WebHostOptions {
  host: KioskHost;
  staticDir: string;
  port?: number;
  /** Extra values written into the page for the renderer (e.g. the central server's URL). */
  pageConfig?: Record<string, string>;
}

export interface WebHost {
  url: string;
  token: string;
  close(): Promise<void>;
}

/** How long a stopping host lets the calls in progress finish before it ends their connections. */
const CLOSE_GRACE_MS = 1_000;

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw Object.assign(new Error('too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(token);
  const root = normalize(options.staticDir);
  let origin = '';

  const metas = Object.entries({ [HOST_TOKEN_META]: token, ...options.pageConfig })
    .map(([name, content]) => `<meta name="${escapeAttr(name)}" content="${escapeAttr(content)}">`)
    .join('');

  async function serveStatic(req: IncomingMessage, res: ServerResponse) {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return send(res, 403, { error: { code: 'FORBIDDEN', message: 'Đường dẫn không hợp lệ.' } });
    const info = await stat(file).catch(() => undefined);
    // The app is one page: unknown paths without an extension get index.html.
    if (!info || info.isDirectory()) file = extname(path) ? file : join(root, 'index.html');
    const body = await readFile(file).catch(() => undefined);
    if (!body) return send(res, 404, { error: { code: 'NOT_FOUND', message: `Không có tệp ${path}.` } });
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    if (file.endsWith('index.html')) {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      return res.end(body.toString('utf8').replace('<head>', `<head>${metas}`));
    }
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  }

  async function serveHostCall(req: IncomingMessage, res: ServerResponse) {
    const given = Buffer.from(String(req.headers['x-motcua-host-token'] ?? ''));
    if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) {
      return send(res, 401, { error: { code: 'BAD_TOKEN', message: 'Trang này không phải của ứng dụng quầy đang chạy. Hãy tải lại trang.' } });
    }
    if (req.headers.origin && req.headers.origin !== origin) {
      return send(res, 403, { error: { code: 'BAD_ORIGIN', message: 'Yêu cầu đến từ trang khác, bị từ chối.' } });
    }
    let parsed: { call?: unknown; args?: unknown };
    try {
      parsed = JSON.parse(await readBody(req)) as typeof parsed;
    } catch (error) {
      const status = (error as { status?: number }).status ?? 400;
      return send(res, status, { error: { code: status === 413 ? 'TOO_LARGE' : 'BAD_JSON', message: status === 413 ? 'Lệnh gửi máy quá lớn.' : 'Lệnh gửi máy không phải JSON hợp lệ.' } });
    }
    const result = await dispatchHostCall(options.host, parsed.call, parsed.args ?? []);
    if (result.ok) return send(res, 200, { value: result.value ?? null });
    return send(res, result.error.code === 'HOST_FAILED' ? 500 : 400, { error: result.error });
  }

  const server = createServer((req, res) => {
    const handle = req.method === 'POST' && req.url === '/host' ? serveHostCall : req.method === 'GET' ? serveStatic : undefined;
    if (!handle) return send(res, 405, { error: { code: 'METHOD', message: 'Phương thức không được hỗ trợ.' } });
    handle(req, res).catch((error: Error) => send(res, 500, { error: { code: 'INTERNAL', message: `Lỗi máy cục bộ: ${error.message}` } }));
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    token,
    // A page with a serial scanner always has a scan poll open (up to 30 s, then the next): waiting
    // for the connections to end would keep a stopping host running for as long as the page is open.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
      }),
  };
}
