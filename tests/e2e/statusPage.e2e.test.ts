// The status page behind the slip's QR, end to end: a dossier received at the kiosk, its slip's QR
// read back from the virtual printer, and that URL opened in Chromium at a phone's 360 px: the
// status in plain Vietnamese, nothing of the applicant, and nothing at all without the secret.
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../electron/services/printing/virtualPrinter';
import { DEMO_UNIT_TAX_CODE } from '../../server/seed';
import { decodeSymbol } from '../printing/decode';
import { adminToken, type Counter, DEMO_STAFF, openReceivingCounter, receiveDossier } from './app';
import { launchChromium } from './chromium';
import { startServer, type Started } from './processes';

const SHOTS = 'test-artifacts/e2e';
const APPLICANT = { id: '040085001234', name: 'Nguyễn Văn An', phone: '0912 345 678', address: 'Số 5 Lê Lợi, phường Vinh Phú, Nghệ An' };
let server: Started;
let browser: Browser;
let counter: Counter;
let printer: VirtualPrinter;
/** The status page address read from the first slip's QR. */
let slipUrl: string | undefined;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  printer = await startVirtualPrinter({ outDir: 'test-artifacts/e2e/statuspage-printer' });
  server = await startServer({
    env: {
      CENTER_ADDRESS: 'Số 16 đường Trường Thi, phường Trường Vinh, tỉnh Nghệ An',
      CENTER_OPENING_HOURS: 'Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00 (trừ ngày nghỉ lễ)',
      CENTER_HOTLINE: '0238 3 555 666',
    },
  });
  // The Center's setting names the page the slip's QR opens: this server's /tra-cuu.
  const put = await fetch(new URL('/v1/admin/catalogue/setting/receive', server.url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await adminToken(server.url)}` },
    body: JSON.stringify({ body: { unitTaxCode: DEMO_UNIT_TAX_CODE, statusPageUrl: new URL('/tra-cuu', server.url).href } }),
  });
  expect(put.status, await put.text()).toBe(200);
  browser = await launchChromium();
  counter = await openReceivingCounter(browser, server, printer, { counterId: 'quay-4', counterName: 'Quầy 4 – Tiếp nhận' });
});

afterAll(async () => {
  await browser?.close();
  await counter?.kiosk.stop();
  await server?.stop();
  await printer?.stop();
});

/** Opens `url` until the server answers 200: the counter pushes the reception within seconds. */
async function openWhenSynced(page: Page, url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await page.goto(url);
    if (response?.status() === 200) return;
    if (Date.now() > deadline) throw new Error(`${url}: ${response?.status()} after 30 s`);
    await page.waitForTimeout(500);
  }
}

test("the slip's QR opens the dossier's status on a phone, with nothing of the applicant; without the secret, nothing", async () => {
  const jobsBefore = printer.jobs.length;
  const code = await receiveDossier(counter.page, APPLICANT);
  expect(code).toMatch(/^000\.00\.15\.H41-\d{6}-\d{4}$/);
  // The slip's QR: whichever of the jobs since (slip copies, receipt) carries the status page's link.
  const slipQr = () =>
    printer.jobs.slice(jobsBefore).flatMap((job) => {
      try {
        const value = decodeSymbol(job.png, 'QR_CODE');
        return value.includes('/tra-cuu/') ? [value] : [];
      } catch {
        return [];
      }
    })[0];
  await expect.poll(slipQr, { timeout: 30_000 }).toBeDefined();
  const qr = slipQr()!;
  slipUrl = qr;
  const base = new URL('/tra-cuu', server.url).href;
  expect(qr).toMatch(new RegExp(`^${base.replace(/[.?/]/g, '\\$&')}/${code.replace(/\./g, '\\.')}\\?k=[A-Z2-7]{12}$`));

  const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const violations: string[] = [];
  phone.on('console', (m) => {
    if (m.type() === 'error') violations.push(m.text());
  });
  await openWhenSynced(phone, qr);
  await expect.poll(() => phone.locator('h1').innerText()).toBe('Trung tâm đã tiếp nhận hồ sơ');
  const text = await phone.locator('body').innerText();
  expect(text).toContain(code);
  expect(text).toContain('Cấp lại giấy phép lái xe');
  expect(text).toMatch(/Ngày hẹn trả kết quả\n?\s*\d{2}:\d{2} Thứ [^,]+, \d{2}\/\d{2}\/\d{4}/);
  expect(text).toContain('Số 16 đường Trường Thi');
  const html = await phone.content();
  for (const personal of [APPLICANT.id, APPLICANT.name, APPLICANT.address, '0912345678', APPLICANT.phone]) expect(html).not.toContain(personal);
  // The inline stylesheet is allowed by its hash: the page is styled and Chromium reports no violation.
  expect(await phone.locator('header').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(164, 22, 26)');
  expect(violations).toEqual([]);
  // Nothing wider than the phone: no sideways scrolling at 360 px.
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await phone.screenshot({ path: `${SHOTS}/statuspage-360.png`, fullPage: true });

  const desk = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await desk.goto(qr);
  await desk.screenshot({ path: `${SHOTS}/statuspage-1366.png`, fullPage: true });
  await desk.close();

  // The code alone, or with another secret, opens the same "not found" page as a made-up code.
  const secret = new URL(qr).searchParams.get('k')!;
  const other = secret.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
  const answers: [number | undefined, string][] = [];
  for (const url of [`${base}/${code}`, `${base}/${code}?k=${other}`, `${base}/000.00.15.H41-260101-9999?k=${secret}`]) {
    const response = await phone.goto(url);
    answers.push([response?.status(), await phone.locator('main').innerText()]);
  }
  expect(answers.map(([status]) => status)).toEqual([404, 404, 404]);
  expect(new Set(answers.map(([, body]) => body)).size).toBe(1);
  expect(answers[0]![1]).toContain('Không tìm thấy hồ sơ');
  await phone.screenshot({ path: `${SHOTS}/statuspage-not-found-360.png`, fullPage: true });
  await phone.close();
});

test('the opening hours set in Quản trị › Trung tâm (a browser on the LAN) replace the configured ones on the status page', async () => {
  expect(slipUrl).toBeDefined();
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(new URL('/quan-tri/', server.url).href);
  await page.getByLabel('Tên đăng nhập').fill(DEMO_STAFF.admin.username);
  await page.getByLabel('Mật khẩu').fill(DEMO_STAFF.admin.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('tab', { name: 'Trung tâm', exact: true }).click();
  const center = page.getByRole('form', { name: 'Thông tin in trên giấy hẹn và phiếu' });
  await center.locator('#setting-receive-openingHours').fill('Thứ Hai – Thứ Bảy: 07:00–11:00, 13:30–17:00');
  await center.getByRole('button', { name: 'Lưu' }).click();
  await center.getByText('Đã lưu thông tin Trung tâm').waitFor();
  await page.screenshot({ path: `${SHOTS}/statuspage-admin-hours-1366.png`, fullPage: true });
  await page.close();

  const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await phone.goto(slipUrl!);
  const text = await phone.locator('body').innerText();
  expect(text).toMatch(/Giờ làm việc\s+Thứ Hai – Thứ Bảy: 07:00–11:00, 13:30–17:00/);
  expect(text).not.toContain('07:30–11:30');
  await phone.screenshot({ path: `${SHOTS}/statuspage-hours-360.png`, fullPage: true });
  await phone.close();
});
