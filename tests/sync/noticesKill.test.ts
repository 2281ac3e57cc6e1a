// Exactly once across a crash: the real server process sends notices to a real SMTP server and to an
// HTTP gateway (SMS brandname, Zalo ZNS) that hold their answers; it is killed with SIGKILL while
// messages it sent wait for their answer (so it never marks them sent), restarted on the same data,
// and sends them again under the same id. Every applicant gets each notice once on every channel:
// the gateway delivers a requestId / tracking_id once, and a mailbox shows one message per Message-ID.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DossierEvent } from '../../shared/domain';
import { NOTICE_KINDS, type NoticePage } from '../../shared/notices/notices';
import type { LeaseResponse, PushResponse } from '../../shared/sync/protocol';
import { startGateway, startSmtpReceiver } from '../notices/receivers';
import { deliveredToDepartment, dossierCode, handedToCourier, received, resultReceived } from './events';
import { ADMIN, call, enrolCounter, killServers, startServer, withPgSchema } from './serverProcess';

afterAll(killServers);

const DOSSIERS = 12;

async function scenario(database: Record<string, string>): Promise<void> {
  const smtp = await startSmtpReceiver();
  const gateway = await startGateway();
  try {
    const env = {
      ...database,
      NOTICE_SMTP_HOST: '127.0.0.1',
      NOTICE_SMTP_PORT: String(smtp.port),
      NOTICE_SMTP_SECURITY: 'none',
      NOTICE_SMTP_FROM: 'Trung tâm PVHCC <thongbao@nghean.gov.vn>',
      NOTICE_SMS_URL: `${gateway.url}/sms`,
      NOTICE_SMS_KEY: 'khoa-sms-bi-mat',
      NOTICE_SMS_BRANDNAME: 'TTHCC NA',
      NOTICE_ZALO_URL: `${gateway.url}/zns`,
      NOTICE_ZALO_TOKEN: 'token-zalo-bi-mat',
      NOTICE_ZALO_TEMPLATES: NOTICE_KINDS.map((k, i) => `${k}=${245100 + i}`).join(','),
      // One send gives up after 1 s; a row left 'sending' by the dead process is taken again after 3 s.
      NOTICE_SEND_TIMEOUT_S: '1',
      NOTICE_RETRY_BASE_S: '1',
    };
    // Both ends record what arrives at once but answer only after 20 s: the kill lands in between.
    smtp.holdAnswers(20_000);
    gateway.holdAnswers(20_000);
    let server = await startServer(env);
    const credential = await enrolCounter(server.url, 'Q01');
    const lease = await call<LeaseResponse>(server.url, 'POST', '/v1/leases', credential, { requestId: randomUUID(), dossierDates: ['260112'], blockSize: 100 });
    const first = lease.json.blocks[0]!.first;
    const events: DossierEvent[] = [];
    for (let i = 0; i < DOSSIERS; i++) {
      const r = received('Q01', dossierCode(first + i));
      r.payload.applicant = { kind: 'individual', name: 'Nguyễn Văn Bình', idNumber: '040085001234', phone: `09120000${String(i).padStart(2, '0')}`, email: `nguoi.nop.${i}@example.vn` };
      events.push(r, handedToCourier('Q01', r.dossierId), deliveredToDepartment('Q01', r.dossierId), resultReceived('Q01', r.dossierId));
    }
    const pushed = await call<PushResponse>(server.url, 'POST', '/v1/push', credential, { events });
    expect(pushed.status).toBe(200);

    // Messages are on the wire and unanswered: kill the server now.
    await smtp.waitFor(3);
    await gateway.waitFor(3);
    server.child.kill('SIGKILL');
    await new Promise((r) => server.child.once('exit', r));
    const onWireAtKill = smtp.accepted.length + gateway.requests.length;
    expect(smtp.held + gateway.requests.length).toBeGreaterThan(0);

    smtp.holdAnswers(0);
    gateway.holdAnswers(0);
    const killed = server;
    server = await startServer(env);
    const session = await call<{ token: string }>(server.url, 'POST', '/v1/sessions', undefined, ADMIN);
    const deadline = Date.now() + 90_000;
    for (;;) {
      const waiting = await call<NoticePage>(server.url, 'GET', '/v1/notices?state=waiting', session.json.token);
      expect(waiting.status).toBe(200);
      if (waiting.json.notices.length === 0) break;
      if (Date.now() > deadline) throw new Error(`notices still waiting: ${JSON.stringify(waiting.json.notices.map((n) => [n.channel, n.state, n.lastError]))}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const all = await call<NoticePage>(server.url, 'GET', '/v1/notices?state=all', session.json.token);
    // Two notices per dossier (received; result ready with the fee owed), three channels each, all sent.
    expect(all.json.notices).toHaveLength(DOSSIERS * 2 * 3);
    expect(all.json.notices.every((n) => n.state === 'sent')).toBe(true);

    // Some went out twice on the wire (sent before the kill, never marked, sent again)…
    expect(smtp.accepted.length + gateway.requests.length).toBeGreaterThan(DOSSIERS * 2 * 3);
    expect(onWireAtKill).toBeGreaterThan(0);
    // …and each recipient got each notice once.
    const mailbox = smtp.mailbox();
    expect(mailbox).toHaveLength(DOSSIERS * 2);
    const delivered = gateway.delivered();
    expect(delivered).toHaveLength(DOSSIERS * 2 * 2);
    for (let i = 0; i < DOSSIERS; i++) {
      const mails = mailbox.filter((m) => m.to === `nguoi.nop.${i}@example.vn`);
      expect(mails.map((m) => m.subject.replace(/^Hồ sơ \S+ /, ''))).toEqual(['đã được tiếp nhận', 'đã có kết quả, cần nộp 75.000 ₫']);
      const phone = `09120000${String(i).padStart(2, '0')}`;
      expect(delivered.filter((r) => r.path === '/sms' && r.body.phone === phone)).toHaveLength(2);
      expect(delivered.filter((r) => r.path === '/zns' && r.body.phone === `84${phone.slice(1)}`).map((r) => r.body.template_id)).toEqual(['245100', '245102']);
    }
    // The resends carried the same ids: every key that went twice is one notice.
    const ids = new Set(all.json.notices.map((n) => n.id));
    for (const r of gateway.requests) expect(ids.has(r.key)).toBe(true);
    for (const m of smtp.accepted) expect(ids.has(m.noticeId)).toBe(true);
    // Neither process wrote a secret or an applicant's address into its log.
    const logs = killed.output() + server.output();
    for (const secret of ['khoa-sms-bi-mat', 'token-zalo-bi-mat', 'nguoi.nop.0@example.vn', '0912000000', '84912000000']) expect(logs).not.toContain(secret);
    server.child.kill('SIGTERM');
  } finally {
    await smtp.close();
    await gateway.close();
  }
}

describe('notices across a SIGKILL between the send and the mark', () => {
  it('on PGlite: each recipient gets each notice exactly once on every channel', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-notices-kill-'));
    try {
      await scenario({ DATA_DIR: dir, DATABASE_URL: '' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const pgUrl = process.env.DATABASE_URL_TEST;
  it.skipIf(!pgUrl)(`on PostgreSQL${pgUrl ? '' : ' (skipped: set DATABASE_URL_TEST=postgres://… to run)'}: each recipient gets each notice exactly once`, async () => {
    await withPgSchema(pgUrl!, 'notices_kill', (url) => scenario({ DATABASE_URL: url }));
  });
});
