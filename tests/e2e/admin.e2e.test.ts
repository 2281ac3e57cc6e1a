// The administration section end to end, in Chromium against the real server and web host: at a
// counter (Quản trị, F10) and in a browser on the LAN from the server itself (/quan-tri/).
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_STAFF, openCounter, type Counter } from './app';
import { launchChromium } from './chromium';
import { startServer, type Started } from './processes';

const SHOTS = 'test-artifacts/e2e';
let server: Started;
let browser: Browser;
let admin: Counter;

/** The page at 1366×768 and 1920×1080, whole, for looking at. */
async function shots(page: Page, name: string): Promise<void> {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: `${SHOTS}/admin-${name}-${viewport.width}.png`, fullPage: true });
  }
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  admin = await openCounter(browser, server, { counterId: 'quay-qt', counterName: 'Quầy 10 – Quản trị', user: DEMO_STAFF.admin });
});

afterAll(async () => {
  await browser?.close();
  await admin?.kiosk.stop();
  await server?.stop();
});

test('an administrator opens Quản trị at a counter (F10); the changes made show in Nhật ký thay đổi', async () => {
  const { page } = admin;
  await page.keyboard.press('F10');
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Quản trị');
  await page.getByRole('tab', { name: 'Nhật ký thay đổi' }).click();
  // The demo's enrolment code for this counter was made by the administrator: the log shows it.
  await page.getByRole('table', { name: 'Nhật ký thay đổi' }).getByText('Cấp mã đăng ký quầy').first().waitFor();
  await shots(page, 'kiosk-changes');
});

test('the server serves the same section at /quan-tri/ to a browser on the LAN: an administrator signs in, a desk officer is refused', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (error) => console.error(`[quan-tri] page error: ${error.message}`));
  await page.goto(new URL('/quan-tri/', server.url).href);
  await page.getByLabel('Tên đăng nhập').fill(DEMO_STAFF.receiving.username);
  await page.getByLabel('Mật khẩu').fill(DEMO_STAFF.receiving.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('alert').getByText('không có vai trò quản trị').waitFor();
  await page.getByLabel('Tên đăng nhập').fill(DEMO_STAFF.admin.username);
  await page.getByLabel('Mật khẩu').fill(DEMO_STAFF.admin.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('admin-identity').waitFor();
  await page.getByRole('tab', { name: 'Nhật ký thay đổi' }).click();
  await page.getByRole('table', { name: 'Nhật ký thay đổi' }).getByText('Cấp mã đăng ký quầy').first().waitFor();
  await shots(page, 'browser-changes');
  await page.close();
});
