// A fee paid by VietQR at the receiving counter, end to end: the Center's account is set by the
// administrator, the fee step shows the QR with the amount and the dossier code, the officer marks
// the transfer received, and the receipt printed on the virtual printer carries the same VietQR
// and says the fee was paid by transfer.
import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DossierEvent } from '../../shared/domain';
import type { PrintDocument } from '../../shared/documents';
import { DEMO_UNIT_TAX_CODE } from '../../server/seed';
import { startVirtualPrinter, type VirtualPrinter } from '../../electron/services/printing/virtualPrinter';
import { decodeAllQrCodes } from '../printing/decode';
import { adminToken, type Counter, localRows, openReceivingCounter, pickProcedure, receiveEveryPaper, typeText } from './app';
import { launchChromium } from './chromium';
import { startServer, type Started } from './processes';

const SHOTS = 'test-artifacts/e2e';
const ACCOUNT = { bin: '970415', accountNumber: '113366668888', accountName: 'TRUNG TAM PVHCC TINH NGHE AN' };
let server: Started;
let browser: Browser;
let counter: Counter;
let printer: VirtualPrinter;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  printer = await startVirtualPrinter({ outDir: 'test-artifacts/e2e/vietqr-printer' });
  server = await startServer();
  // The administrator sets the Center's account in its configuration before the counter enrols.
  const response = await fetch(new URL('/v1/admin/catalogue/setting/receive', server.url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await adminToken(server.url)}` },
    body: JSON.stringify({ body: { unitTaxCode: DEMO_UNIT_TAX_CODE, bankAccount: ACCOUNT } }),
  });
  expect(response.ok).toBe(true);
  browser = await launchChromium();
  counter = await openReceivingCounter(browser, server, printer, { counterId: 'quay-5', counterName: 'Quầy 5 – Tiếp nhận' });
});

afterAll(async () => {
  await browser?.close();
  await counter?.kiosk.stop();
  await server?.stop();
  await printer?.stop();
});

test('the fee step shows the VietQR, the officer marks the transfer received, the receipt carries the QR and says chuyển khoản', async () => {
  const { page } = counter;
  await page.setViewportSize({ width: 1366, height: 768 });
  await pickProcedure(page, 'cap lai giay phep lai xe', /Cấp lại giấy phép lái xe/);
  await typeText(page, '040085001234');
  await page.keyboard.press('Tab');
  await typeText(page, 'Nguyễn Văn An');
  await page.keyboard.press('Enter');
  await receiveEveryPaper(page);
  expect(await page.getByLabel('Số tiền thu (đồng)').inputValue()).toBe('135.000');
  await page.getByLabel('Hình thức nộp').selectOption('transfer');
  const qr = page.locator('[data-vietqr]');
  await qr.waitFor({ timeout: 20_000 });
  const onScreen = (await qr.getAttribute('data-vietqr'))!;
  const reference = await page.locator('.vietqr-reference').innerText();
  expect(reference).toMatch(/^000\.00\.15\.H41-\d{6}-\d{4}$/);
  expect(onScreen).toContain('0010A000000727');
  expect(onScreen).toContain(`0006${ACCOUNT.bin}0112${ACCOUNT.accountNumber}`);
  expect(onScreen).toContain('5406135000');
  expect(onScreen).toContain(`0825${reference}`);
  await page.screenshot({ path: `${SHOTS}/vietqr-1-fee-step-1366x768.png` });

  // Not yet seen in the account: the step does not go on.
  await page.getByRole('button', { name: /Tiếp tục/ }).click();
  await page.locator('#transfer-received-error').waitFor();
  expect(await page.locator('#transfer-received-error').innerText()).toContain('Đã nhận chuyển khoản');
  await page.getByLabel(/Đã nhận chuyển khoản/).check();
  await page.screenshot({ path: `${SHOTS}/vietqr-2-transfer-received-1366x768.png` });
  await page.getByRole('button', { name: /Tiếp tục/ }).click();
  await page.getByTestId('appointment').waitFor();
  const jobsBefore = printer.jobs.length;
  await page.keyboard.press('Control+Enter');

  const code = await page.getByTestId('dossier-code').innerText({ timeout: 20_000 });
  expect(code).toBe(reference);
  await page.screenshot({ path: `${SHOTS}/vietqr-3-accepted-1366x768.png` });

  // The slip in two copies, then the receipt.
  await printer.waitForJobs(jobsBefore + 3);
  const receiptPng = printer.jobs[jobsBefore + 2]!.png;
  const printedCodes = decodeAllQrCodes(receiptPng);
  expect(printedCodes).toContain(onScreen);

  const events = (await localRows<{ event: DossierEvent }>(page, 'events')).map((o) => o.event);
  const fee = events.find((e) => e.type === 'feeCollected');
  expect(fee?.type === 'feeCollected' && fee.payload.method).toBe('transfer');
  const receipt = (await localRows<{ document: PrintDocument }>(page, 'printQueue')).map((j) => j.document).find((d) => d.kind === 'feeReceipt')!;
  const rows = receipt.blocks.flatMap((b) => (b.type === 'fields' ? b.rows.map((r) => `${r.label}: ${r.value}`) : []));
  expect(rows).toContain('Hình thức thanh toán: Chuyển khoản');
  expect(rows).toContain(`Nội dung chuyển khoản: ${code}`);
});
