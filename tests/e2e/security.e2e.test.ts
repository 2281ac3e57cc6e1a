// Staff security end to end: each role sees only its screens (and their shortcuts), and the screen
// locks after the Center's idle time (pushed as a catalogue setting), keeping what was typed; a slip
// printed for the citizen carries their ID number and phone masked.
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { maskIdNumber, maskPhone } from '../../shared/documents/format';
import type { DossierEvent, DossierEventType, PayloadOf } from '../../shared/domain';
import { pngToRgba } from '../../electron/services/printing/png';
import { startVirtualPrinter } from '../../electron/services/printing/virtualPrinter';
import { decodeSymbol } from '../printing/decode';
import { adminToken, DEMO_STAFF, localRow, localRows, openCounter, signInAs, type Counter } from './app';
import { launchChromium } from './chromium';
import { startServer, type Started } from './processes';
import { enrolPusher } from './seed';

const SHOTS = 'test-artifacts/e2e';
const CITIZEN_ID = '040185009876';
const CITIZEN_PHONE = '0987654321';
const ALL = ['Tiếp nhận', 'Bàn giao', 'Trả kết quả', 'Theo dõi', 'Dừng hồ sơ', 'Tra cứu', 'Cài đặt'];
let server: Started;
let browser: Browser;
let counter: Counter;

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/security-${name}.png` });
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).first().innerText();

async function navLabels(page: Page): Promise<string[]> {
  const texts = await page.getByRole('navigation', { name: 'Các mục' }).getByRole('button').allInnerTexts();
  return texts.map((t) => t.split('\n')[0]!.trim());
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByLabel('Tên đăng nhập').waitFor();
}

async function setIdleMinutes(minutes: number) {
  const response = await fetch(new URL('/v1/admin/catalogue/setting/idleLockMinutes', server.url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await adminToken(server.url)}` },
    body: JSON.stringify({ body: { minutes } }),
  });
  expect(response.status).toBe(200);
}

/** The idle setting as this kiosk's database holds it (read, never written, by the test). */
const localIdleSetting = async (page: Page) => (await localRow<{ body?: unknown }>(page, 'catalogue', 'setting:idleLockMinutes'))?.body ?? null;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  counter = await openCounter(browser, server, { counterId: 'quay-5', counterName: 'Quầy 5 – Trả kết quả', user: DEMO_STAFF.returnDesk });
});

afterAll(async () => {
  await browser?.close();
  await counter?.kiosk.stop();
  await server?.stop();
});

test('the return desk sees its screens only; Tiếp nhận and Cài đặt are neither listed nor reachable by key', async () => {
  const { page } = counter;
  // trakq1 holds returnDesk and handoff.
  expect(await navLabels(page)).toEqual(['Bàn giao', 'Trả kết quả', 'Theo dõi', 'Dừng hồ sơ', 'Tra cứu']);
  // The return officer lands on their own desk, not on the first section in the bar.
  expect(await heading(page)).toBe('Trả kết quả');
  await page.keyboard.press('F3');
  expect(await heading(page)).toBe('Bàn giao');
  await page.keyboard.press('F2');
  await page.keyboard.press('F9');
  expect(await heading(page)).toBe('Bàn giao');
  await page.keyboard.press('F4');
  expect(await heading(page)).toBe('Trả kết quả');
  await shot(page, '1-return-desk');

  await signOut(page);
  await signInAs(page, DEMO_STAFF.supervisor);
  expect(await navLabels(page)).toEqual(ALL);

  await signOut(page);
  await signInAs(page, DEMO_STAFF.admin);
  expect(await navLabels(page)).toContain('Cài đặt');
  await page.keyboard.press('F9');
  expect(await heading(page)).toBe('Cài đặt');
  await page.getByRole('button', { name: 'Thêm máy in' }).waitFor();
});

