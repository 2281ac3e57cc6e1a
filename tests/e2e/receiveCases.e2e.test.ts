// The receiving counter's everyday cases (issue 16, "Tiếp nhận"), each replayed end to end: a real
// server, the kiosk web host, Chromium and the virtual printer. Every screen changed is shot at
// 1366×768 and 1920×1080 into test-artifacts/e2e.
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { vnDateKey } from '../../shared/calendar';
import { dayNumberFromDateKey, dateKeyFromDayNumber, weekdayOf } from '../../shared/calendar/days';
import type { DossierEvent, DossierState } from '../../shared/domain';
import { startVirtualPrinter, type VirtualPrinter } from '../../electron/services/printing/virtualPrinter';
import { type Counter, DEMO_STAFF, fillApplicant, localRow, localRows, openReceivingCounter, pickProcedure, typeText } from './app';
import { launchChromium } from './chromium';
import { startServer, type Started } from './processes';
import { scan } from './scanner';

const SHOTS = 'test-artifacts/e2e';
let server: Started;
let browser: Browser;
let counter: Counter;
let printer: VirtualPrinter;

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** The screen as the officer sees it (the viewport, not the whole page) at both sizes; back at 1366×768 after. */
async function shots(page: Page, name: string) {
  for (const size of [...SIZES].reverse()) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/receive-cases-${name}-${size.width}.png` });
  }
}

const focused = (page: Page) =>
  page.evaluate(() => ({ label: document.activeElement?.getAttribute('aria-label'), id: document.activeElement?.id, testId: document.activeElement?.getAttribute('data-testid') }));

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  printer = await startVirtualPrinter({ outDir: 'test-artifacts/e2e/receive-cases-printer' });
  server = await startServer();
  browser = await launchChromium();
  counter = await openReceivingCounter(browser, server, printer, { counterId: 'quay-4', counterName: 'Quầy 4 – Tiếp nhận', viewport: SIZES[0] });
});

afterAll(async () => {
  await browser?.close();
  await counter?.kiosk.stop();
  await server?.stop();
  await printer?.stop();
});

const continueButton = (page: Page) => page.getByRole('button', { name: /Tiếp tục/ });

/** From the fee step to the dossier code: the catalogue's fee (0 where it has none), Enter, Ctrl+Enter. */
async function feeThenAccept(page: Page): Promise<string> {
  const fee = page.getByLabel('Số tiền thu (đồng)');
  await fee.waitFor();
  if ((await fee.inputValue()) === '') await fee.fill('0');
  await page.keyboard.press('Enter');
  await page.getByTestId('appointment').waitFor();
  await page.keyboard.press('Control+Enter');
  return page.getByTestId('dossier-code').innerText({ timeout: 20_000 });
}

async function receivedEvent(page: Page, code: string): Promise<Extract<DossierEvent, { type: 'received' }>['payload']> {
  const row = await localRow<{ id: string }>(page, 'dossiers', code, 'code');
  const events = (await localRows<{ dossierId: string; event: DossierEvent }>(page, 'events')).filter((e) => e.dossierId === row?.id).map((e) => e.event);
  const received = events.find((e) => e.type === 'received');
  if (received?.type !== 'received') throw new Error(`no received event for ${code}`);
  return received.payload;
}

/** The dossiers the "Chờ bổ sung" list reads: the [status+dueAt] index in the awaitingSupplement range. */
const awaitingSupplement = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((done, fail) => {
        const open = indexedDB.open('motcua');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const index = open.result.transaction('dossiers').objectStore('dossiers').index('[status+dueAt]');
          const read = index.count(IDBKeyRange.bound(['awaitingSupplement', -Infinity], ['awaitingSupplement', [[]]]));
          read.onsuccess = () => (done(read.result), open.result.close());
          read.onerror = () => (fail(read.error), open.result.close());
        };
      }),
  );

test('a reload while typing keeps every key; "Bỏ hồ sơ đang nhập" discards the reception after a confirmation', async () => {
  const { page } = counter;
  await pickProcedure(page, '1.002153', /Đăng ký hành nghề luật sư/);
  await typeText(page, '040190004321');
  await page.keyboard.press('Tab');
  await typeText(page, 'Trần Thị Bình');
  // No wait for a pause: the draft is written on every change.
  await page.reload();
  await page.getByLabel('Họ và tên').waitFor({ timeout: 30_000 });
  expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Trần Thị Bình');
  expect(await page.getByLabel('Số CCCD / CMND / hộ chiếu').inputValue()).toBe('040190004321');

  await page.getByRole('button', { name: 'Bỏ hồ sơ đang nhập' }).click();
  await page.getByRole('alertdialog', { name: 'Xác nhận bỏ hồ sơ đang nhập' }).waitFor();
  // The safe answer has the focus: Enter keeps the form.
  await page.keyboard.press('Enter');
  expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Trần Thị Bình');
  await page.getByRole('button', { name: 'Bỏ hồ sơ đang nhập' }).click();
  await shots(page, '1-discard-confirm');
  await page.getByRole('button', { name: 'Bỏ hồ sơ', exact: true }).click();
  await page.getByRole('combobox').waitFor();
  expect(await page.getByRole('button', { name: /^2\. Người nộp/ }).isDisabled()).toBe(true);
  await page.reload();
  await page.getByRole('combobox').waitFor({ timeout: 30_000 });
  expect(await page.getByRole('button', { name: /^2\. Người nộp/ }).isDisabled()).toBe(true);
  await shots(page, '1-procedure-step');
});

test('a procedure without processing time says so when picked, takes the appointment typed at step 5 with its reason, and records who set it; focus lands on steps 3 and 5, the buttons stay in sight, Enter does not skip digitising', async () => {
  const { page } = counter;
  await pickProcedure(page, 'ly lich tu phap', /Cấp Phiếu Lý lịch tư pháp/);
  await page
    .getByTestId('no-processing-time')
    .getByText(/chưa có thời hạn giải quyết/)
    .waitFor();
  await shots(page, '2-no-time-notice');
  await fillApplicant(page, { id: '040190007777', name: 'Phạm Thu Hà' });

  // Step 3: the first box has the focus, and Continue is on screen at 1366×768 however long the list.
  await expect.poll(() => focused(page)).toMatchObject({ label: expect.stringMatching(/^Đã nhận: /) });
  const box = await continueButton(page).boundingBox();
  expect(box && box.y + box.height).toBeLessThanOrEqual(768);
  await shots(page, '3-documents-long');
  const boxes = page.getByRole('checkbox', { name: /^Đã nhận:/ });
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  await continueButton(page).click();

  const fee = page.getByLabel('Số tiền thu (đồng)');
  await fee.waitFor();
  if ((await fee.inputValue()) === '') await fee.fill('0');
  await page.keyboard.press('Enter');
  // Step 5: the appointment to enter has the focus; accepting without it says what is missing and stays.
  await expect.poll(() => focused(page)).toMatchObject({ id: 'deadline-date' });
  await page.keyboard.press('Control+Enter');
  await page.locator('#deadline-date-error').waitFor();
  await page.locator('#deadline-reason-error').waitFor();
  expect(await page.getByRole('button', { name: /^5\. Tiếp nhận/ }).getAttribute('aria-current')).toBe('step');

  // Fourteen days ahead, moved off a weekend.
  let day = dayNumberFromDateKey(vnDateKey(new Date())) + 14;
  while (weekdayOf(day) === 0 || weekdayOf(day) === 6) day++;
  const dateKey = dateKeyFromDayNumber(day);
  await page.getByLabel('Ngày hẹn trả kết quả').fill(`${dateKey.slice(8, 10)}/${dateKey.slice(5, 7)}/${dateKey.slice(0, 4)}`);
  await page.getByLabel('Lý do, căn cứ của ngày hẹn').fill('Theo ý kiến của lãnh đạo Trung tâm ngày hôm nay');
  await expect.poll(() => page.getByTestId('appointment').innerText()).toBe(`17:00 ${dateKey.slice(8, 10)}/${dateKey.slice(5, 7)}/${dateKey.slice(0, 4)}`);
  await shots(page, '4-deadline-entered');
  // At 1366×768 a field reached by Tab scrolls clear of the sticky bar, never under it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByLabel('Ngày hẹn trả kết quả').focus();
  await page.keyboard.press('Tab');
  const reasonBox = (await page.getByLabel('Lý do, căn cứ của ngày hẹn').boundingBox())!;
  const barBox = (await page.locator('.accept-bar').boundingBox())!;
  expect(reasonBox.y + reasonBox.height).toBeLessThanOrEqual(barBox.y);
  await page.keyboard.press('Control+Enter');
  const code = await page.getByTestId('dossier-code').innerText({ timeout: 20_000 });
  const payload = await receivedEvent(page, code);
  expect(payload.deadlineEntered).toEqual({ by: DEMO_STAFF.receiving.fullName, supervisor: false, reason: 'Theo ý kiến của lãnh đạo Trung tâm ngày hôm nay' });
  expect(vnDateKey(new Date(payload.dueAt))).toBe(dateKey);

  // After acceptance the digitising offer has the focus: Enter does not pass it by.
  await expect.poll(() => focused(page)).toMatchObject({ testId: 'digitise-offer' });
  await page.keyboard.press('Enter');
  expect(await page.getByTestId('dossier-code').innerText()).toBe(code);
  await shots(page, '5-accepted-digitise');
  await page.keyboard.press('Alt+N');
  await page.getByRole('combobox').waitFor();
});

test('optional and conditional papers: marked, everything missing told at once at step 3, "Không áp dụng" lets it through, and only papers received are recorded', async () => {
  const { page } = counter;
  await pickProcedure(page, 'cap lai giay phep lai xe', /Cấp lại giấy phép lái xe/);
  await fillApplicant(page, { id: '040085001234', name: 'Nguyễn Văn An' });
  const boxes = page.getByRole('checkbox', { name: /^Đã nhận:/ });
  await boxes.first().waitFor();
  const rows = page.locator('table.checklist tbody tr');
  expect(await rows.nth(4).getAttribute('data-need')).toBe('conditional');
  await rows.nth(4).getByText('Tùy trường hợp').waitFor();
  for (let i = 0; i < 3; i++) await boxes.nth(i).check();
  await continueButton(page).click();
  const error = page.locator('#documents-error');
  await error.waitFor();
  const told = await error.innerText();
  expect(told).toMatch(/còn thiếu 2 giấy tờ/);
  expect(told).toMatch(/Các giấy tờ khác thể hiện thông tin/);
  expect(told).toMatch(/Hộ chiếu còn thời hạn sử dụng .*chưa đánh dấu “không áp dụng”/);
  // Told where the officer looks: beside the buttons, on screen at 1366×768.
  const shown = await error.boundingBox();
  expect(shown && shown.y + shown.height).toBeLessThanOrEqual(768);
  await shots(page, '6-documents-missing');

  await boxes.nth(3).check();
  await page.getByRole('checkbox', { name: /^Không áp dụng: Hộ chiếu/ }).check();
  await expect.poll(() => rows.nth(4).locator('td.status').innerText()).toBe('Không áp dụng');
  await shots(page, '7-documents-not-applicable');
  await continueButton(page).click();
  const code = await feeThenAccept(page);
  const payload = await receivedEvent(page, code);
  expect(payload.documents).toHaveLength(4);
  expect(payload.documents.some((d) => d.name.startsWith('Hộ chiếu'))).toBe(false);
  await page.keyboard.press('Alt+N');
});

test('an empty checklist is not received silently: a warning, and an explicit confirmation (or the papers typed)', async () => {
  const { page } = counter;
  await pickProcedure(page, '2.002755', /trợ cấp một lần/);
  await fillApplicant(page, { id: '040060001111', name: 'Hoàng Văn Bảy' });
  await page.getByTestId('empty-checklist').waitFor();
  await expect.poll(() => focused(page)).toMatchObject({ id: 'added-document' });
  await continueButton(page).click();
  await page
    .locator('#documents-error')
    .getByText(/chưa có thành phần hồ sơ/)
    .waitFor();
  await shots(page, '8-empty-checklist');
  await page.getByLabel('Xác nhận hồ sơ này không có giấy tờ nào').check();
  await continueButton(page).click();
  const code = await feeThenAccept(page);
  expect((await receivedEvent(page, code)).documents).toEqual([]);
  // Nothing to digitise: Enter starts the next citizen.
  await page.keyboard.press('Enter');
  await page.getByRole('combobox').waitFor();
});

test('a supplement request (Mẫu 02) is counted under "Chờ bổ sung" and continued from its slip: scanned, the reception resumes with what was entered, the papers asked for marked', async () => {
  const { page } = counter;
  const before = await awaitingSupplement(page);
  await pickProcedure(page, 'cap lai giay phep lai xe', /Cấp lại giấy phép lái xe/);
  await fillApplicant(page, { id: '040192003333', name: 'Đặng Thị Mai' });
  const boxes = page.getByRole('checkbox', { name: /^Đã nhận:/ });
  await boxes.first().waitFor();
  for (const i of [0, 1, 3]) await boxes.nth(i).check();
  await page.getByRole('checkbox', { name: /^Không áp dụng: Hộ chiếu/ }).check();
  await page.keyboard.press('Alt+b');
  await page.getByLabel('Điện thoại liên hệ của cán bộ hướng dẫn').fill('0238 3840 000');
  await page.getByLabel('Lý do yêu cầu bổ sung').fill('Thiếu giấy khám sức khỏe còn hiệu lực');
  await page.keyboard.press('Enter');
  const issued = await page.getByTestId('letter-reference').innerText({ timeout: 20_000 });
  const reference = /BS-\d{6}-[0-9A-F]{8}/.exec(issued)?.[0];
  expect(reference).toBeDefined();
  expect(await awaitingSupplement(page)).toBe(before + 1);

  // The citizen comes back while another reception is being typed: the slip does not overwrite it.
  await page.keyboard.press('Enter');
  await pickProcedure(page, '1.002153', /Đăng ký hành nghề luật sư/);
  await page.getByLabel('Họ và tên').fill('Người đang nhập dở');
  // Scanned at the checklist (in a name field a burst that is no dossier code is typed text: scan/fieldPolicy.ts).
  await page.keyboard.press('Alt+3');
  await expect.poll(() => focused(page)).toMatchObject({ label: expect.stringMatching(/^Đã nhận: /) });
  await scan(page, reference!, { gapMs: 2 });
  await page
    .getByTestId('resume-problem')
    .getByText(/Đang nhập dở một hồ sơ khác/)
    .waitFor();
  await shots(page, '9-resume-refused-while-typing');
  await page.keyboard.press('Alt+2');
  expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Người đang nhập dở');
  await page.getByRole('button', { name: 'Bỏ hồ sơ đang nhập' }).click();
  await page.getByRole('button', { name: 'Bỏ hồ sơ', exact: true }).click();
  await page.getByRole('combobox').waitFor();
  // Scanned on the first step, the slip resumes its reception.
  await scan(page, reference!, { gapMs: 2 });
  await page.getByTestId('resumed').getByText(reference!).waitFor();
  const asked = page.locator('table.checklist tbody tr.asked-for');
  expect(await asked.count()).toBe(1);
  expect(await asked.innerText()).toMatch(/Giấy khám sức khỏe/);
  expect(await boxes.nth(0).isChecked()).toBe(true);
  expect(await boxes.nth(2).isChecked()).toBe(false);
  await shots(page, '9-resumed');
  await page.keyboard.press('Alt+2');
  expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Đặng Thị Mai');
  await page.keyboard.press('Alt+3');
  expect(await page.getByRole('checkbox', { name: /^Không áp dụng: Hộ chiếu/ }).isChecked()).toBe(true);
  await boxes.nth(2).check();
  await continueButton(page).click();
  const code = await feeThenAccept(page);
  const row = await localRow<{ id: string; status: string; state: DossierState }>(page, 'dossiers', code, 'code');
  expect(row?.id.replace(/-/g, '').slice(0, 8).toUpperCase()).toBe(reference!.slice(-8));
  expect(row?.status).toBe('received');
  expect(await awaitingSupplement(page)).toBe(before);
  await page.keyboard.press('Alt+N');

  // Its number again: already received, and said so.
  await page.getByLabel(/số phiếu yêu cầu bổ sung/).fill(reference!);
  await page.getByRole('button', { name: 'Tiếp tục hồ sơ' }).click();
  await page
    .locator('#resume-reference-error')
    .getByText(new RegExp(`đã được tiếp nhận thành hồ sơ ${code.replace(/\./g, '\\.')}`))
    .waitFor();
  await shots(page, '10-resume-already-received');
  // Typing another number takes the old answer away.
  await page.getByLabel(/số phiếu yêu cầu bổ sung/).press('End');
  await page.keyboard.press('Backspace');
  await page.locator('#resume-reference-error').waitFor({ state: 'detached' });
});
