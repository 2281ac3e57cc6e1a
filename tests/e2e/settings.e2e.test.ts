// Cài đặt end to end: an administrator adds the virtual network printer through the form (errors
// shown at the fields first), checks its status, prints the test page, which arrives as a raster
// the width of an 80 mm head whose barcode and QR decode; then reprints it from the queue.
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { TEST_PAGE_SAMPLE_CODE, TEST_PAGE_SAMPLE_KEY } from '../../shared/documents';
import { pngToRgba } from '../../electron/services/printing/png';
import { startVirtualPrinter, type VirtualPrinter } from '../../electron/services/printing/virtualPrinter';
import { decodeSymbol } from '../printing/decode';
import { DEMO_STAFF, openCounter, type Counter } from './app';
import { launchChromium } from './chromium';
import { startServer, type Started } from './processes';

const SHOTS = 'test-artifacts/e2e';
let server: Started;
let browser: Browser;
let counter: Counter;
let printer: VirtualPrinter;

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/settings-${name}.png`, fullPage: true });

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  printer = await startVirtualPrinter({ outDir: `${SHOTS}/settings-printer` });
  server = await startServer();
  browser = await launchChromium();
  counter = await openCounter(browser, server, { counterId: 'quay-9', counterName: 'Quầy 9 – Quản trị', user: DEMO_STAFF.admin });
});

afterAll(async () => {
  await browser?.close();
  await counter?.kiosk.stop();
  await server?.stop();
  await printer?.stop();
});

test('the administrator adds a printer: wrong input is named at its field, then it is saved', async () => {
  const { page } = counter;
  await page.keyboard.press('F9');
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Cài đặt');
  await expect(page.getByText('000.00.15.H41').count()).resolves.toBe(1);
  await page.getByText('Chưa cài máy in nào').waitFor();
  // The scanner panel lists the serial ports even on a machine without udevadm (this one), and says nothing in English.
  const scannerPanel = page.locator('section[aria-labelledby="scanner-title"]');
  await scannerPanel.getByLabel(/Dùng máy quét qua cổng nối tiếp/).check();
  await scannerPanel.getByText(/Máy không báo cổng nối tiếp nào|Máy đang thấy|Cổng máy đang thấy/).waitFor();
  expect(await scannerPanel.innerText()).not.toMatch(/ENOENT|spawn|udevadm|Error/);
  await scannerPanel.getByLabel(/Dùng máy quét qua cổng nối tiếp/).uncheck();

  await page.getByRole('button', { name: 'Thêm máy in' }).click();
  await page.getByLabel('Địa chỉ').fill('192.168.1.300:9100');
  await page.getByLabel('Tên máy in').press('Enter');
  await page.locator('#printer-name-error').getByText('Hãy đặt tên máy in').waitFor();
  await page
    .locator('#printer-address-error')
    .getByText(/không phải địa chỉ IP/)
    .waitFor();
  await page
    .locator('#printer-roles-error')
    .getByText(/ít nhất một loại giấy tờ/)
    .waitFor();
  await shot(page, '1-errors');

  await page.getByLabel('Tên máy in').fill('Máy in phiếu quầy 9');
  await page.getByLabel('Địa chỉ').fill(printer.address);
  await page.getByLabel('Khổ giấy').selectOption('80mm');
  await page.getByRole('checkbox', { name: 'Giấy hẹn trả kết quả' }).check();
  await page.getByRole('checkbox', { name: 'Biên lai thu phí' }).check();
  await page.locator('#printer-copies-slip').fill('9');
  await page.getByLabel('Tên máy in').press('Enter');
  await page
    .locator('#printer-copies-slip-error')
    .getByText(/từ 1 đến 5/)
    .waitFor();
  // Nothing typed was lost while the error was shown.
  expect(await page.getByLabel('Tên máy in').inputValue()).toBe('Máy in phiếu quầy 9');
  await page.locator('#printer-copies-slip').fill('2');
  await page.getByRole('button', { name: /Lưu máy in/ }).click();

  const card = page.getByRole('listitem', { name: 'Máy in phiếu quầy 9' });
  await card.waitFor();
  expect(await card.innerText()).toContain('Giấy hẹn trả kết quả (2 bản), Biên lai thu phí (1 bản)');
  await card.getByTestId('printer-status').filter({ hasNotText: 'Đang kiểm tra' }).waitFor({ timeout: 15_000 });
  expect(await card.getByTestId('printer-status').innerText()).toMatch(/sẵn sàng/i);
  await page.getByRole('figure', { name: 'Xem trước trang in thử' }).locator('canvas').waitFor();
  await shot(page, '2-saved');

  const saved = await page.evaluate(async () => {
    const token = document.querySelector<HTMLMetaElement>('meta[name="motcua-host-token"]')!.content;
    const res = await fetch('/host', { method: 'POST', headers: { 'content-type': 'application/json', 'x-motcua-host-token': token }, body: JSON.stringify({ call: 'settings.get', args: [] }) });
    return ((await res.json()) as { value: { printers: unknown[] } }).value.printers;
  });
  expect(saved).toEqual([
    { id: expect.any(String), name: 'Máy in phiếu quầy 9', transport: 'network', address: printer.address, paper: '80mm', roles: ['slip', 'receipt'], copies: { slip: 2, receipt: 1 } },
  ]);
});

test('the test page prints on the 80 mm printer with legible symbols, and a reprint is marked', async () => {
  const { page } = counter;
  const card = page.getByRole('listitem', { name: 'Máy in phiếu quầy 9' });
  await card.getByRole('button', { name: 'In trang thử' }).click();
  await card
    .getByRole('status')
    .getByText(/Đã gửi trang in thử/)
    .waitFor();
  await printer.waitForJobs(1, 30_000);
  const job = printer.jobs[0]!;
  const png = pngToRgba(job.png);
  expect(png.width).toBe(576);
  expect(png.height).toBeGreaterThan(600);
  expect(job.textBytes).toBe(0);
  expect(decodeSymbol(job.png, 'QR_CODE')).toBe(TEST_PAGE_SAMPLE_CODE);
  expect(decodeSymbol(job.png, 'CODE_128')).toBe(TEST_PAGE_SAMPLE_KEY);

  const rows = page.getByTestId('print-job');
  await rows.filter({ hasText: 'Đã in' }).first().waitFor({ timeout: 15_000 });
  expect(await rows.first().innerText()).toContain('Trang in thử Máy in phiếu quầy 9');
  await rows.first().getByRole('button', { name: 'In lại' }).click();
  await printer.waitForJobs(2, 30_000);
  await rows.filter({ hasText: 'BẢN IN LẠI' }).filter({ hasText: 'Đã in' }).waitFor({ timeout: 15_000 });
  expect(pngToRgba(printer.jobs[1]!.png).height).toBeGreaterThan(png.height);
  await shot(page, '3-printed');
});

test('a copy the printer never confirms is not printed again: the officer is asked', async () => {
  const { page } = counter;
  const rows = page.getByTestId('print-job');
  printer.confirmsJobs = false;
  try {
    await rows.first().getByRole('button', { name: 'In lại' }).click();
    await printer.waitForJobs(3, 30_000);
    const banner = page.getByTestId('unconfirmed-prints');
    await banner.getByText('Đã in ra chưa?').waitFor({ timeout: 30_000 });
    await rows.first().getByText('Máy in chưa xác nhận').waitFor();
    await rows.first().getByText('Đã in ra chưa?').waitFor();
    await shot(page, '4-unconfirmed');
    await banner.getByRole('button', { name: 'Đã in' }).click();
    await banner.waitFor({ state: 'detached' });
    await rows.first().locator('.job-state.done').waitFor();
    expect(printer.jobs).toHaveLength(3);
  } finally {
    printer.confirmsJobs = true;
  }
});

test('a removed printer is gone after a reload too', async () => {
  const { page } = counter;
  await page.reload();
  await page.getByTestId('counter-identity').waitFor();
  const card = page.getByRole('listitem', { name: 'Máy in phiếu quầy 9' });
  await card.getByRole('button', { name: 'Xoá' }).click();
  await card.getByRole('group', { name: 'Xác nhận xoá' }).getByRole('button', { name: 'Xoá' }).click();
  await page.getByText('Chưa cài máy in nào').waitFor();
  await page.reload();
  await page.getByText('Chưa cài máy in nào').waitFor();
});
