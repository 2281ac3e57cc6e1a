// The queue's own small HTTP service on the LAN: the JSON API the counters (through their kiosk
// host), the entrance kiosk page, the hall display and the citizen screens use, the three pages
// themselves, and the recorded voice clips. It needs neither the central server nor the internet.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { QueueError, RATINGS, type Officer, type Rating } from '../../../shared/queue/model';
import { CLIP_FILES } from '../../../shared/queue/words';
import type { QueueService } from './service';

const PAGES_DIR = fileURLToPath(new URL('./pages/', import.meta.url));
const VOICE_DIR = fileURLToPath(new URL('../../../assets/queue-voice/', import.meta.url));
const FONTS_DIR = fileURLToPath(new URL('../../../assets/fonts/', import.meta.url));
const CLIPS = new Set(Object.values(CLIP_FILES));
const MAX_BODY = 16 * 1024;
const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** The pages: path → [title, script]. */
const PAGES: Record<string, [string, string]> = {
  '/lay-so': ['Lấy số thứ tự', 'kiosk.js'],
  '/man-hinh': ['Màn hình gọi số', 'hall.js'],
  '/danh-gia': ['Đánh giá mức độ hài lòng', 'rating.js'],
};

const STATIC: Record<string, [string, string]> = {
  '/static/queue.css': [PAGES_DIR + 'queue.css', 'text/css; charset=utf-8'],
  '/static/kiosk.js': [PAGES_DIR + 'kiosk.js', 'text/javascript; charset=utf-8'],
  '/static/hall.js': [PAGES_DIR + 'hall.js', 'text/javascript; charset=utf-8'],
  '/static/rating.js': [PAGES_DIR + 'rating.js', 'text/javascript; charset=utf-8'],
  '/static/common.js': [PAGES_DIR + 'common.js', 'text/javascript; charset=utf-8'],
  '/static/NotoSans-Regular.ttf': [FONTS_DIR + 'NotoSans-Regular.ttf', 'font/ttf'],
  '/static/NotoSans-Bold.ttf': [FONTS_DIR + 'NotoSans-Bold.ttf', 'font/ttf'],
};

