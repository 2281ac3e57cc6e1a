// The administration page for a browser on the Center's LAN: GET /quan-tri/ serves the built
// admin.html (vite's second page, renderer/admin.html) and /quan-tri/assets/* its scripts, styles
// and fonts, from ADMIN_UI_DIR (default out/renderer, where `npm run build` and `vite build` write).
// The page talks to this server's /v1 API with an administrator's session, as the kiosk does.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';

export const ADMIN_UI_PATH = '/quan-tri/';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

const CSP = "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; frame-ancestors 'none'";

const NOT_BUILT = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Chưa có trang quản trị</title>
<p>Máy chủ chưa có bản dựng của trang quản trị. Chạy <code>npm run build</code> (hoặc <code>npx vite build</code>) trong thư mục phần mềm rồi tải lại trang này,
hoặc đặt biến ADMIN_UI_DIR trỏ tới thư mục có admin.html.</p></html>`;

export function adminUiRoutes(app: FastifyInstance, dir: string): void {
  const root = normalize(dir);
  const headers = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

  app.get('/quan-tri', async (_req, reply) => reply.redirect(ADMIN_UI_PATH, 301));
  app.get(ADMIN_UI_PATH, async (_req, reply) => {
    const page = await readFile(join(root, 'admin.html')).catch(() => undefined);
    if (!page) return reply.code(503).headers(headers).type(MIME['.html']!).send(NOT_BUILT);
    return reply.headers(headers).type(MIME['.html']!).send(page);
  });
  app.get<{ Params: { '*': string } }>(`${ADMIN_UI_PATH}assets/*`, async (req, reply) => {
    const file = normalize(join(root, 'assets', req.params['*']));
    const type = MIME[extname(file)];
    const info = type && file.startsWith(join(root, 'assets') + sep) ? await stat(file).catch(() => undefined) : undefined;
    if (!info?.isFile()) return reply.code(404).type('text/plain; charset=utf-8').send('Không có tệp này.');
    return reply
      .headers(headers)
      .type(type!)
      .send(await readFile(file));
  });
}
