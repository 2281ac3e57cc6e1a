// Notices the server could not send, as a supervisor meets them in Theo dõi: the real server sends
// to a real SMTP server and to an HTTP gateway (SMS, Zalo) that refuse them for good; the panel lists
// each with its reason in Vietnamese, «Gửi lại ngay» sends one again once the mail server accepts,
// and a dossier's notices are stopped by its code at the applicant's request. Looked at at 1366×768.
import { mkdir } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { newStatusSecret } from '../../shared/codes';
import type { DossierEvent } from '../../shared/domain';
import { NOTICE_KINDS, type NoticePage } from '../../shared/notices/notices';
import { startGateway, startSmtpReceiver, type Gateway, type SmtpReceiver } from '../notices/receivers';
import { adminToken, DEMO_STAFF, openCounter, waitForLocalRows, type Counter } from './app';
import { launchChromium } from './chromium';
import { startServer, type Started } from './processes';
import { api, enrolPusher, receivedPayload } from './seed';

const SHOTS = 'test-artifacts/e2e';
let smtp: SmtpReceiver;
let gateway: Gateway;
let server: Started;
let browser: Browser;
let counter: Counter;
let token: string;
const codes: string[] = [];
const secrets: string[] = [];

async function notices(state: 'failed' | 'all'): Promise<NoticePage['notices']> {
  return (await api<NoticePage>(server.url, `/v1/notices?state=${state}`, token)).notices;
}

async function until(what: string, ok: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  smtp = await startSmtpReceiver();
  gateway = await startGateway();
  // A mailbox that does not exist and a gateway that refuses the brandname: permanent, so failed at once.
  smtp.refuseNext(1000, 550);
  gateway.refuseNext(1000, 400);
  server = await startServer({
    env: {
      NOTICE_SMTP_HOST: '127.0.0.1',
      NOTICE_SMTP_PORT: String(smtp.port),
      NOTICE_SMTP_SECURITY: 'none',
      NOTICE_SMTP_FROM: 'Trung tâm PVHCC Nghệ An <thongbao@nghean.gov.vn>',
      NOTICE_SMS_URL: `${gateway.url}/sms`,
      NOTICE_SMS_BRANDNAME: 'TTHCC NA',
      NOTICE_ZALO_URL: `${gateway.url}/zns`,
      NOTICE_ZALO_TOKEN: 'token-zalo',
      NOTICE_ZALO_TEMPLATES: NOTICE_KINDS.map((k, i) => `${k}=${245100 + i}`).join(','),
    },
  });
  token = await adminToken(server.url);
  const pusher = await enrolPusher(server.url, 'quay-8', 'Quầy 8 – Tiếp nhận');
  const receivedAt = new Date(Date.now() - 86_400_000);
  const events: DossierEvent[] = [];
  for (const [i, name] of ['Nguyễn Thu Hà', 'Lê Văn Hà'].entries()) {
    const id = randomUUID();
    const code = await pusher.nextCode(receivedAt);
    codes.push(code);
    const applicant = { kind: 'individual' as const, name, idNumber: `04019001234${i}`, phone: `091200011${i}`, email: `nguoi.nop.${i}@example.vn` };
    const payload = receivedPayload({
      code,
      procedureCode: '3.000348',
      procedureName: 'Cấp lại giấy phép lái xe',
      departmentId: pusher.departments[0]!.id,
      applicant,
      receivedAt,
      dueAt: new Date(Date.now() + 4 * 86_400_000),
    });
    secrets.push(newStatusSecret());
    events.push(pusher.event('received', id, { ...payload, statusSecret: secrets[i] }, receivedAt));
  }
  await pusher.push(events);
  await until('six failed notices', async () => (await notices('failed')).length === 6);
  browser = await launchChromium();
  counter = await openCounter(browser, server, { counterId: 'quay-1', counterName: 'Quầy 1 – Giám sát', user: DEMO_STAFF.supervisor });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await counter?.kiosk.stop();
  await server?.stop();
  await smtp?.close();
  await gateway?.close();
});

const panelOf = (page: Page) => page.getByRole('region', { name: 'Thông báo cho người nộp chưa gửi được' });