// Pages take nothing from elsewhere: scripts, styles, fonts and clips all come from this service.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; connect-src 'self'; frame-ancestors 'none'";

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function pageHtml(title: string, script: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="stylesheet" href="/static/queue.css"></head><body><main id="app" aria-live="polite"></main><script src="/static/common.js"></script><script src="/static/${script}"></script></body></html>`;
}

const INDEX_HTML = pageHtml('Hàng chờ', 'common.js').replace(
  '<main id="app" aria-live="polite"></main>',
  '<main class="index"><h1>Hàng chờ của Trung tâm</h1><ul><li><a href="/lay-so">Máy lấy số (màn hình cảm ứng ở lối vào)</a></li><li><a href="/man-hinh">Màn hình gọi số (TV ở sảnh)</a></li><li><a href="/danh-gia">Màn hình đánh giá (hướng về công dân, ghép với một quầy)</a></li></ul></main>',
);

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new QueueError('BAD_INPUT', 'Yêu cầu quá lớn.');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new QueueError('BAD_INPUT', 'Yêu cầu không phải JSON hợp lệ.');
}

function officerOf(v: unknown): Officer {
  const o = v as Partial<Officer> | undefined;
  if (!o || typeof o.id !== 'string' || typeof o.name !== 'string' || !o.id || o.id.length > 100 || o.name.length > 200) throw new QueueError('BAD_INPUT', 'Thiếu công chức đang làm việc ở quầy.');
  return { id: o.id, name: o.name };
}

function linesOf(v: unknown): string[] {
  const list = typeof v === 'string' ? v.split(',').filter(Boolean) : v;
  if (!Array.isArray(list) || list.length > 9 || !list.every((l) => typeof l === 'string' && l.length <= 20)) throw new QueueError('BAD_INPUT', 'Danh sách hàng chờ của quầy không hợp lệ.');
  return list as string[];
}

function dossiersOf(v: unknown): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > 20 || !v.every((d) => typeof d === 'string' && d.length <= 100)) throw new QueueError('BAD_INPUT', 'Danh sách hồ sơ không hợp lệ.');
  return v as string[];
}

const STATUS: Record<QueueError['code'], number> = { NO_LINE: 404, LINE_FULL: 409, NO_TICKET: 404, BUSY: 409, EMPTY: 409, NOT_HERE: 409, RATED: 409, BAD_INPUT: 400 };

export interface QueueHttp {
  url: string;
  close(): Promise<void>;
}

export async function startQueueHttp(service: QueueService, options: { port?: number; host?: string } = {}): Promise<QueueHttp> {
  async function api(req: IncomingMessage, url: URL): Promise<unknown> {
    const path = url.pathname;
    const post = req.method === 'POST';
    const body = post ? await readJson(req) : {};
    if (!post && path === '/api/lines') return { center: service.config.center, lines: service.config.lines };
    if (post && path === '/api/tickets') return service.issue(String(body.line ?? ''));
    if (!post && path === '/api/hall') return service.hallView();
    if (!post && path === '/api/report') {
      const from = url.searchParams.get('from') ?? '';
      const to = url.searchParams.get('to') ?? '';
      if (!DATE_KEY.test(from) || !DATE_KEY.test(to)) throw new QueueError('BAD_INPUT', 'Kỳ báo cáo cần ngày đầu và ngày cuối dạng YYYY-MM-DD.');
      return service.report(from, to);
    }
    const counterPath = /^\/api\/counters\/(\d{1,2})(?:\/(call|again|skip|serve|transfer))?$/.exec(path);
    if (counterPath) {
      const counter = Number(counterPath[1]);
      const action = counterPath[2];
      if (!post && !action) return service.counterView(counter, linesOf(url.searchParams.get('lines') ?? ''));
      if (post && action === 'call') return service.callNext(counter, linesOf(body.lines), officerOf(body.officer));
      if (post && action === 'again') return service.callAgain(counter, officerOf(body.officer));
      if (post && action === 'skip') return service.skip(counter);
      if (post && action === 'serve') return service.serve(counter, officerOf(body.officer), dossiersOf(body.dossiers));
      if (post && action === 'transfer') return service.transfer(counter, Number(body.to));
    }
    const ratingPath = /^\/api\/rating\/(\d{6})$/.exec(path);
    if (ratingPath) {
      if (!post) return service.ratingView(ratingPath[1]!);
      const rating = body.rating as Rating;
      if (!RATINGS.includes(rating)) throw new QueueError('BAD_INPUT', 'Hãy chọn một mức đánh giá.');
      service.rate(ratingPath[1]!, Number(body.number), rating, typeof body.reason === 'string' ? body.reason : '');
      return { ok: true };
    }
    return undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://queue');
    if (url.pathname.startsWith('/api/')) {
      try {
        const value = await api(req, url);
        if (value === undefined) return send(res, 404, { error: { code: 'NOT_FOUND', message: 'Không có chức năng này ở dịch vụ hàng chờ.' } });
        return send(res, 200, value);
      } catch (error) {
        if (error instanceof QueueError) return send(res, STATUS[error.code], { error: { code: error.code, message: error.message } });
        throw error;
      }
    }
    if (req.method !== 'GET') return send(res, 405, { error: { code: 'METHOD', message: 'Phương thức không được hỗ trợ.' } });
    const page = PAGES[url.pathname];
    if (page || url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP, 'cache-control': 'no-store' });
      return res.end(page ? pageHtml(page[0], page[1]) : INDEX_HTML);
    }
    const clip = /^\/am-thanh\/([a-z-]+)\.wav$/.exec(url.pathname)?.[1];
    const file = clip && CLIPS.has(clip) ? ([`${VOICE_DIR}${clip}.wav`, 'audio/wav'] as const) : STATIC[url.pathname];
    if (!file) return send(res, 404, { error: { code: 'NOT_FOUND', message: `Không có trang ${url.pathname}.` } });
    res.writeHead(200, { 'content-type': file[1], 'cache-control': 'max-age=3600' });
    res.end(await readFile(file[0]));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => send(res, 500, { error: { code: 'INTERNAL', message: `Lỗi dịch vụ hàng chờ: ${error.message}` } }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '0.0.0.0', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const shownHost = !options.host || options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  return {
    url: `http://${shownHost}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
