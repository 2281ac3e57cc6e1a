// Notices through their real protocols: each status change a counter pushes puts one notice per
// channel in the outbox in the push's own transaction (a push sent twice makes none twice), and the
// dispatcher sends them to a real SMTP server and to a local HTTP server standing for the SMS
// brandname gateway and Zalo's ZNS API. Retries with backoff, the final failure a supervisor sees
// and retries, the applicant's opt-out, the Center's texts, and never the applicant's ID number.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newStatusSecret } from '../shared/codes';
import type { Applicant, DossierEvent } from '../shared/domain';
import { DEFAULT_NOTICE_TEMPLATES, NOTICE_KINDS, NOTICE_SMS_MAX_CHARS, type NoticeKind, type NoticePage } from '../shared/notices/notices';
import { deliveredToDepartment, dossierCode, event, feeCollected, handedToCourier, received, resultReceived, returned, withdrawn } from '../tests/sync/events';
import { startTestServer, type TestServer } from '../tests/sync/harness';
import { startGateway, startSmtpReceiver, type Gateway, type SmtpReceiver } from '../tests/notices/receivers';
import type { DeviceRow } from './auth';
import type { NoticeConfig } from './config';
import type { Db } from './db';
import { noticeRoute } from './notices/outbox';
import { PushCommitter } from './push';
import { backoffMs, NoticeDispatcher } from './notices/dispatcher';

const APPLICANT: Applicant = { kind: 'individual', name: 'Nguyễn Văn Bình', idNumber: '040085001234', phone: '0912345678', email: 'binh.nguyen@example.vn', address: 'Số 5 Phan Bội Châu' };
const STATUS_URL = 'https://dichvucong.nghean.gov.vn/tra-cuu';
const SECRETS = ['khoa-bi-mat-sms-123', 'token-bi-mat-zalo-456'];
const TEMPLATE_IDS = Object.fromEntries(NOTICE_KINDS.map((k, i) => [k, String(245100 + i)])) as Record<NoticeKind, string>;

let smtp: SmtpReceiver;
let gateway: Gateway;
let server: TestServer;
let config: NoticeConfig;
let dispatcher: NoticeDispatcher;
let counterId: string;
let credential: string;
let nextSeq: number;
const logLines: { level: string; obj: object; msg: string }[] = [];

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  gateway = await startGateway();
  config = {
    email: { host: '127.0.0.1', port: smtp.port, security: 'none', from: 'Trung tâm PVHCC Nghệ An <thongbao@nghean.gov.vn>' },
    sms: { url: `${gateway.url}/sms`, apiKey: SECRETS[0], brandname: 'TTHCC NA', unaccented: true },
    zalo: { url: `${gateway.url}/zns`, accessToken: SECRETS[1]!, templates: TEMPLATE_IDS },
    retry: { baseMs: 40, maxMs: 160, maxAttempts: 3 },
    sendTimeoutMs: 2000,
    pollMs: 50,
  };
  server = await startTestServer(undefined, { notices: { ...config, dispatch: false }, center: { address: 'Số 16 Trường Thi, phường Trường Vinh' } });
  const log = (level: string) => (obj: object, msg: string) => logLines.push({ level, obj, msg });
  dispatcher = new NoticeDispatcher(
    server.db,
    config,
    { agencyCode: '000.00.15.H41', centerName: 'Trung tâm Phục vụ Hành chính công tỉnh Nghệ An', address: 'Số 16 Trường Thi, phường Trường Vinh' },
    {
      warn: log('warn'),
      error: log('error'),
    },
  );
  const enrolled = await server.enrol('Q07');
  counterId = enrolled.counterId;
  credential = enrolled.credential;
  nextSeq = await server.firstDossierSeq(enrolled, '260112', 200);
  const put = await admin('PUT', '/v1/admin/catalogue/setting/receive', { body: { statusPageUrl: STATUS_URL } });
  expect(put.statusCode).toBe(200);
}, 60_000);

afterAll(async () => {
  await dispatcher?.stop();
  await server.close();
  await smtp.close();
  await gateway.close();
});

beforeEach(() => {
  smtp.refuseNext(0, 0);
  gateway.refuseNext(0, 0);
});