test('a supervisor sees why notices failed, sends one again and stops a dossier’s notices', async () => {
  const page = counter.page;
  await page.keyboard.press('F6');
  const panel = panelOf(page);
  const rows = panel.getByRole('row').filter({ hasText: 'Đã tiếp nhận' });
  await rows.first().waitFor({ timeout: 30_000 });
  expect(await rows.count()).toBe(6);
  const emailRow = panel.getByRole('row').filter({ hasText: codes[0]! }).filter({ hasText: 'Thư điện tử' });
  const text = await emailRow.innerText();
  expect(text).toContain('n***@example.vn');
  expect(text).toContain('Máy chủ thư từ chối (mã 550): Hộp thư không tồn tại');
  expect(text).toContain('Đã thử 1 lần');
  // Never the full address, the phone or the ID number.
  const all = await panel.innerText();
  for (const personal of ['nguoi.nop.0@example.vn', '0912000110', '040190012340', 'Nguyễn Thu Hà']) expect(all).not.toContain(personal);
  await page.setViewportSize({ width: 1366, height: 768 });
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/notices-failed-1366.png` });

  // The mail server takes mail again: «Gửi lại ngay» and the applicant gets it.
  smtp.refuseNext(0, 0);
  await emailRow.getByRole('button', { name: /^Gửi lại ngay/ }).click();
  await panel
    .getByRole('status')
    .filter({ hasText: `Đã xếp lại thông báo «Đã tiếp nhận» của hồ sơ ${codes[0]} qua Thư điện tử để gửi ngay.` })
    .waitFor();
  await smtp.waitFor(1);
  expect(smtp.accepted.map((m) => [m.to, m.subject])).toEqual([['nguoi.nop.0@example.vn', `Hồ sơ ${codes[0]} đã được tiếp nhận`]]);
  expect(await rows.count()).toBe(5);

  // A code this counter does not know: said in Vietnamese, the field keeps what was typed.
  const field = panel.getByLabel('Người nộp đề nghị ngừng nhận thông báo: mã hồ sơ');
  await field.fill('000.00.15.H41-000000-9999');
  await panel.getByRole('button', { name: 'Ngừng gửi thông báo' }).click();
  await panel.getByRole('alert').filter({ hasText: 'Không tìm thấy hồ sơ 000.00.15.H41-000000-9999 trên quầy này. Kiểm tra lại mã trên phiếu hẹn.' }).waitFor();
  expect(await field.inputValue()).toBe('000.00.15.H41-000000-9999');
  await page.screenshot({ path: `${SHOTS}/notices-unknown-code-1366.png` });

  // The second applicant asks for no more notices: the dossier's failed ones are cancelled, none sent.
  await waitForLocalRows<{ code?: string }>(page, 'dossiers', (ds) => ds.some((d) => d.code === codes[1]), 30_000, 'the dossier never reached this counter');
  await field.fill(codes[1]!);
  await panel.getByRole('button', { name: 'Ngừng gửi thông báo' }).click();
  await panel
    .getByRole('status')
    .filter({ hasText: `Đã ngừng gửi thông báo cho hồ sơ ${codes[1]} (hủy 3 thông báo đang chờ).` })
    .waitFor({ timeout: 20_000 });
  expect(await rows.count()).toBe(2);
  const after = await notices('all');
  expect(after.filter((n) => n.dossierCode === codes[1]).map((n) => [n.state, n.optedOut])).toEqual([
    ['cancelled', true],
    ['cancelled', true],
    ['cancelled', true],
  ]);
  await page.screenshot({ path: `${SHOTS}/notices-stopped-1366.png` });
});

test('the link in a notice asks first, and its button stops the dossier’s notices (phone and desktop)', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(`${server.url}/tra-cuu/${codes[0]}/ngung-thong-bao?k=${secrets[0]}`);
  await page.getByRole('heading', { name: 'Ngừng nhận thông báo về hồ sơ' }).waitFor();
  expect(await page.innerText('body')).toContain(codes[0]!);
  await page.screenshot({ path: `${SHOTS}/notices-optout-ask-360.png`, fullPage: true });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: `${SHOTS}/notices-optout-ask-1366.png` });
  // Opening the page stopped nothing.
  expect((await notices('all')).filter((n) => n.dossierCode === codes[0]).some((n) => n.optedOut)).toBe(false);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByRole('button', { name: 'Ngừng nhận thông báo' }).click();
  await page.getByRole('heading', { name: 'Đã ngừng gửi thông báo' }).waitFor();
  await page.screenshot({ path: `${SHOTS}/notices-optout-done-360.png`, fullPage: true });
  const mine = (await notices('all')).filter((n) => n.dossierCode === codes[0]);
  expect(mine.every((n) => n.optedOut)).toBe(true);
  // The e-mail sent before stays sent; the two that had failed are cancelled.
  expect(mine.map((n) => n.state).sort()).toEqual(['cancelled', 'cancelled', 'sent']);
  await page.close();
});