test('a supervisor reads Cài đặt without editing printers; a receiving officer never reaches it', async () => {
  const { page } = counter;
  await signOut(page);
  await signInAs(page, DEMO_STAFF.supervisor);
  await page.keyboard.press('F9');
  expect(await heading(page)).toBe('Cài đặt');
  await page.getByText('Chỉ quản trị viên được thêm, sửa hoặc xoá máy in').waitFor();
  expect(await page.getByRole('button', { name: 'Thêm máy in' }).count()).toBe(0);

  await signOut(page);
  await signInAs(page, DEMO_STAFF.receiving);
  // tiepnhan1 holds receiving and handoff.
  expect(await navLabels(page)).toEqual(['Tiếp nhận', 'Bàn giao', 'Dừng hồ sơ', 'Tra cứu']);
  await page.keyboard.press('F9');
  expect(await heading(page)).not.toBe('Cài đặt');
});

test('after the Center’s idle time the screen locks over the work, and unlocks for the same officer with nothing lost', async () => {
  const { page } = counter;
  await setIdleMinutes(0.1);
  await expect.poll(() => localIdleSetting(page), { timeout: 30_000, interval: 500 }).toEqual({ minutes: 0.1 });
  const lock = page.getByTestId('idle-lock');
  const password = page.getByLabel('Mật khẩu');
  await lock.waitFor({ timeout: 15_000 });
  await password.fill(DEMO_STAFF.receiving.password);
  await password.press('Enter');
  await lock.waitFor({ state: 'detached' });

  // Work in progress: a search typed on Tra cứu, then the officer walks away.
  await page.keyboard.press('F7');
  expect(await heading(page)).toBe('Tra cứu');
  const field = page.getByLabel('Tìm thủ tục để tra cứu');
  await field.fill('giấy phép xây dựng');
  await lock.waitFor({ timeout: 15_000 });
  expect(await lock.innerText()).toContain('Quầy 5 – Trả kết quả');
  expect(await lock.innerText()).toContain(DEMO_STAFF.receiving.fullName);
  await shot(page, '2-locked');

  // Locked: section keys do nothing; a wrong password is named at the field.
  await page.keyboard.press('F2');
  await password.fill('sai-mat-khau');
  await page.getByRole('button', { name: /Mở khoá/ }).click();
  await page
    .locator('#lock-password-error')
    .getByText(/mật khẩu/i)
    .waitFor();
  await shot(page, '3-wrong-password');
  await password.fill(DEMO_STAFF.receiving.password);
  await password.press('Enter');
  await lock.waitFor({ state: 'detached' });
  expect(await heading(page)).toBe('Tra cứu');
  expect(await field.inputValue()).toBe('giấy phép xây dựng');
});

test('a reload does not bypass the lock, and another officer may sign in instead', async () => {
  const { page } = counter;
  const lock = page.getByTestId('idle-lock');
  await lock.waitFor({ timeout: 15_000 });
  await page.reload();
  await lock.waitFor();
  await page.getByRole('button', { name: /Cán bộ khác đăng nhập/ }).click();
  await signInAs(page, DEMO_STAFF.returnDesk);
  expect(await page.getByTestId('counter-identity').innerText()).toContain(DEMO_STAFF.returnDesk.fullName);
  await setIdleMinutes(5);
  await expect.poll(() => localIdleSetting(page), { timeout: 30_000, interval: 500 }).toEqual({ minutes: 5 });
  // The lock may have come up while the setting travelled; the new officer unlocks it.
  if (await lock.count()) {
    await page.getByLabel('Mật khẩu').fill(DEMO_STAFF.returnDesk.password);
    await page.getByLabel('Mật khẩu').press('Enter');
  }
  await lock.waitFor({ state: 'detached' });
  expect(await navLabels(page)).not.toContain('Tiếp nhận');
});