function admin(method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: unknown) {
  return server.app.inject({ method, url, headers: { authorization: `Bearer ${server.adminToken}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
}

async function push(events: DossierEvent[]): Promise<void> {
  const r = await server.app.inject({ method: 'POST', url: '/v1/push', headers: { authorization: `Bearer ${credential}` }, payload: { events } });
  expect(r.statusCode).toBe(200);
}

/** A received dossier of this applicant, its status secret, and the events that take it where the test wants. */
function newDossier(applicant: Applicant = APPLICANT) {
  const r = received(counterId, dossierCode(nextSeq++));
  r.payload.applicant = applicant;
  r.payload.statusSecret = newStatusSecret();
  return { r, id: r.dossierId, code: r.payload.code, secret: r.payload.statusSecret };
}

/** Dispatcher rounds until nothing is due (waiting out backoffs), at most `ms`. */
async function drain(ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    await dispatcher.runOnce();
    const { rows } = await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM notices WHERE state IN ('pending', 'sending')");
    if (rows[0]!.n === 0) return;
    await new Promise((r) => setTimeout(r, 30));
  }
  throw new Error('notices still waiting');
}

const mailsOf = (code: string) => smtp.accepted.filter((m) => m.subject.includes(code));
const smsOf = (code: string) => gateway.requests.filter((r) => r.path === '/sms' && String(r.body.message).includes(code));
const znsOf = (code: string) => gateway.requests.filter((r) => r.path === '/zns' && (r.body.template_data as Record<string, string>).maHoSo === code);

describe('notices through each status', () => {
  it('sends one e-mail, one SMS and one Zalo message per status change, each once although every push is sent twice', async () => {
    const journeys: { name: string; events: (d: ReturnType<typeof newDossier>) => DossierEvent[]; kinds: NoticeKind[] }[] = [
      {
        name: 'supplement then received again',
        events: (d) => [
          d.r,
          handedToCourier(counterId, d.id),
          deliveredToDepartment(counterId, d.id),
          event(
            'supplementRequested',
            { by: 'department', items: ['Bản vẽ mặt bằng'], reason: 'Thiếu bản vẽ', contact: { officerName: 'Trần Thị Lan', phone: '0987654321' } },
            { dossierId: d.id, counterId },
          ),
          event(
            'supplementSupplied',
            { receivedAt: '2026-01-20T02:00:00.000Z', dueAt: '2026-02-10T10:00:00.000Z', documents: [{ name: 'Bản vẽ mặt bằng', originals: 1, certifiedCopies: 0, copies: 0 }] },
            { dossierId: d.id, counterId },
          ),
        ],
        kinds: ['received', 'supplementRequested', 'received'],
      },
      {
        name: 'result with the fee owed, then returned',
        events: (d) => [d.r, handedToCourier(counterId, d.id), deliveredToDepartment(counterId, d.id), resultReceived(counterId, d.id), returned(counterId, d.id)],
        kinds: ['received', 'feeDue', 'returned'],
      },
      {
        name: 'fee paid, late with a new date, result ready',
        events: (d) => [
          d.r,
          feeCollected(counterId, d.id, 1),
          event(
            'apologyIssued',
            { reason: 'Cơ quan chuyên môn chậm thẩm định', responsibleOfficer: 'Lê Văn Quản', reasonValid: false, newDueAt: '2026-02-09T10:00:00.000Z' },
            { dossierId: d.id, counterId },
          ),
          handedToCourier(counterId, d.id),
          deliveredToDepartment(counterId, d.id),
          resultReceived(counterId, d.id),
        ],
        kinds: ['received', 'late', 'resultReady'],
      },
      {
        name: 'refused by the department',
        events: (d) => [
          d.r,
          handedToCourier(counterId, d.id),
          deliveredToDepartment(counterId, d.id),
          event('refused', { by: 'department', reasons: ['Thửa đất không đủ điều kiện cấp phép'] }, { dossierId: d.id, counterId }),
        ],
        kinds: ['received', 'refused'],
      },
      { name: 'stopped at the applicant’s request', events: (d) => [d.r, withdrawn(counterId, d.id)], kinds: ['received', 'stopped'] },
    ];
    const made = journeys.map((j) => {
      const d = newDossier();
      return { ...j, d, trail: j.events(d) };
    });
    for (const j of made) {
      // Event by event, each push sent twice (a counter that never heard the answer resends).
      for (const e of j.trail) {
        await push([e]);
        await push([e]);
      }
    }
    // Also every trail once more in one push: all duplicates.
    await push(made.flatMap((j) => j.trail));
    await drain();
    const { rows: flagged } = await server.db.query("SELECT code FROM conflicts WHERE code NOT IN ('RECEIPT_NOT_LEASED')");
    expect(flagged).toEqual([]);

    for (const j of made) {
      const mails = mailsOf(j.d.code);
      expect(mails.map((m) => m.to)).toEqual(j.kinds.map(() => APPLICANT.email));
      const sms = smsOf(j.d.code);
      const zns = znsOf(j.d.code);
      expect(sms).toHaveLength(j.kinds.length);
      expect(zns.map((z) => z.body.template_id)).toEqual(j.kinds.map((k) => TEMPLATE_IDS[k]));
      for (const [i, m] of mails.entries()) {
        expect(m.messageId).toBe(`<thong-bao-${m.noticeId}@nghean.gov.vn>`);
        // Every notice but the last one of a finished dossier links to its status page, with the secret.
        if (j.kinds[i] !== 'returned') expect(m.text).toContain(`${STATUS_URL}/${j.d.code}?k=${j.d.secret}`);
        expect(m.text).toContain('Trung tâm Phục vụ Hành chính công tỉnh Nghệ An');
      }
      for (const s of sms) {
        expect(s.headers.authorization).toBe(`Bearer ${SECRETS[0]}`);
        expect(s.body).toMatchObject({ brandname: 'TTHCC NA', phone: '0912345678', unicode: false });
        expect(String(s.body.message)).toMatch(/^[\x20-\x7e]+$/);
        expect(String(s.body.message).length).toBeLessThanOrEqual(NOTICE_SMS_MAX_CHARS);
      }
      for (const z of zns) {
        expect(z.headers.access_token).toBe(SECRETS[1]);
        expect(z.body.phone).toBe('84912345678');
        expect(z.key).toMatch(/^[0-9a-f-]{36}$/);
      }
      // The three channels carry the same notice ids, one per change.
      expect(new Set(mails.map((m) => m.noticeId)).size).toBe(j.kinds.length);
    }
    // The texts say what happened, in Vietnamese with the values fixed at the change.
    const [supp, fee, late, refused, stopped] = made;
    expect(mailsOf(supp!.d.code)[1]!.text).toContain('cần bổ sung: Bản vẽ mặt bằng');
    expect(mailsOf(supp!.d.code)[2]!.text).toContain('Ngày hẹn trả kết quả: 10/02/2026');
    expect(mailsOf(fee!.d.code)[1]!.subject).toBe(`Hồ sơ ${fee!.d.code} đã có kết quả, cần nộp 75.000 ₫`);
    expect(String(smsOf(fee!.d.code)[1]!.body.message)).toContain('can nop 75.000 VND');
    expect(mailsOf(late!.d.code)[1]!.subject).toBe(`Hồ sơ ${late!.d.code} trễ hẹn, hẹn lại ngày 09/02/2026`);
    expect(mailsOf(refused!.d.code)[1]!.text).toContain('Lý do: Thửa đất không đủ điều kiện cấp phép');
    expect(mailsOf(stopped!.d.code)[1]!.subject).toBe(`Hồ sơ ${stopped!.d.code} đã dừng xử lý`);
    expect(mailsOf(fee!.d.code)[1]!.text).toContain('Nơi nhận: Số 16 Trường Thi, phường Trường Vinh.');
    // Nothing that identifies the applicant, on any channel.
    const everything = JSON.stringify([smtp.accepted.map((m) => [m.subject, m.text]), gateway.requests.map((r) => r.body)]);
    for (const personal of [APPLICANT.idNumber, APPLICANT.name, 'Nguyen Van Binh', (APPLICANT as { address: string }).address]) expect(everything).not.toContain(personal);
    // Exactly one row per change and channel.
    const { rows } = await server.db.query<{ n: number; d: number }>('SELECT count(*)::int AS n, count(DISTINCT (event_id, channel))::int AS d FROM notices');
    expect(rows[0]!.n).toBe(rows[0]!.d);
  });

  it('makes no notice for a channel the applicant gave no address for', async () => {
    const d = newDossier({ kind: 'organisation', name: 'Công ty TNHH Sen Vàng', taxCode: '2901234567', representative: 'Hồ Thị Mai', phone: '02383841234' });
    await push([d.r]);
    const { rows } = await server.db.query('SELECT channel FROM notices WHERE dossier_id = $1::uuid', [d.id]);
    // A landline takes no SMS or Zalo message; no e-mail given.
    expect(rows).toEqual([]);
  });
});

describe('across boundaries (batches between centers)', () => {
  it('tells the result is ready once, when its batch reaches the center the applicant chose, and sends them to that center’s address', async () => {
    const WARD = '000.23.41.H41';
    const HERE = '000.00.15.H41';
    const put = await admin('PUT', '/v1/admin/centers/XA-B', {
      agencyCode: WARD,
      name: 'Trung tâm Phục vụ hành chính công phường Vinh Hưng',
      level: 'xa',
      address: 'Số 2 Lê Hồng Phong, phường Vinh Hưng',
    });
    expect(put.statusCode, put.body).toBe(200);
    const code = await admin('POST', '/v1/admin/enrolment-codes', { counterId: 'B7', counterName: 'Quầy B7', center: 'XA-B' });
    const ward = await server.app.inject({ method: 'POST', url: '/v1/enrol', payload: { code: (code.json() as { code: string }).code, deviceName: 'B7' } });
    const wardCredential = (ward.json() as { credential: string }).credential;

    // Received here for ward B; the department's result is taken in here, so it is forwarded to ward B in a batch.
    const d = newDossier();
    d.r.payload.route = { receivingCenter: HERE, transfer: 'courier', returnCenter: WARD };
    const delivered = deliveredToDepartment(counterId, d.id);
    delivered.payload.dueAt = '2026-02-03T10:00:00.000Z';
    const resultHere = resultReceived(counterId, d.id);
    resultHere.payload.atCenter = HERE;
    const forwarded = event('sentToCenter', { batchId: 'LC-260203-01', carried: 'result', fromCenter: HERE, toCenter: WARD, courierName: 'Bưu điện Nghệ An' }, { dossierId: d.id, counterId });
    await push([d.r, handedToCourier(counterId, d.id), delivered, resultHere, forwarded]);
    await drain();
    expect(mailsOf(d.code).map((m) => m.subject)).toEqual([`Hồ sơ ${d.code} đã được tiếp nhận`]);

    const arrived = event('arrivedAtCenter', { batchId: 'LC-260203-01', carried: 'result', center: WARD }, { dossierId: d.id, counterId: 'B7' });
    for (let i = 0; i < 2; i++) {
      const r = await server.app.inject({ method: 'POST', url: '/v1/push', headers: { authorization: `Bearer ${wardCredential}` }, payload: { events: [arrived] } });
      expect(r.json().results[0].status).toBe(i === 0 ? 'stored' : 'duplicate');
    }
    await drain();
    const mails = mailsOf(d.code);
    // The fees are still owed: told as fee due, once.
    expect(mails.map((m) => m.subject)).toEqual([`Hồ sơ ${d.code} đã được tiếp nhận`, `Hồ sơ ${d.code} đã có kết quả, cần nộp 75.000 ₫`]);
    expect(mails[1]!.text).toContain('Nơi nhận: Số 2 Lê Hồng Phong, phường Vinh Hưng.');
    expect(mails[1]!.text).toContain('Trung tâm Phục vụ hành chính công phường Vinh Hưng');
    expect(mails[1]!.text).not.toContain('Số 16 Trường Thi');
    expect(smsOf(d.code)).toHaveLength(2);
  });
});

describe('the push path', () => {
  it('writes a group’s notices in the push’s own transaction, one statement for the whole group', async () => {
    let inserts = 0;
    const db = server.db;
    const counting: Db = {
      kind: db.kind,
      query: (sql, params) => db.query(sql, params),
      exec: (sql) => db.exec(sql),
      close: () => db.close(),
      transaction: (fn) =>
        db.transaction((tx) =>
          fn({
            query: (sql, params) => {
              if (/INSERT INTO notices/.test(sql)) inserts++;
              return tx.query(sql, params);
            },
          }),
        ),
    };
    const { rows: devices } = await db.query<DeviceRow>('SELECT id, counter_id, counter_name, counter_index, site, revoked_at FROM devices WHERE counter_id = $1', [counterId]);
    const committer = new PushCommitter(counting, noticeRoute(config));
    const ds = Array.from({ length: 30 }, () => newDossier());
    await committer.push(
      devices[0]!,
      ds.map((d) => d.r),
    );
    expect(inserts).toBe(1);
    const { rows } = await db.query<{ n: number; tx: number; same: boolean }>(
      `SELECT count(*)::int AS n, count(DISTINCT n.xmin::text)::int AS tx, bool_and(n.xmin = e.xmin) AS same
       FROM notices n JOIN events e ON e.id = n.event_id WHERE n.dossier_id = ANY($1::uuid[])`,
      [ds.map((d) => d.id)],
    );
    expect(rows[0]).toEqual({ n: 90, tx: 1, same: true });
    await drain();
  });
});

describe('retries, failures and the supervisor', () => {
  it('retries with exponential backoff, then sends', async () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, config.retry))).toEqual([40, 80, 160, 160]);
    gateway.refuseNext(2, 503);
    const d = newDossier({ ...APPLICANT, email: undefined });
    const before = gateway.requests.length;
    await push([d.r]);
    await drain();
    // SMS and Zalo: two 503s between them, then each delivered once.
    expect(smsOf(d.code).length + znsOf(d.code).length).toBe(2);
    expect(gateway.requests.length - before).toBe(2);
    const { rows } = await server.db.query<{ state: string; attempts: number }>('SELECT state, attempts FROM notices WHERE dossier_id = $1::uuid ORDER BY channel', [d.id]);
    expect(rows.map((r) => r.state)).toEqual(['sent', 'sent']);
    expect(rows.reduce((s, r) => s + r.attempts, 0)).toBe(4);
    expect(logLines.some((l) => l.msg === 'notice send failed, will retry')).toBe(true);
  });

  it('fails for good after the last attempt or a permanent refusal; the supervisor sees why and retries now', async () => {
    smtp.refuseNext(1, 550);
    gateway.refuseNext(3, 503);
    const d = newDossier({ ...APPLICANT, phone: '0987000111' });
    await push([d.r]);
    // The SMS goes first in its round; Zalo too: three 503s among two channels, then one of them gives up after three attempts.
    await drain();
    const list = await admin('GET', '/v1/notices?state=failed');
    expect(list.statusCode).toBe(200);
    const failed = (list.json() as NoticePage).notices.filter((n) => n.dossierCode === d.code);
    const email = failed.find((n) => n.channel === 'email')!;
    expect(email).toMatchObject({ kind: 'received', state: 'failed', attempts: 1, recipient: 'b***@example.vn' });
    expect(email.lastError).toBe('Máy chủ thư từ chối (mã 550): Hộp thư không tồn tại');
    // No secret and no recipient in the log lines or the reasons.
    const logged = JSON.stringify(logLines) + JSON.stringify(failed);
    for (const s of [...SECRETS, APPLICANT.email!, '0987000111']) expect(logged).not.toContain(s);

    const retried = await admin('POST', `/v1/notices/${email.id}/retry`);
    expect(retried.statusCode).toBe(200);
    await drain();
    expect(mailsOf(d.code)).toHaveLength(1);
    const again = await admin('POST', `/v1/notices/${email.id}/retry`);
    expect(again.statusCode).toBe(409);
    expect((again.json() as { error: { message: string } }).error.message).toBe('Thông báo này đã gửi xong; không gửi lại.');
  });

  it('gives up after maxAttempts with the backoff between them', async () => {
    gateway.refuseNext(100, 500);
    const d = newDossier({ ...APPLICANT, email: undefined, phone: '0977000222' });
    await push([d.r]);
    await drain();
    gateway.refuseNext(0, 0);
    const { rows } = await server.db.query<{ channel: string; state: string; attempts: number; last_error: string }>(
      'SELECT channel, state, attempts, last_error FROM notices WHERE dossier_id = $1::uuid ORDER BY channel',
      [d.id],
    );
    expect(rows.map((r) => [r.channel, r.state, r.attempts])).toEqual([
      ['sms', 'failed', 3],
      ['zalo', 'failed', 3],
    ]);
    expect(rows[0]!.last_error).toBe('Cổng SMS đang lỗi (HTTP 500): Cổng tạm thời không nhận');
  });

  it('respects the applicant’s opt-out: what waits is cancelled and nothing new is queued', async () => {
    const d = newDossier();
    gateway.refuseNext(100, 500);
    smtp.refuseNext(100, 451);
    await push([d.r]);
    await dispatcher.runOnce();
    const out = await admin('POST', '/v1/notices/opt-out', { dossierId: d.id, note: 'Công dân đề nghị tại quầy không nhận tin nhắn' });
    expect(out.statusCode).toBe(200);
    expect((out.json() as { cancelled: number }).cancelled).toBe(3);
    gateway.refuseNext(0, 0);
    smtp.refuseNext(0, 0);
    await push([withdrawn(counterId, d.id)]);
    await drain();
    const { rows } = await server.db.query<{ state: string }>('SELECT state FROM notices WHERE dossier_id = $1::uuid', [d.id]);
    expect(rows.map((r) => r.state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(mailsOf(d.code)).toEqual([]);
    const list = (await admin('GET', `/v1/notices?state=all&dossierId=${d.id}`)).json() as NoticePage;
    expect(list.notices.every((n) => n.optedOut && n.state === 'cancelled')).toBe(true);
    const retry = await admin('POST', `/v1/notices/${list.notices[0]!.id}/retry`);
    expect(retry.statusCode).toBe(409);
  });

  it('stops a dossier’s notices through the link in its e-mail: opening it changes nothing, the button does', async () => {
    const d = newDossier();
    await push([d.r]);
    await drain();
    const link = `${STATUS_URL}/${d.code}/ngung-thong-bao?k=${d.secret}`;
    expect(mailsOf(d.code)[0]!.text).toContain(`Không muốn nhận thông báo về hồ sơ này: ${link})`);
    const path = link.slice('https://dichvucong.nghean.gov.vn'.length);

    const asked = await server.app.inject({ method: 'GET', url: path });
    expect(asked.statusCode).toBe(200);
    expect(asked.headers['content-security-policy']).toContain("form-action 'self'");
    expect(asked.body).toContain(`<form method="post" action="ngung-thong-bao?k=${d.secret}"><button type="submit">Ngừng nhận thông báo</button></form>`);
    expect(asked.body).not.toContain(APPLICANT.name);
    const none = await server.db.query('SELECT 1 FROM notice_optouts WHERE dossier_id = $1::uuid', [d.id]);
    expect(none.rows).toEqual([]);

    // A wrong secret answers exactly as the status page does for an unknown code, and stops nothing.
    const wrong = await server.app.inject({ method: 'POST', url: path.replace(d.secret, 'AAAAAAAAAAAA'), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    const unknown = await server.app.inject({ method: 'GET', url: `/tra-cuu/${d.code}` });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toBe(unknown.body);

    const stopped = await server.app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(stopped.statusCode).toBe(200);
    expect(stopped.body).toContain(`Trung tâm sẽ không gửi thư điện tử, tin nhắn SMS hay Zalo về hồ sơ ${d.code} nữa.`);
    await push([withdrawn(counterId, d.id)]);
    await drain();
    const { rows } = await server.db.query<{ kind: string }>('SELECT kind FROM notices WHERE dossier_id = $1::uuid', [d.id]);
    expect(rows.map((r) => r.kind)).toEqual(['received', 'received', 'received']);
  });

  it('is refused to an officer who is not a supervisor', async () => {
    const r = await server.app.inject({ method: 'GET', url: '/v1/notices', headers: { authorization: `Bearer ${credential}` } });
    expect(r.statusCode).toBe(401);
  });
});

describe('the Center’s texts', () => {
  it('checks a template before saving it and sends the next notice with it', async () => {
    const typo = await admin('PUT', '/v1/admin/notice-templates/received', { subject: 'Hồ sơ {maHoso}', body: 'Nội dung', sms: 'Ho so {maHoSo}' });
    expect(typo.statusCode).toBe(400);
    expect((typo.json() as { error: { message: string } }).error.message).toMatch(/^Tiêu đề thư dùng ô không có: \{maHoso\}/);
    expect((typo.json() as { error: { details: unknown } }).error.details).toEqual({ kind: 'received', field: 'subject' });
    const idNumber = await admin('PUT', '/v1/admin/notice-templates/received', { subject: 'Hồ sơ {soCCCD}', body: 'x', sms: 'x' });
    expect(idNumber.statusCode).toBe(400);
    const long = await admin('PUT', '/v1/admin/notice-templates/received', { subject: 'Hồ sơ {maHoSo}', body: 'Nội dung', sms: `${'Thông báo dài '.repeat(20)}{tenThuTuc}` });
    expect(long.statusCode).toBe(400);
    expect((long.json() as { error: { message: string } }).error.message).toMatch(/^Nội dung SMS dài tới \d+ ký tự/);
    expect((long.json() as { error: { details: unknown } }).error.details).toEqual({ kind: 'received', field: 'sms' });

    const ok = await admin('PUT', '/v1/admin/notice-templates/received', {
      subject: 'Trung tâm đã nhận hồ sơ {maHoSo}',
      body: 'Kính gửi Quý khách, hồ sơ {maHoSo} đã được nhận; hẹn {ngayHen}.',
      sms: 'TTHCC: đã nhận hồ sơ {maHoSo}, hẹn {ngayHen}',
    });
    expect(ok.statusCode).toBe(200);
    const d = newDossier();
    await push([d.r]);
    await drain();
    expect(mailsOf(d.code).map((m) => [m.subject, m.text.trim()])).toEqual([[`Trung tâm đã nhận hồ sơ ${d.code}`, `Kính gửi Quý khách, hồ sơ ${d.code} đã được nhận; hẹn 02/02/2026.`]]);
    expect(smsOf(d.code).map((s) => s.body.message)).toEqual([`TTHCC: da nhan ho so ${d.code}, hen 02/02/2026`]);

    const back = await admin('DELETE', '/v1/admin/notice-templates/received');
    expect((back.json() as { edited: boolean; subject: string }).subject).toBe('Hồ sơ {maHoSo} đã được tiếp nhận');
    const list = await admin('GET', '/v1/admin/notice-templates');
    expect((list.json() as { templates: unknown[] }).templates).toHaveLength(NOTICE_KINDS.length);
  });

  it('audits each change of a text with before and after, and nothing for a refused one', async () => {
    const audit = async () =>
      (
        await server.db.query<{ action: string; before: unknown; after: unknown }>(
          "SELECT action, before, after FROM admin_changes WHERE target_kind = 'noticeTemplate' AND target_key = 'refused' ORDER BY id",
        )
      ).rows;
    const start = (await audit()).length;
    const refused = await admin('PUT', '/v1/admin/notice-templates/refused', { subject: 'Hồ sơ {maHoSo}', body: 'x {tenNguoiNop}', sms: 'x' });
    expect(refused.statusCode).toBe(400);
    expect((await audit()).length).toBe(start);
    const first = { subject: 'Hồ sơ {maHoSo} không được tiếp nhận', body: 'Lý do: {lyDo}', sms: 'Ho so {maHoSo} bi tu choi' };
    expect((await admin('PUT', '/v1/admin/notice-templates/refused', first)).statusCode).toBe(200);
    const second = { ...first, sms: 'Ho so {maHoSo} bi tu choi: {lyDo}' };
    expect((await admin('PUT', '/v1/admin/notice-templates/refused', second)).statusCode).toBe(200);
    expect((await admin('DELETE', '/v1/admin/notice-templates/refused')).statusCode).toBe(200);
    const defaults = { subject: DEFAULT_NOTICE_TEMPLATES.refused.subject, body: DEFAULT_NOTICE_TEMPLATES.refused.body, sms: DEFAULT_NOTICE_TEMPLATES.refused.sms };
    expect((await audit()).slice(start)).toEqual([
      { action: 'noticeTemplate.put', before: null, after: first },
      { action: 'noticeTemplate.put', before: first, after: second },
      { action: 'noticeTemplate.reset', before: second, after: defaults },
    ]);
  });
});
