// The kiosk's local web host restarts under an open page (an update, a crash, someone closing its
// window): the page finds it again by itself, and a slip is never lost to it. Received while the host
// is away, the slip waits in the print queue; received after it is back, it prints at once. Both reach
// the virtual printer, and their QR codes name the dossiers on screen.
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../electron/services/printing/virtualPrinter';
import { decodeSymbol } from '../printing/decode';
import { type Counter, openReceivingCounter, pickProcedure, typeApplicant } from './app';
import { launchChromium } from './chromium';
import { startServer, startWebHost, type Started } from './processes';

const SHOTS = 'test-artifacts/e2e';
let server: Started;
let browser: Browser;
let counter: Counter;
let kiosk: Started;
let printer: VirtualPrinter;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  printer = await startVirtualPrinter({ outDir: 'test-artifacts/e2e/host-restart-printer' });
  server = await startServer();
  browser = await launchChromium();
  counter = await openReceivingCounter(browser, server, printer, { counterId: 'quay-3', counterName: 'Quầy 3 – Tiếp nhận' });
  kiosk = counter.kiosk;
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
  await server?.stop();
  await printer?.stop();
});

/** One whole reception at the keyboard (the procedure with a fee); answers the dossier code on screen. */
async function receive(page: Page, person: { id: string; name: string }): Promise<string> {
  await pickProcedure(page, 'cap lai giay phep lai xe', /Cấp lại giấy phép lái xe/);
  await typeApplicant(page, { ...person, phone: '0912 345 678', address: 'Số 5 Lê Lợi, phường Vinh Phú, Nghệ An' });
  await page.keyboard.press('Enter');
  const boxes = page.getByRole('checkbox', { name: /^Đã nhận:/ });
  await boxes.first().waitFor();
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  await page.getByRole('button', { name: /Tiếp tục/ }).click();
  const amount = page.getByLabel('Số tiền thu (đồng)');
  await amount.waitFor();
  // A wrong amount is named at its field, and the message goes as soon as the amount is typed again.
  await amount.fill('135.00x');
  await amount.press('Enter');
  await page.locator('#fee-amount-error').waitFor();
  await amount.fill('135.000');
  await expect(page.locator('#fee-amount-error').count()).resolves.toBe(0);
  await page.keyboard.press('Enter');
  await page.getByTestId('appointment').waitFor();
  await page.keyboard.press('Control+Enter');
  return page.getByTestId('dossier-code').innerText({ timeout: 20_000 });
}

/** The dossier codes in the QR codes of the slips printed since `from` (a receipt has none). */
const printedCodes = (from: number) =>
  printer.jobs.slice(from).flatMap((job) => {
    try {
      return [decodeSymbol(job.png, 'QR_CODE')];
    } catch {
      return [];
    }
  });

test('after the local web host restarts, the page reconnects by itself and every slip reaches the printer, even one received while the host was away', async () => {
  const { page } = counter;
  const before = printer.jobs.length;

  await kiosk.stop();
  const whileAway = await receive(page, { id: '040085001234', name: 'Nguyễn Văn An' });
  // The dossier is recorded; its slip waits in the queue, never "no printer configured".
  await expect(page.getByText(/Chưa cài máy in/).count()).resolves.toBe(0);
  await page.screenshot({ path: `${SHOTS}/host-restart-1-away.png`, fullPage: true });

  kiosk = await startWebHost(['--server-url', server.url], kiosk);
  await expect.poll(() => printedCodes(before), { timeout: 60_000 }).toContain(whileAway);

  await page.getByRole('button', { name: /Tiếp nhận hồ sơ mới/ }).click();
  const afterRestart = await receive(page, { id: '040190004321', name: 'Trần Thị Bình' });
  await expect(page.getByText(/Chưa cài máy in/).count()).resolves.toBe(0);
  await expect.poll(() => printedCodes(before), { timeout: 60_000 }).toContain(afterRestart);
  await page.screenshot({ path: `${SHOTS}/host-restart-2-back.png`, fullPage: true });
  expect(new Set(printedCodes(before))).toEqual(new Set([whileAway, afterRestart]));
});
