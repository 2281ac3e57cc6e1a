// The public status page behind the slip's QR (GET /tra-cuu/<code>?k=<secret>): server-rendered
// HTML in Vietnamese, no script, every text escaped, for a phone first. It tells the citizen where
// the dossier is in plain words, the appointment (and the re-set one after an apology), which papers
// to bring when a supplement is asked, and where to collect; never the applicant's name, ID number,
// phone, e-mail or address (the whole page is built from the fields below, nothing else of the state).
import { createHash } from 'node:crypto';
import type { DossierStatus } from '../shared/domain';
import { formatVietnamDate, formatVietnamWeekdayDateTime } from '../shared/domain/time';
import type { CenterConfig } from './config';

/** What the page may show: chosen field by field from the dossier's state, so no personal field can slip in. */
export interface StatusView {
  code: string;
  procedureName?: string;
  status: DossierStatus;
  receivedAt?: string;
  dueAt?: string;
  newDueAt?: string;
  apologised: boolean;
  resultReadyAt?: string;
  returnedAt?: string;
  byPost: boolean;
  /** Names of the papers asked for, when the dossier awaits a supplement. */
  missing: readonly string[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;font-size:17px;line-height:1.5;color:#1a1a1a;background:#f3f5f7}
header{background:#a4161a;color:#fff;padding:12px 0}
header p{max-width:40rem;margin:0 auto;padding:0 16px;font-size:15px}
main{max-width:40rem;margin:0 auto;padding:16px}
h1{font-size:22px;line-height:1.3;margin:0 0 8px}
h2{font-size:17px;margin:0 0 6px}
.card{background:#fff;border-radius:10px;padding:16px;margin:0 0 14px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.status{border-left:6px solid #1f6f43}
.status.attention{border-left-color:#b45309}
.status.closed{border-left-color:#5b6470}
dl{margin:0}
dt{font-size:14px;color:#4a5360;margin-top:8px}
dd{margin:0;font-weight:600;overflow-wrap:anywhere}
ul{margin:6px 0 0;padding-left:22px}
li{margin:4px 0}
p{margin:6px 0}
.note{font-size:15px;color:#4a5360}
footer{max-width:40rem;margin:0 auto;padding:0 16px 24px;font-size:14px;color:#4a5360}
button{font:inherit;font-weight:600;color:#fff;background:#a4161a;border:0;border-radius:8px;padding:12px 18px;min-height:48px;width:100%;margin-top:10px;cursor:pointer}
`.trim();

/** The stylesheet is inline and allowed by its hash: the policy allows no script and nothing else. */
export const STATUS_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** The page where the applicant stops notices posts its one form to itself; nothing else changes. */
export const OPT_OUT_PAGE_CSP = STATUS_PAGE_CSP.replace("form-action 'none'", "form-action 'self'");

/** Headers of every answer of the page: no caching anywhere, no referrer (the URL holds the secret), no framing, no sniffing. */
export const STATUS_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': STATUS_PAGE_CSP,
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'x-robots-tag': 'noindex, nofollow',
};

function page(center: CenterConfig, title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} – ${escapeHtml(center.centerName)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><p>${escapeHtml(center.centerName)}</p></header>
<main>
${body}
</main>
<footer>Trang này chỉ mở được bằng mã QR trên giấy tiếp nhận và hẹn trả kết quả. Không chia sẻ mã QR cho người khác.</footer>
</body>
</html>
`;
}

/** Plain words per status: a headline, a line saying what happens next, and how the card is marked. */
const STATUS_WORDS: Record<DossierStatus, { headline: string; next: string; tone: '' | 'attention' | 'closed' }> = {
  received: { headline: 'Trung tâm đã tiếp nhận hồ sơ', next: 'Hồ sơ đang chờ chuyển đến cơ quan giải quyết.', tone: '' },
  withCourier: { headline: 'Hồ sơ đang được chuyển đến cơ quan giải quyết', next: 'Bưu điện đang chuyển hồ sơ; ông/bà chưa cần làm gì.', tone: '' },
  atDepartment: { headline: 'Hồ sơ đang được giải quyết', next: 'Cơ quan chuyên môn đang xem xét hồ sơ; ông/bà chưa cần làm gì.', tone: '' },
  resultInTransit: { headline: 'Đã có kết quả, đang chuyển về Trung tâm', next: 'Kết quả đang trên đường về Trung tâm.', tone: '' },
  resultReady: { headline: 'Đã có kết quả', next: 'Kết quả đã về Trung tâm.', tone: 'attention' },
  returned: { headline: 'Đã trả kết quả', next: 'Hồ sơ đã hoàn thành.', tone: 'closed' },
  awaitingSupplement: { headline: 'Hồ sơ cần bổ sung giấy tờ', next: 'Mời ông/bà mang các giấy tờ dưới đây đến Trung tâm để bổ sung hồ sơ.', tone: 'attention' },
  refused: {
    headline: 'Hồ sơ không được giải quyết',
    next: 'Cơ quan giải quyết đã có văn bản trả lời nêu rõ lý do. Mời ông/bà đến Trung tâm để nhận văn bản và nhận lại giấy tờ đã nộp.',
    tone: 'closed',
  },
  withdrawn: { headline: 'Hồ sơ đã dừng giải quyết', next: 'Hồ sơ đã được rút theo đề nghị của người nộp.', tone: 'closed' },
  correctionRequested: { headline: 'Kết quả đang được đính chính', next: 'Cơ quan giải quyết đang sửa kết quả; Trung tâm sẽ trả lại kết quả đã đính chính.', tone: 'attention' },
};

/** Statuses in which the appointment still lies ahead of the citizen. */
const OPEN: ReadonlySet<DossierStatus> = new Set(['received', 'withCourier', 'atDepartment', 'resultInTransit', 'resultReady', 'correctionRequested']);

function row(label: string, value: string): string {
  return `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`;
}

function collectCard(view: StatusView, center: CenterConfig): string {
  if (view.byPost) {
    return `<section class="card"><h2>Nhận kết quả</h2><p>Kết quả được gửi qua bưu điện đến địa chỉ ông/bà đã đăng ký khi nộp hồ sơ.</p></section>`;
  }
  const rows = [row('Nơi nhận', center.address ? `${center.centerName}, ${center.address}` : center.centerName)];
  if (center.openingHours) rows.push(row('Giờ làm việc', center.openingHours));
  if (center.hotline) rows.push(row('Đường dây nóng', center.hotline.replace(/ /g, '\u00a0')));
  return `<section class="card"><h2>Nhận kết quả</h2><p>Trực tiếp tại Trung tâm; mang theo giấy tiếp nhận và hẹn trả kết quả cùng giấy tờ tùy thân.</p><dl>${rows.join('')}</dl></section>`;
}

/** The page for a dossier whose code and secret belong together; `now` judges whether the appointment has passed. */
export function renderStatusPage(view: StatusView, center: CenterConfig, now: Date): string {
  const words = STATUS_WORDS[view.status];
  let next = words.next;
  if (view.status === 'resultReady') next += view.byPost ? ' Trung tâm sẽ gửi kết quả qua bưu điện.' : ' Mời ông/bà đến Trung tâm nhận kết quả.';
  const status = [`<section class="${['card', 'status', words.tone].filter(Boolean).join(' ')}">`, `<h1>${escapeHtml(words.headline)}</h1>`, `<p>${escapeHtml(next)}</p>`];
  if (view.status === 'awaitingSupplement' && view.missing.length > 0) {
    status.push(`<h2>Giấy tờ cần bổ sung</h2><ul>${view.missing.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul>`);
  }
  status.push('</section>');

  const facts = [row('Mã hồ sơ', view.code)];
  if (view.procedureName) facts.push(row('Thủ tục', view.procedureName));
  if (view.receivedAt) facts.push(row('Ngày tiếp nhận', formatVietnamDate(view.receivedAt)));
  const appointment = view.newDueAt ?? view.dueAt;
  if (view.newDueAt) {
    facts.push(row('Ngày hẹn trả kết quả mới', formatVietnamWeekdayDateTime(view.newDueAt)));
    if (view.dueAt) facts.push(row('Ngày hẹn ban đầu', formatVietnamWeekdayDateTime(view.dueAt)));
  } else if (view.dueAt && view.status !== 'awaitingSupplement') {
    facts.push(row('Ngày hẹn trả kết quả', formatVietnamWeekdayDateTime(view.dueAt)));
  }
  if (view.returnedAt && view.status === 'returned') facts.push(row('Ngày trả kết quả', formatVietnamDate(view.returnedAt)));
  const notes: string[] = [];
  if (view.apologised && view.newDueAt) notes.push('Hồ sơ bị chậm so với ngày hẹn ban đầu. Trung tâm đã gửi văn bản xin lỗi và hẹn lại ngày trả kết quả như trên.');
  else if (appointment && OPEN.has(view.status) && view.status !== 'resultReady' && Date.parse(appointment) < now.getTime()) {
    notes.push('Hồ sơ đã quá ngày hẹn. Trung tâm sẽ thông báo ngày hẹn mới; ông/bà có thể gọi đường dây nóng để được giải đáp.');
  }
  const factsCard = `<section class="card"><h2>Thông tin hồ sơ</h2><dl>${facts.join('')}</dl>${notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('')}</section>`;

  const collect = view.status === 'returned' || view.status === 'withdrawn' ? '' : collectCard(view, center);
  return page(center, words.headline, [status.join(''), factsCard, collect].filter(Boolean).join('\n'));
}

/** One answer for an unknown code, a wrong secret and a missing one alike: nothing in it depends on what was asked. */
export function renderNotFoundPage(center: CenterConfig): string {
  // The number kept on one line (no-break spaces), as it is dialled.
  const contact = center.hotline ? ` hoặc gọi đường dây nóng ${center.hotline.replace(/ /g, '\u00a0')}` : '';
  return page(
    center,
    'Không tìm thấy hồ sơ',
    `<section class="card status closed"><h1>Không tìm thấy hồ sơ</h1><p>${escapeHtml(
      `Mã hồ sơ hoặc mã tra cứu không đúng. Hãy quét lại mã QR trên giấy tiếp nhận và hẹn trả kết quả${contact}.`,
    )}</p></section>`,
  );
}

/**
 * The page of the link in a notice (`/tra-cuu/<code>/ngung-thong-bao?k=<secret>`): opening it changes
 * nothing (mail systems open links to check them); the button posts to the same address. `done`: the
 * notices are stopped. Only the code is shown, as on the status page.
 */
export function renderOptOutPage(center: CenterConfig, code: string, action: string, done: boolean): string {
  if (done) {
    return page(
      center,
      'Đã ngừng gửi thông báo',
      `<section class="card status closed"><h1>Đã ngừng gửi thông báo</h1><p>${escapeHtml(
        `Trung tâm sẽ không gửi thư điện tử, tin nhắn SMS hay Zalo về hồ sơ ${code} nữa. Ông/bà vẫn tra cứu được hồ sơ bằng mã QR trên giấy tiếp nhận và hẹn trả kết quả.`,
      )}</p></section>`,
    );
  }
  return page(
    center,
    'Ngừng nhận thông báo',
    `<section class="card status attention"><h1>Ngừng nhận thông báo về hồ sơ</h1><dl>${row('Mã hồ sơ', code)}</dl><p>${escapeHtml(
      'Sau khi bấm nút dưới đây, Trung tâm sẽ không gửi thư điện tử, tin nhắn SMS hay Zalo về hồ sơ này nữa (kể cả khi có kết quả).',
    )}</p><form method="post" action="${escapeHtml(action)}"><button type="submit">Ngừng nhận thông báo</button></form></section>`,
  );
}

export function renderTooManyPage(center: CenterConfig, waitSeconds: number): string {
  return page(
    center,
    'Tra cứu quá nhiều lần',
    `<section class="card status attention"><h1>Tra cứu quá nhiều lần</h1><p>${escapeHtml(`Máy của ông/bà đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng đợi ${waitSeconds} giây rồi thử lại.`)}</p></section>`,
  );
}

/** Requests per address in one window before the page answers 429. */
export const STATUS_PAGE_LIMIT = 30;
export const STATUS_PAGE_WINDOW_MS = 60_000;
/** Most addresses remembered; the oldest window is dropped first, so a flood of addresses cannot fill memory. */
const MAX_ADDRESSES = 20_000;

/**
 * Per-address fixed windows, in memory per server process (a restart forgets them; the windows are a
 * minute long). Behind a reverse proxy the address is the proxy's unless Fastify is told to trust it.
 */
export class StatusPageLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly now: () => number = Date.now,
    private readonly limit = STATUS_PAGE_LIMIT,
  ) {}

  /** Counts this request; undefined while within the limit, else the seconds until the window ends. */
  hit(address: string): number | undefined {
    const now = this.now();
    let w = this.windows.get(address);
    if (!w || now - w.start >= STATUS_PAGE_WINDOW_MS) {
      this.windows.delete(address);
      w = { start: now, count: 0 };
      this.windows.set(address, w);
      while (this.windows.size > MAX_ADDRESSES) this.windows.delete(this.windows.keys().next().value!);
    }
    w.count++;
    return w.count > this.limit ? Math.max(1, Math.ceil((w.start + STATUS_PAGE_WINDOW_MS - now) / 1000)) : undefined;
  }
}
