// The public status page behind the slip's QR: a dossier through each status in plain words, and
// nothing of the applicant; a wrong or missing secret answers exactly as an unknown code; a rate limit.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newStatusSecret } from '../shared/codes';
import type { DossierEvent } from '../shared/domain';
import type { LeaseResponse } from '../shared/sync/protocol';
import { deliveredToDepartment, dossierCode, event, handedToCourier, received, resultReceived, returned } from '../tests/sync/events';
import { startTestServer, type TestServer } from '../tests/sync/harness';
import { buildApp } from './app';
import { upsertCatalogueItem } from './routes/catalogue';
import { STATUS_PAGE_CSP, StatusPageLimiter } from './statusPage';

const CENTER = {
  agencyCode: '000.00.15.H41',
  centerName: 'Trung tâm Phục vụ Hành chính công tỉnh Nghệ An',
  address: 'Số 16 đường Trường Thi, phường Trường Vinh, tỉnh Nghệ An',
  openingHours: 'Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00',
  hotline: '0238 3 555 666',
};
/** Everything personal the seeded events hold: none of it may ever appear on the page. */
const APPLICANT = {
  kind: 'individual' as const,
  name: 'Nguyễn Văn Bình',
  idNumber: '040085001234',
  phone: '0912345678',
  address: 'Số 5 Phan Bội Châu, phường Vinh Phú',
  email: 'binh.nguyen@example.vn',
};
const POST_ADDRESS = 'Xóm 3, xã Nghi Lộc, tỉnh Nghệ An';
const PERSONAL = [APPLICANT.name, APPLICANT.idNumber, APPLICANT.phone, '091 234 5678', APPLICANT.address, APPLICANT.email, POST_ADDRESS, 'Trần Thị Lan', '0987654321', 'Lê Văn Quản'];

let server: TestServer;
let app: FastifyInstance;
let counterId: string;
let credential: string;
const dossiers: Record<string, { code: string; secret: string }> = {};
let queries = 0;

beforeAll(async () => {
  server = await startTestServer();
  const enrolled = await server.enrol('Q07');
  counterId = enrolled.counterId;
  credential = enrolled.credential;
  const l = await server.app.inject({
    method: 'POST',
    url: '/v1/leases',
    headers: { authorization: `Bearer ${credential}` },
    payload: { requestId: randomUUID(), dossierDates: ['260112'], blockSize: 20 },
  });
  const first = (l.json() as LeaseResponse).blocks[0]!.first;
  const events: DossierEvent[] = [];
  const journeys: [string, 'desk' | 'post', (id: string) => DossierEvent[]][] = [
    ['received', 'desk', () => []],
    [
      'supplement',
      'desk',
      (id) => [
        handedToCourier(counterId, id),
        deliveredToDepartment(counterId, id),
        event(
          'supplementRequested',
          {
            by: 'department',
            items: ['Bản vẽ mặt bằng có chữ ký của kiến trúc sư', 'Bản sao chứng thực giấy chứng nhận quyền sử dụng đất'],
            reason: 'Thiếu bản vẽ',
            contact: { officerName: 'Trần Thị Lan', phone: '0987654321' },
          },
          { dossierId: id, counterId },
        ),
      ],
    ],
    ['atDepartment', 'desk', (id) => [handedToCourier(counterId, id), deliveredToDepartment(counterId, id)]],
    ['resultReady', 'desk', (id) => [handedToCourier(counterId, id), deliveredToDepartment(counterId, id), resultReceived(counterId, id)]],
    ['returned', 'desk', (id) => [handedToCourier(counterId, id), deliveredToDepartment(counterId, id), resultReceived(counterId, id), returned(counterId, id, APPLICANT.name)]],
    [
      'apology',
      'desk',
      (id) => [
        handedToCourier(counterId, id),
        deliveredToDepartment(counterId, id),
        event('apologyIssued', { reason: 'Chờ ý kiến của Sở Tài nguyên', responsibleOfficer: 'Lê Văn Quản', reasonValid: true, newDueAt: '2026-02-09T09:00:00.000Z' }, { dossierId: id, counterId }),
      ],
    ],
    [
      'refused',
      'desk',
      (id) => [
        handedToCourier(counterId, id),
        deliveredToDepartment(counterId, id),
        event('refused', { by: 'department', reasons: ['Nguyễn Văn Bình không đủ điều kiện'] }, { dossierId: id, counterId }),
      ],
    ],
    ['byPost', 'post', (id) => [handedToCourier(counterId, id), deliveredToDepartment(counterId, id), resultReceived(counterId, id)]],
    ['noSecret', 'desk', () => []],
  ];
  journeys.forEach(([name, collect, rest], i) => {
    const code = dossierCode(first + i);
    const r = received(counterId, code);
    r.payload.applicant = APPLICANT;
    if (collect === 'post') r.payload.collection = { method: 'post', address: POST_ADDRESS };
    const secret = newStatusSecret();
    if (name !== 'noSecret') r.payload.statusSecret = secret;
    dossiers[name] = { code, secret };
    events.push(r, ...rest(r.dossierId));
  });
  const pushed = await server.app.inject({ method: 'POST', url: '/v1/push', headers: { authorization: `Bearer ${credential}` }, payload: { events } });
  expect(pushed.statusCode, pushed.body).toBe(200);
  const results = (pushed.json() as { results: { status: string }[] }).results;
  expect(
    results.every((r) => r.status === 'stored' || r.status === 'duplicate'),
    pushed.body,
  ).toBe(true);
  const query = server.db.query.bind(server.db);
  const counted = Object.assign(Object.create(Object.getPrototypeOf(server.db) as object) as typeof server.db, server.db, {
    query: ((...args: Parameters<typeof query>) => {
      queries++;
      return query(...args);
    }) as typeof query,
  });
  app = await buildApp({ db: counted, center: CENTER, statusPage: { limiter: new StatusPageLimiter(Date.now, 1000), now: () => new Date('2026-01-20T03:00:00.000Z') } });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await server?.close();
});

