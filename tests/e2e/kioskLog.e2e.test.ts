// The kiosk's log reaches someone: an error no screen caught, and a sync problem when the central
// server goes away, land in the machine's log file through the host, and the administrator reads
// them in Cài đặt, newest first, in Vietnamese.
import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_STAFF, hostCall, openCounter, type Counter } from './app';
import { launchChromium } from './chromium';
import { startServer, type Started } from './processes';

const SHOTS = 'test-artifacts/e2e';
let server: Started;
let browser: Browser;
let counter: Counter;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  counter = await openCounter(browser, server, { counterId: 'quay-7', counterName: 'Quầy 7 – Quản trị', user: DEMO_STAFF.admin });
});

afterAll(async () => {
  await browser?.close();
  await counter?.kiosk.stop();
  await server?.stop();
});

test('an uncaught error and a lost server are in the machine log, and Cài đặt shows them', async () => {
  const { page } = counter;
  await page.evaluate(() =>
    setTimeout(() => {
      throw new Error('Lỗi thử nghiệm chưa được bắt');
    }, 0),
  );
  await page.evaluate(() => void Promise.reject(new Error('Lời hứa bị từ chối khi thử')));

  // The file itself, as the host keeps it: JSON lines, the screen's lines marked as such.
  await expect
    .poll(async () => ((await hostCall(page, 'log.read', [{ maxBytes: 65536 }])) as { text: string }).text, { timeout: 15_000 })
    .toMatch(/Lỗi thử nghiệm chưa được bắt[\s\S]*Lời hứa bị từ chối khi thử|Lời hứa bị từ chối khi thử[\s\S]*Lỗi thử nghiệm chưa được bắt/);

  await server.stop();
  await page.getByTestId('sync-badge').getByText('Mất kết nối').waitFor({ timeout: 30_000 });

  await page.keyboard.press('F9');
  const panel = page.getByRole('region', { name: 'Nhật ký máy quầy' });
  await panel.getByRole('button', { name: 'Tải lại' }).click();
  const log = panel.getByTestId('kiosk-log');
  await expect.poll(() => log.innerText(), { timeout: 15_000 }).toContain('Đồng bộ với máy chủ chưa được');
  const text = await log.innerText();
  expect(text).toContain('Lỗi thử nghiệm chưa được bắt');
  expect(text).toContain('Lời hứa bị từ chối khi thử');
  expect(text).toMatch(/Lỗi\s+màn hình/);
  // Newest first: the sync problem came after the two errors.
  expect(text.indexOf('Đồng bộ với máy chủ chưa được')).toBeLessThan(text.indexOf('Lỗi thử nghiệm chưa được bắt'));
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: `${SHOTS}/kiosk-log-panel.png` });
});