// ---- the masked slip: a dossier pushed by a second counter, corrected at this desk ------------
/** A dossier already returned to the citizen, pushed through the server by another enrolled counter. */
async function pushReturnedDossier(): Promise<{ code: string }> {
  const pusher = await enrolPusher(server.url, 'quay-8', 'Quầy 8 – Tiếp nhận');
  const now = Date.now();
  const code = await pusher.nextCode(new Date(now));
  const department = pusher.departments[0]!;
  const dossierId = randomUUID();
  const at = (minutes: number) => new Date(now - 3_600_000 + minutes * 60_000).toISOString();
  const event = <T extends DossierEventType>(type: T, payload: PayloadOf<T>): DossierEvent => pusher.event(type, dossierId, payload);
  const events = [
    event('received', {
      code,
      procedureCode: '1.009994',
      procedureName: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
      departmentId: department.id,
      applicant: { kind: 'individual', name: 'Hoàng Thị Mai', idNumber: CITIZEN_ID, phone: CITIZEN_PHONE },
      documents: [{ name: 'Đơn đề nghị cấp giấy phép xây dựng', originals: 1, certifiedCopies: 0, copies: 0 }],
      sets: 1,
      processingDays: 15,
      receivedAt: at(0),
      dueAt: new Date(now + 20 * 86_400_000).toISOString(),
      collection: { method: 'desk' },
      fees: [],
    }),
    event('handedToCourier', { batchId: 'BG-E2E-01', direction: 'toDepartment', courierName: 'Bưu điện Vinh', departmentId: department.id }),
    event('deliveredToDepartment', { batchId: 'BG-E2E-01', at: at(10) }),
    event('resultReceived', { batchId: 'BG-E2E-02', outcome: 'result' }),
    event('returned', { method: 'desk', recipient: { name: 'Hoàng Thị Mai', authorised: false }, at: at(30) }),
  ];
  const pushed = await pusher.push(events);
  expect(pushed.results.map((r) => r.status)).toEqual(events.map(() => 'stored'));
  return { code };
}

/** A Tuesday to Thursday at least a week ahead: a working day for the new appointment. */
function workingDayAhead(): string {
  const d = new Date(Date.now() + 7 * 86_400_000);
  while (![2, 3, 4].includes(d.getUTCDay())) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The documents this kiosk queued for printing (read, never written, by the test). */
const queuedDocuments = async (page: Page) => (await localRows<{ document: unknown }>(page, 'printQueue')).map((j) => JSON.stringify(j.document));

test('the new appointment slip prints with the citizen’s ID number and phone masked', async () => {
  const { page } = counter;
  const printer = await startVirtualPrinter({ outDir: `${SHOTS}/security-printer` });
  try {
    await page.evaluate(async (address) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="motcua-host-token"]')!.content;
      const printers = [{ id: 'slip', name: 'Máy in phiếu quầy 5', transport: 'network', address, paper: '80mm', roles: ['slip'], copies: { slip: 1 } }];
      await fetch('/host', { method: 'POST', headers: { 'content-type': 'application/json', 'x-motcua-host-token': token }, body: JSON.stringify({ call: 'settings.update', args: [{ printers }] }) });
    }, printer.address);
    const { code } = await pushReturnedDossier();

    await page.keyboard.press('F4');
    expect(await heading(page)).toBe('Trả kết quả');
    const query = page.locator('#dossier-query');
    await expect
      .poll(
        async () => {
          await query.fill(code);
          await query.press('Enter');
          return page.getByRole('button', { name: /Yêu cầu đính chính/ }).count();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(1);
    await page.getByRole('button', { name: /Yêu cầu đính chính/ }).click();
    await page.getByRole('radio', { name: /Cơ quan giải quyết/ }).check();
    await page.locator('#correction-description').fill('Sai tên chủ hộ trên giấy phép');
    await page.locator('#correction-date').fill(workingDayAhead());
    await page.getByRole('button', { name: /Ghi nhận và in giấy hẹn mới/ }).click();

    await printer.waitForJobs(1, 30_000);
    const job = printer.jobs[0]!;
    expect(pngToRgba(job.png).width).toBe(576);
    expect(job.textBytes).toBe(0);
    expect(decodeSymbol(job.png, 'QR_CODE')).toContain(code);
    const slip = (await queuedDocuments(page)).find((d) => d.includes(code));
    expect(slip).toBeDefined();
    expect(slip).toContain(maskIdNumber(CITIZEN_ID));
    expect(slip).toContain(maskPhone(CITIZEN_PHONE));
    expect(slip).not.toContain(CITIZEN_ID);
    expect(slip).not.toContain(CITIZEN_PHONE);
    await shot(page, '4-masked-slip');
  } finally {
    await printer.stop();
  }
});