const open = (name: string, secret = dossiers[name]!.secret) => app.inject({ method: 'GET', url: `/tra-cuu/${encodeURIComponent(dossiers[name]!.code)}?k=${secret}` });

/** The visible text of the page, tags dropped and entities of the escaped text restored. */
const textOf = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

function expectNothingPersonal(html: string) {
  for (const p of PERSONAL) expect(html).not.toContain(p);
  // Not even the ID number's or the phone's digits anywhere, in any spacing.
  const digits = html.replace(/\D/g, ' ');
  expect(digits).not.toMatch(/040085001234|0912345678|0987654321/);
}

describe('GET /tra-cuu/:code?k=', () => {
  it.each([
    ['received', 'Trung tâm đã tiếp nhận hồ sơ', ['Ngày hẹn trả kết quả', 'Thứ Hai, 02/02/2026', 'Số 16 đường Trường Thi', '07:30–11:30']],
    ['supplement', 'Hồ sơ cần bổ sung giấy tờ', ['Giấy tờ cần bổ sung', 'Bản vẽ mặt bằng có chữ ký của kiến trúc sư', 'Bản sao chứng thực giấy chứng nhận quyền sử dụng đất']],
    ['atDepartment', 'Hồ sơ đang được giải quyết', ['Cơ quan chuyên môn đang xem xét hồ sơ', '02/02/2026']],
    ['resultReady', 'Đã có kết quả', ['Mời ông/bà đến Trung tâm nhận kết quả', 'Số 16 đường Trường Thi', 'Đường dây nóng 0238 3 555 666']],
    ['returned', 'Đã trả kết quả', ['Hồ sơ đã hoàn thành', 'Ngày trả kết quả 30/01/2026']],
    ['apology', 'Hồ sơ đang được giải quyết', ['Ngày hẹn trả kết quả mới 16:00 Thứ Hai, 09/02/2026', 'Ngày hẹn ban đầu 17:00 Thứ Hai, 02/02/2026', 'Trung tâm đã gửi văn bản xin lỗi']],
    ['refused', 'Hồ sơ không được giải quyết', ['văn bản trả lời nêu rõ lý do']],
    ['byPost', 'Đã có kết quả', ['Trung tâm sẽ gửi kết quả qua bưu điện', 'Kết quả được gửi qua bưu điện đến địa chỉ ông/bà đã đăng ký']],
  ])('shows a dossier %s in plain words: %s', async (name, headline, lines) => {
    const r = await open(name);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    const text = textOf(r.body);
    expect(r.body).toMatch(new RegExp(`<h1>${headline}</h1>`));
    expect(text).toContain(dossiers[name]!.code);
    for (const line of lines) expect(text).toContain(line);
    expectNothingPersonal(r.body);
  });

  it('keeps the officers, the refusal reasons and the post address off the page too', async () => {
    expect(textOf((await open('refused')).body)).not.toContain('không đủ điều kiện');
    expect((await open('byPost')).body).not.toContain('Số 16 đường Trường Thi');
    expect(textOf((await open('received')).body)).not.toContain('quá ngày hẹn');
  });

  it('says so when the appointment has passed without a new date', async () => {
    const late = await buildApp({ db: server.db, center: CENTER, statusPage: { now: () => new Date('2026-02-05T03:00:00.000Z') } });
    try {
      const r = await late.inject({ method: 'GET', url: `/tra-cuu/${dossiers.atDepartment!.code}?k=${dossiers.atDepartment!.secret}` });
      expect(textOf(r.body)).toContain('Hồ sơ đã quá ngày hẹn');
      // The apology's new date is still ahead: no "late" line, the new date instead.
      const a = await late.inject({ method: 'GET', url: `/tra-cuu/${dossiers.apology!.code}?k=${dossiers.apology!.secret}` });
      expect(textOf(a.body)).not.toContain('quá ngày hẹn');
    } finally {
      await late.close();
    }
  });

  it('answers a wrong or missing secret exactly as an unknown code, after the same database work', async () => {
    const code = dossiers.received!.code;
    const unknownCode = code.replace(/-(\d{4})$/, (_, n: string) => `-${String(Number(n) + 900).padStart(4, '0')}`);
    const asked = [
      `/tra-cuu/${unknownCode}?k=${dossiers.received!.secret}`,
      `/tra-cuu/${code}?k=${dossiers.supplement!.secret}`,
      `/tra-cuu/${code}?k=${dossiers.received!.secret.toLowerCase()}`,
      `/tra-cuu/${code}?k=${dossiers.received!.secret.slice(0, 11)}`,
      `/tra-cuu/${code}`,
      `/tra-cuu/${code}?k=`,
      `/tra-cuu/${dossiers.noSecret!.code}?k=`,
      `/tra-cuu/${dossiers.noSecret!.code}`,
      '/tra-cuu/khong-phai-ma?k=ABCDEFGHJKMN',
    ];
    const answers = [];
    for (const url of asked) {
      const before = queries;
      const r = await app.inject({ method: 'GET', url });
      answers.push({ status: r.statusCode, body: r.body, csp: r.headers['content-security-policy'], cache: r.headers['cache-control'], queries: queries - before });
    }
    for (const a of answers) expect(a).toEqual({ ...answers[0], queries: 1 });
    expect(answers[0]!.status).toBe(404);
    expect(answers[0]!.body).toContain('Không tìm thấy hồ sơ');
    expect(answers[0]!.body).not.toContain(code);
    expect(answers[0]!.body).not.toContain(dossiers.received!.code.slice(-4) + '<');
  });

  it('sends no script, no caching, no referrer, and the policy that forbids inline scripts', async () => {
    const r = await open('received');
    expect(r.headers).toMatchObject({
      'cache-control': 'no-store',
      'content-security-policy': STATUS_PAGE_CSP,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    });
    expect(STATUS_PAGE_CSP).toMatch(/default-src 'none'/);
    expect(STATUS_PAGE_CSP).not.toMatch(/script-src|unsafe-inline/);
    expect(r.body).not.toMatch(/<script|\son\w+=|javascript:/i);
    expect(r.body).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(r.body).toContain('<html lang="vi">');
  });

  it('escapes every text it prints', async () => {
    const { renderStatusPage } = await import('./statusPage');
    const html = renderStatusPage({ code: 'X', procedureName: '<script>alert(1)</script>', status: 'received', apologised: false, byPost: false, missing: [] }, CENTER, new Date());
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('the status page rate limit', () => {
  it('answers 429 in Vietnamese past 30 requests a minute from one address, and only to that address', async () => {
    let clock = 1_000_000;
    const limited = await buildApp({ db: server.db, center: CENTER, statusPage: { limiter: new StatusPageLimiter(() => clock) } });
    try {
      const url = `/tra-cuu/${dossiers.received!.code}?k=${dossiers.received!.secret}`;
      for (let i = 0; i < 30; i++) expect((await limited.inject({ method: 'GET', url, remoteAddress: '203.0.113.7' })).statusCode).toBe(200);
      clock += 20_000;
      const refused = await limited.inject({ method: 'GET', url, remoteAddress: '203.0.113.7' });
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBe('40');
      expect(refused.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(textOf(refused.body)).toContain('Tra cứu quá nhiều lần');
      expect(textOf(refused.body)).toContain('Vui lòng đợi 40 giây rồi thử lại');
      expect(refused.body).not.toContain(dossiers.received!.code);
      // Wrong guesses count the same: the limit holds for them too.
      expect((await limited.inject({ method: 'GET', url: `/tra-cuu/${dossiers.received!.code}?k=AAAAAAAAAAAA`, remoteAddress: '203.0.113.7' })).statusCode).toBe(429);
      expect((await limited.inject({ method: 'GET', url, remoteAddress: '203.0.113.8' })).statusCode).toBe(200);
      clock += 40_000;
      expect((await limited.inject({ method: 'GET', url, remoteAddress: '203.0.113.7' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('the Center’s opening hours and hotline', () => {
  it('are those set in Quản trị › Trung tâm (setting receive), else the environment’s', async () => {
    await upsertCatalogueItem(server.db, 'setting', 'receive', { openingHours: 'Thứ Hai – Thứ Bảy: 07:00–11:00, 13:30–17:00', hotline: '1900 1234' }, 'test');
    try {
      const text = textOf((await open('resultReady')).body);
      expect(text).toContain('Giờ làm việc Thứ Hai – Thứ Bảy: 07:00–11:00, 13:30–17:00');
      expect(text).toContain('Đường dây nóng 1900 1234');
      expect(text).not.toContain('07:30–11:30');
    } finally {
      await upsertCatalogueItem(server.db, 'setting', 'receive', {}, 'test');
    }
    const text = textOf((await open('resultReady')).body);
    expect(text).toContain(`Giờ làm việc ${CENTER.openingHours}`);
    expect(text).toContain('Đường dây nóng 0238 3 555 666');
  });
});
