import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_STAFF, openCounter, type Counter } from './app';
import { launchChromium } from './chromium';
import { startServer, type Started } from './processes';

let server: Started;
let browser: Browser;
let counter: Counter;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  // A supervisor sees every section; role restrictions are tested in security.e2e.test.ts.
  counter = await openCounter(browser, server, { counterId: 'quay-3', counterName: 'Quầy 3 – Tiếp nhận', user: DEMO_STAFF.supervisor });
});

afterAll(async () => {
  await browser?.close();
  await counter?.kiosk.stop();
  await server?.stop();
});

test('an enrolled counter opens the Vietnamese shell with its sections, identity and sync state', async () => {
  const { page } = counter;
  const nav = page.getByRole('navigation', { name: 'Các mục' });
  for (const label of ['Tiếp nhận', 'Bàn giao', 'Trả kết quả', 'Theo dõi', 'Tra cứu', 'Cài đặt']) {
    await expect(nav.getByRole('button', { name: new RegExp(label) }).count()).resolves.toBe(1);
  }
  const identity = await page.getByTestId('counter-identity').innerText();
  expect(identity).toContain('Quầy 3 – Tiếp nhận');
  expect(identity).toContain(DEMO_STAFF.supervisor.fullName);
  expect(identity).toMatch(/Trình duyệt · phiên bản \d+\.\d+\.\d+/);
  await page
    .getByTestId('sync-badge')
    .getByText(/Trực tuyến/)
    .waitFor({ timeout: 20_000 });

  await page.keyboard.press('F9');
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Cài đặt');
  await expect(page.getByText('000.00.15.H41').count()).resolves.toBe(1);

  await mkdir('test-artifacts/e2e', { recursive: true });
  await page.screenshot({ path: 'test-artifacts/e2e/shell.png' });
});

test('the counter stays enrolled after a reload and the officer stays signed in', async () => {
  const { page } = counter;
  await page.reload();
  await page.getByTestId('counter-identity').waitFor();
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Cài đặt');
});

test('a wrong password is refused in Vietnamese', async () => {
  const page = await browser.newPage();
  await page.goto(counter.kiosk.url);
  await page.getByLabel('Tên đăng nhập').fill('tiepnhan1');
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert').innerText()).resolves.toMatch(/mật khẩu/i);
  await page.close();
});

test('a page without the per-start secret cannot call the host', async () => {
  const response = await fetch(new URL('/host', counter.kiosk.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ call: 'settings.get', args: [] }),
  });
  expect(response.status).toBe(401);
  const body = (await response.json()) as { error: { code: string } };
  expect(body.error.code).toBe('BAD_TOKEN');
});
