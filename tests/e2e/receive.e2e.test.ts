// The receiving counter end to end: a real server, the kiosk web host, Chromium and the virtual
// printer. One server, one browser, one counter for the whole file; the network cut comes last.
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { dossierCodeFromBarcodeKey, parseDossierBarcodeKey } from '../../shared/codes';
import { startVirtualPrinter, type VirtualPrinter } from '../../electron/services/printing/virtualPrinter';
import { decodeSymbol } from '../printing/decode';
import { type Counter, localRow, openReceivingCounter, pickProcedure, typeApplicant, typeText, waitForLocalRows } from './app';
import { launchChromium } from './chromium';
import { startServer, type Started } from './processes';
import { scan } from './scanner';

const SHOTS = 'test-artifacts/e2e';
let server: Started;
let browser: Browser;
let counter: Counter;
let printer: VirtualPrinter;
let serverStopped = false;

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/receive-${name}.png`, fullPage: true });

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  printer = await startVirtualPrinter({ outDir: 'test-artifacts/e2e/receive-printer' });
  server = await startServer();
  browser = await launchChromium();
  counter = await openReceivingCounter(browser, server, printer, { counterId: 'quay-2', counterName: 'Quầy 2 – Tiếp nhận' });
});

afterAll(async () => {
  await browser?.close();
  await counter?.kiosk.stop();
  if (!serverStopped) await server?.stop();
  await printer?.stop();
});

test('a full receipt with fee: appointment shown before accepting, slip in 2 copies and receipt printed, barcode and QR decode to the code on screen', async () => {
  const { page } = counter;
  await pickProcedure(page, 'cap lai giay phep lai xe', 'Cấp lại giấy phép lái xe');
  await shot(page, '1-procedure');
  await page.keyboard.press('Alt+1');
  await page.getByText('Thời hạn giải quyết').first().waitFor();
  await shot(page, '1b-procedure-details');
  await page.keyboard.press('Alt+2');

  // A wrong ID number is refused at the field, and nothing typed is lost.
  await typeApplicant(page, { id: '04008500123', name: 'Nguyễn Văn An', phone: '0912 345 678', address: 'Số 5 Lê Lợi, phường Vinh Phú, Nghệ An' });
  await page.keyboard.press('Enter');
  const idError = page.locator('#applicant-id-error');
  await idError.waitFor();
  expect(await idError.innerText()).toMatch(/chữ số/);
  await shot(page, '2-applicant-error');
  await page.getByLabel('Số CCCD / CMND / hộ chiếu').fill('040085001234');
  expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Văn An');
  await shot(page, '2-applicant');
  await page.keyboard.press('Enter');

  const boxes = page.getByRole('checkbox', { name: /^Đã nhận:/ });
  await boxes.first().waitFor();
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  await shot(page, '3-documents');
  await page.getByRole('button', { name: /Tiếp tục/ }).click();

  await page.getByLabel('Số tiền thu (đồng)').waitFor();
  expect(await page.getByLabel('Số tiền thu (đồng)').inputValue()).toBe('135.000');
  await shot(page, '4-fee');
  await page.keyboard.press('Enter');

  const appointment = await page.getByTestId('appointment').innerText();
  expect(appointment).toMatch(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
  await page.getByTestId('lease-remaining').waitFor({ timeout: 20_000 });
  await shot(page, '5-confirm');
  const jobsBefore = printer.jobs.length;
  await page.keyboard.press('Control+Enter');

  const code = await page.getByTestId('dossier-code').innerText({ timeout: 20_000 });
  expect(code).toMatch(/^000\.00\.15\.H41-\d{6}-\d{4}$/);
  expect(Number(code.slice(-4))).toBeLessThan(9000);
  const key = await page.getByTestId('barcode-key').innerText();
  await page.getByText(/Biên lai: EBL01\/\d{2}TAA số \d{8}/).waitFor();
  await shot(page, '6-accepted');

  await printer.waitForJobs(jobsBefore + 3);
  const slip = printer.jobs[jobsBefore]!;
  const printedKey = decodeSymbol(slip.png, 'CODE_128');
  expect(printedKey).toBe(key);
  const parts = parseDossierBarcodeKey(printedKey);
  if (!parts.ok) throw new Error(parts.error.message);
  expect(dossierCodeFromBarcodeKey(parts.value, ['000.00.00.H41', '000.00.15.H41'])).toEqual({ ok: true, value: code });
  expect(decodeSymbol(slip.png, 'QR_CODE')).toBe(code);
  expect(printer.jobs[jobsBefore + 1]!.png.equals(slip.png)).toBe(true);
});

test('a half-filled form survives a reload as a draft', async () => {
  const { page } = counter;
  await page.getByRole('button', { name: /Tiếp nhận hồ sơ mới/ }).click();
  await pickProcedure(page, '1.002153', 'Đăng ký hành nghề luật sư');
  await typeText(page, '040190004321');
  await page.keyboard.press('Tab');
  await typeText(page, 'Trần Thị Bình');
  // The form is saved on every change; the reload comes once it is.
  const saved = (rows: { draft: unknown }[]) => rows.some((row) => JSON.stringify(row.draft).includes('Trần Thị Bình'));
  await waitForLocalRows(page, 'formDrafts', saved, 30_000, 'the half-filled form was never saved as a draft');
  await page.reload();
  await page.getByLabel('Họ và tên').waitFor({ timeout: 30_000 });
  expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Trần Thị Bình');
  expect(await page.getByLabel('Số CCCD / CMND / hộ chiếu').inputValue()).toBe('040190004321');
  await shot(page, '7-draft-restored');
});

test('the citizen’s card scanned at any step fills the applicant and says so; a bad card changes nothing and says why', async () => {
  // Fake people: well-formed numbers that belong to no one. The scanner types the marks in Unicode mode.
  const hoa = '040193005678|187654321|Lê Thị Hoa|15031993|Nữ|Số 12 đường Lê Lợi, phường Vinh Phú, tỉnh Nghệ An|10052022';
  const an = '040090001234||Nguyễn Văn An|01011990|Nam|Xóm 5, xã Diễn Châu, tỉnh Nghệ An|04102024||||';
  const { page } = counter;
  const field = (label: string) => page.getByLabel(label, { exact: true }).inputValue();
  await page.getByLabel('Họ và tên').focus();
  await scan(page, '040193005678|187654321|Lê Thị Hoa|15031993', { gapMs: 2 });
  await page
    .getByTestId('card-reading')
    .getByText(/thiếu thông tin/)
    .waitFor();
  expect([await field('Số CCCD / CMND / hộ chiếu'), await field('Họ và tên')]).toEqual(['040190004321', 'Trần Thị Bình']);

  await scan(page, hoa, { gapMs: 2 });
  await page
    .getByTestId('card-reading')
    .getByText(/Đã điền số định danh, họ và tên, địa chỉ từ thẻ căn cước: Lê Thị Hoa, sinh ngày 15\/03\/1993, Nữ/)
    .waitFor();
  expect([await field('Số CCCD / CMND / hộ chiếu'), await field('Họ và tên'), await field('Địa chỉ')]).toEqual(['040193005678', 'Lê Thị Hoa', 'Số 12 đường Lê Lợi, phường Vinh Phú, tỉnh Nghệ An']);
  await shot(page, '8-card-read');

  await page.keyboard.press('Alt+3');
  await page
    .getByRole('checkbox', { name: /^Đã nhận:/ })
    .first()
    .focus();
  await scan(page, an, { gapMs: 2 });
  await page
    .getByTestId('card-reading')
    .getByText(/Nguyễn Văn An, sinh ngày 01\/01\/1990, Nam/)
    .waitFor();
  expect(
    await page
      .getByRole('checkbox', { name: /^Đã nhận:/ })
      .first()
      .isChecked(),
  ).toBe(false);
  await page.keyboard.press('Alt+2');
  await expect.poll(() => field('Họ và tên')).toBe('Nguyễn Văn An');
  expect(await field('Số CCCD / CMND / hộ chiếu')).toBe('040090001234');
});

test('a supplement request lists every missing document and is refused without a reason', async () => {
  const { page } = counter;
  await page.getByLabel('Địa chỉ', { exact: true }).fill('Xóm 3, xã Nghi Lộc, Nghệ An');
  await page.keyboard.press('Enter');
  await page
    .getByRole('checkbox', { name: /^Đã nhận:/ })
    .first()
    .check();
  await page.keyboard.press('Alt+b');
  const panel = page.getByRole('form', { name: 'Phiếu yêu cầu bổ sung' });
  await panel.waitFor();
  await page.getByLabel('Điện thoại liên hệ của cán bộ hướng dẫn').fill('0238 3840 000');
  await panel.getByRole('button', { name: /Lập và in phiếu yêu cầu bổ sung/ }).click();
  await page.locator('#supplement-reason-error').waitFor();
  await shot(page, '8-supplement-error');
  const jobsBefore = printer.jobs.length;
  await page.getByLabel('Lý do yêu cầu bổ sung').fill('Hồ sơ thiếu giấy tờ theo quy định của thủ tục');
  await page.keyboard.press('Enter');
  await page.getByTestId('letter-reference').waitFor({ timeout: 20_000 });
  expect(await page.getByText('Đã lập phiếu yêu cầu bổ sung, hoàn thiện hồ sơ').count()).toBe(1);
  await shot(page, '9-supplement-issued');
  await printer.waitForJobs(jobsBefore + 1);
});

test('a refusal needs written reasons and is printed', async () => {
  const { page } = counter;
  await page.keyboard.press('Enter');
  await pickProcedure(page, 'cap the cong chung vien', 'Cấp thẻ công chứng viên');
  // The returning citizen's details come back from the ID number alone.
  await typeText(page, '040085001234');
  await page.keyboard.press('Tab');
  await page.getByText(/Công dân đã từng nộp hồ sơ/).waitFor();
  expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Văn An');
  await shot(page, '10-returning-citizen');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+t');
  await page.getByLabel('Lý do từ chối (mỗi lý do một dòng)').waitFor();
  await page.keyboard.press('Control+Enter');
  await page.locator('#refusal-reasons-error').waitFor();
  const jobsBefore = printer.jobs.length;
  await page.getByLabel('Lý do từ chối (mỗi lý do một dòng)').fill('Người nộp chưa đủ điều kiện hành nghề công chứng theo Luật Công chứng');
  await shot(page, '11-refusal');
  await page.keyboard.press('Control+Enter');
  await page.getByText('Đã lập phiếu từ chối tiếp nhận hồ sơ').waitFor({ timeout: 20_000 });
  await shot(page, '12-refusal-issued');
  await printer.waitForJobs(jobsBefore + 1);
});

test('with the network cut, a dossier is still received, printed and still there after a reload', async () => {
  const { page } = counter;
  await server.stop();
  serverStopped = true;
  await page.keyboard.press('Enter');
  await pickProcedure(page, 'dang ky hanh nghe luat su', 'Đăng ký hành nghề luật sư');
  await typeApplicant(page, { id: '040300001111', name: 'Lê Thị Cúc', phone: '0987654321', address: 'Số 2 Trường Thi, Vinh, Nghệ An' });
  await page.keyboard.press('Enter');
  const boxes = page.getByRole('checkbox', { name: /^Đã nhận:/ });
  await boxes.first().waitFor();
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.getByTestId('appointment').waitFor();
  await shot(page, '13-offline-confirm');
  await page.keyboard.press('Control+Enter');
  const code = await page.getByTestId('dossier-code').innerText({ timeout: 20_000 });
  expect(await page.getByText('Biên lai').count()).toBe(0);
  await shot(page, '14-offline-accepted');

  await page.reload();
  await page.getByTestId('counter-identity').waitFor({ timeout: 30_000 });
  const stored = (await localRow<{ status?: string }>(page, 'dossiers', code, 'code'))?.status;
  expect(stored).toBe('received');
  await shot(page, '15-offline-after-reload');
});

test('Tra cứu, still offline, finds a procedure typed without diacritics and shows what to bring', async () => {
  const { page } = counter;
  await page.keyboard.press('F7');
  const lookup = page.getByRole('region', { name: 'Tra cứu thủ tục' });
  await lookup.getByRole('combobox').fill('cap giay phep xay dung');
  await lookup
    .getByRole('option', { name: /Cấp giấy phép xây dựng/ })
    .first()
    .click();
  await lookup.getByText('Danh mục còn thiếu: Thời hạn giải quyết').waitFor();
  await shot(page, '16-lookup');
});
