// The result-return desk end to end: a real server, the kiosk web host, Chromium with a simulated
// scanner and the virtual printer. The dossiers reach this counter the way it learns of them:
// another enrolled counter pushes their events and this one pulls them. A dossier pruned from the
// counter (retention) is still found on the server, read-only.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { vnDateKey, workCalendar } from '../../shared/calendar';
import { dossierCodeFromBarcodeKey, parseDossierBarcodeKey } from '../../shared/codes';
import { RULE_VERSION, type DossierEvent, type DossierEventType, type PayloadOf } from '../../shared/domain';
import type { CatalogueResponse, EnrolResponse, LeaseResponse } from '../../shared/sync/protocol';
import { startVirtualPrinter, type VirtualPrinter } from '../../electron/services/printing/virtualPrinter';
import { REGISTER_COLUMNS, REGISTER_HEADER_ROW } from '../../renderer/features/tracking/register';
import { RETURN_DESK_CONFIG_KEY } from '../../renderer/desk/returnDeskConfig';
import { decodeSymbol } from '../printing/decode';
import { type Counter, DEMO_STAFF, enrolmentCode, hostCall, localRow, localRows, openCounter, waitForLocalRows } from './app';
import { launchChromium } from './chromium';
import { scan } from './scanner';
import { startServer, type Started } from './processes';

const SHOTS = 'test-artifacts/e2e';
let server: Started;
let browser: Browser;
let counter: Counter;
let printer: VirtualPrinter;
let pusher: EnrolResponse;

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/return-${name}.png`, fullPage: true });
const typeText = (page: Page, text: string) => page.keyboard.type(text, { delay: 40 });

async function api<T>(path: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(path, server.url), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

// ---- the dossiers, pushed by a second counter -------------------------------------------------
const ids = { desk: randomUUID(), authorised: randomUUID(), post: randomUUID(), late: randomUUID(), open: randomUUID() };
const codes: Partial<Record<keyof typeof ids, string>> = {};
let departments: { id: string; name: string }[] = [];

function event<T extends DossierEventType>(type: T, dossierId: string, payload: PayloadOf<T>, deviceTime = new Date()): DossierEvent {
  return { id: randomUUID(), dossierId, officerId: 'e2e', counterId: pusher.counterId, deviceTime: deviceTime.toISOString(), ruleVersion: RULE_VERSION, type, payload } as DossierEvent;
}

async function seedDossiers() {
  const enrol = await enrolmentCode(server.url, 'quay-8', 'Quầy 8 – Tiếp nhận');
  pusher = (await (
    await fetch(new URL('/v1/enrol', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: enrol, deviceName: 'Quầy 8' }) })
  ).json()) as EnrolResponse;
  const now = Date.now();
  const yymmdd = vnDateKey(new Date(now - 3 * 86_400_000))
    .slice(2)
    .replaceAll('-', '');
  const lease = await api<LeaseResponse>('/v1/leases', pusher.credential, { requestId: randomUUID(), dossierDates: [yymmdd], blockSize: 10 });
  const numbers = lease.blocks.filter((b) => b.kind === 'dossierSeq').flatMap((b) => Array.from({ length: b.last - b.first + 1 }, (_, i) => b.first + i));
  const catalogue = await api<CatalogueResponse>('/v1/catalogue?after=0', pusher.credential);
  departments = catalogue.items.filter((i) => i.kind === 'department').map((i) => i.body as { id: string; name: string });
  const dept = departments[0]!.id;
  const events: DossierEvent[] = [];
  const receivedAt = new Date(now - 3 * 86_400_000);
  const people: Record<keyof typeof ids, { name: string; idNumber: string; phone: string; due: number; fee: number; post?: boolean }> = {
    desk: { name: 'Nguyễn Văn Bình', idNumber: '040085001234', phone: '0912345678', due: 5, fee: 50000 },
    authorised: { name: 'Trần Thị Hoa', idNumber: '040190001111', phone: '0987654321', due: 2, fee: 0 },
    post: { name: 'Lê Văn Cường', idNumber: '040088003333', phone: '0355123456', due: 2, fee: 0, post: true },
    late: { name: 'Phạm Thị Dung', idNumber: '040192004444', phone: '0977111222', due: -1, fee: 0 },
    open: { name: 'Hoàng Văn Em', idNumber: '040095005555', phone: '0966333444', due: 3, fee: 0 },
  };
  for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
    const p = people[key];
    const id = ids[key];
    codes[key] = `${pusher.agencyCode}-${yymmdd}-${String(numbers.shift()).padStart(4, '0')}`;
    events.push(
      event(
        'received',
        id,
        {
          code: codes[key]!,
          procedureCode: '1.001234',
          procedureName: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
          departmentId: dept,
          applicant: { kind: 'individual', name: p.name, idNumber: p.idNumber, phone: p.phone, address: 'Phường Trường Thi, Vinh' },
          documents: [{ name: 'Đơn đề nghị cấp giấy phép', originals: 1, certifiedCopies: 0, copies: 0 }],
          sets: 1,
          processingDays: 5,
          receivedAt: receivedAt.toISOString(),
          dueAt: new Date(now + p.due * 86_400_000).toISOString(),
          collection: p.post ? { method: 'post', address: '12 Lê Lợi, phường Hưng Bình, Vinh' } : { method: 'desk' },
          fees: p.fee ? [{ name: 'Lệ phí cấp giấy phép xây dựng', amount: p.fee }] : [],
        },
        receivedAt,
      ),
      event('handedToCourier', id, { batchId: 'BG-000101-08-01', direction: 'toDepartment', courierName: 'Bưu điện Vinh', departmentId: dept }, receivedAt),
      event('deliveredToDepartment', id, { batchId: 'BG-000101-08-01', at: receivedAt.toISOString() }, receivedAt),
    );
    if (key !== 'late' && key !== 'open') events.push(event('resultReceived', id, { batchId: 'BG-000101-08-02', outcome: 'result' }));
  }
  const pushed = await api<{ results: { status: string }[] }>('/v1/push', pusher.credential, { events });
  expect(pushed.results.every((r) => r.status === 'stored')).toBe(true);
}

/** A working day about a week ahead, as an <input type="date"> value. */
function workingDayAhead(days: number): string {
  const calendar = workCalendar();
  for (let d = days; ; d++) {
    const key = vnDateKey(new Date(Date.now() + d * 86_400_000));
    if (calendar.isWorkingDateKey(key)) return key;
  }
}

async function openByTyping(page: Page, query: string) {
  const field = page.getByLabel(/Quét giấy hẹn hoặc nhập mã hồ sơ/).first();
  await field.fill('');
  await field.click();
  await typeText(page, query);
  await page.keyboard.press('Enter');
  await page.getByTestId('dossier-card').waitFor();
}

const status = (page: Page) => page.getByTestId('dossier-status').innerText();

/** Writes this counter's return-desk setting straight into its database, as the settings panel saves it. */
async function setPrintConfirmation(page: Page, on: boolean) {
  await page.evaluate(
    ([key, printConfirmation]) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('motcua');
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key, value: { printConfirmation } });
          tx.oncomplete = () => (open.result.close(), done());
          tx.onerror = () => fail(tx.error);
        };
        open.onerror = () => fail(open.error);
      }),
    [RETURN_DESK_CONFIG_KEY, on] as const,
  );
}

/** The row's last pulled server state, read from the kiosk's database. */
async function localServerStatus(page: Page, id: string): Promise<string | undefined> {
  return (await localRow<{ serverState?: { status: string } }>(page, 'dossiers', id))?.serverState?.status;
}

/** What retention.ts removes for a dossier past the retention period: its projection, events and outbox rows. */
function pruneLocally(page: Page, id: string): Promise<number> {
  return page.evaluate(
    (dossierId) =>
      new Promise<number>((done, fail) => {
        const open = indexedDB.open('motcua');
        open.onsuccess = () => {
          const tx = open.result.transaction(['dossiers', 'events', 'outbox'], 'readwrite');
          let removed = 0;
          for (const store of ['events', 'outbox'] as const) {
            const keys = tx.objectStore(store).index('dossierId').getAllKeys(dossierId);
            keys.onsuccess = () => {
              for (const k of keys.result) tx.objectStore(store).delete(k);
              removed += keys.result.length;
            };
          }
          tx.objectStore('dossiers').delete(dossierId);
          tx.oncomplete = () => (open.result.close(), done(removed));
          tx.onerror = () => fail(tx.error);
        };
        open.onerror = () => fail(open.error);
      }),
    id,
  );
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  printer = await startVirtualPrinter({ outDir: 'test-artifacts/e2e/return-printer' });
  server = await startServer();
  browser = await launchChromium();
  await seedDossiers();
  counter = await openCounter(browser, server, { counterId: 'quay-5', counterName: 'Quầy 5 – Trả kết quả', user: DEMO_STAFF.returnDesk });
  await hostCall(counter.page, 'settings.update', [
    { printers: [{ id: 'vp', name: 'Máy in quầy trả kết quả', transport: 'network', address: printer.address, paper: '80mm', roles: ['slip', 'receipt', 'form'], copies: {} }] },
  ]);
  await counter.page.reload();
  await counter.page
    .getByTestId('sync-badge')
    .getByText(/Trực tuyến/)
    .waitFor({ timeout: 30_000 });
  // The pushed dossiers have arrived when all five are in this kiosk's database.
  await waitForLocalRows(counter.page, 'dossiers', (rows) => rows.length >= 5, 60_000, 'the kiosk did not pull the 5 dossiers in 60 s');
  await counter.page.keyboard.press('F4');
});

afterAll(async () => {
  await browser?.close();
  await counter?.kiosk.stop();
  await server?.stop();
  await printer?.stop();
});

test('a return at the desk: the slip is scanned, the card shows the early result and the fee due, the fee receipt prints', async () => {
  const { page } = counter;
  await page.getByLabel(/Quét giấy hẹn hoặc nhập mã hồ sơ/).waitFor();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await scan(page, codes.desk!);
  await page.getByTestId('dossier-card').waitFor();
  await expect.poll(() => page.getByTestId('dossier-card').locator('h2').innerText()).toBe(codes.desk);
  expect(await status(page)).toBe('Đã có kết quả, chờ trả');
  await page.getByTestId('early-result').waitFor();
  expect(await page.getByTestId('amount-due').innerText()).toBe('50.000 ₫');
  await page.getByText(/Bàn giao cho bưu điện \(Bưu điện Vinh\)/).waitFor();
  // The card masks the citizen's ID and phone; the desk may reveal them, and the reveal is audited.
  const card = page.getByTestId('dossier-card');
  expect(await card.innerText()).toContain('040******234');
  expect(await card.innerText()).not.toContain('040085001234');
  await card.getByRole('button', { name: 'Hiện số định danh' }).click();
  await card.getByText('040085001234').waitFor();
  await shot(page, '1-card');

  // The person collecting shows their card and it is scanned (fake data): someone else's first.
  await page.keyboard.press('Alt+T');
  await page.getByLabel('Số định danh (CCCD) của người nhận').waitFor();
  await scan(page, '040190001111||Trần Thị Hoa|12071990|Nữ|Phường Trường Vinh, tỉnh Nghệ An|20032023||||', { gapMs: 2 });
  await page
    .getByTestId('card-reading')
    .getByText(/Tên trên thẻ khác tên người nộp \(Nguyễn Văn Bình\)/)
    .waitFor();
  expect(await page.getByLabel('Số định danh (CCCD) của người nhận').inputValue()).toBe('040190001111');
  await page.keyboard.press('Enter');
  await page.getByText(/không khớp với người nộp hồ sơ/).waitFor();
  await shot(page, '2-wrong-id');
  await scan(page, '040085001234||Nguyễn Văn Bình|03041985|Nam|Phường Vinh Phú, tỉnh Nghệ An|01022022||||', { gapMs: 2 });
  await page.getByTestId('card-reading').getByText('Đã điền số định danh 040085001234 từ thẻ căn cước của Nguyễn Văn Bình.').waitFor();
  const jobs = printer.jobs.length;
  await page.keyboard.press('Enter');
  await page
    .getByTestId('desk-outcome')
    .getByText(/Đã trả kết quả hồ sơ .* cho Nguyễn Văn Bình/)
    .waitFor();
  await page.getByTestId('desk-outcome').getByText('Đã gửi in: Biên lai thu phí, lệ phí.').waitFor();
  await expect.poll(() => status(page)).toBe('Đã trả kết quả');
  expect(await page.getByTestId('amount-due').innerText()).toBe('Không');
  await printer.waitForJobs(jobs + 1, 30_000);
  await shot(page, '3-returned');
});

test('a return to an authorised person: found by name without diacritics, the letter must be noted, the confirmation printed', async () => {
  const { page } = counter;
  await setPrintConfirmation(page, true);
  await openByTyping(page, 'tran thi hoa');
  await expect.poll(() => page.getByTestId('dossier-card').locator('h2').innerText()).toBe(codes.authorised);
  await page.keyboard.press('Alt+T');
  await page.getByLabel('Người được ủy quyền nhận thay').check();
  await page.getByLabel('Họ tên người nhận').fill('Võ Thị Giang');
  await page.getByLabel('Số định danh (CCCD) của người nhận').fill('040195006666');
  await page.getByRole('button', { name: /Ghi nhận trả kết quả/ }).click();
  await page.getByText('Chưa ghi giấy ủy quyền (số, ngày, nơi chứng thực).').waitFor();
  await page.getByLabel('Giấy ủy quyền (số, ngày, nơi chứng thực)').fill('Giấy ủy quyền số 15/UQ ngày 20/11/2026, UBND phường Trường Thi chứng thực');
  const jobs = printer.jobs.length;
  await page.getByRole('button', { name: /Ghi nhận trả kết quả/ }).click();
  await page
    .getByTestId('desk-outcome')
    .getByText(/cho Võ Thị Giang \(người được ủy quyền\)/)
    .waitFor();
  await page.getByTestId('desk-outcome').getByText('Đã gửi in: Phiếu xác nhận trả kết quả.').waitFor();
  await page.getByText(/Trả kết quả tại quầy cho Võ Thị Giang \(người được ủy quyền\)/).waitFor();
  await shot(page, '4-authorised');
  await setPrintConfirmation(page, false);
  // The confirmation off the roll: its CODE128 key and its QR both read back to this dossier's code.
  await printer.waitForJobs(jobs + 1, 30_000);
  expect(printer.jobs).toHaveLength(jobs + 1);
  const confirmation = printer.jobs[jobs]!;
  await writeFile(`${SHOTS}/return-confirmation-80mm.png`, confirmation.png);
  expect(confirmation.raster.widthDots).toBe(576);
  const key = parseDossierBarcodeKey(decodeSymbol(confirmation.png, 'CODE_128'));
  expect(key.ok && dossierCodeFromBarcodeKey(key.value, [pusher.agencyCode, pusher.agencyCode])).toEqual({ ok: true, value: codes.authorised });
  expect(decodeSymbol(confirmation.png, 'QR_CODE')).toBe(codes.authorised);
});

test('a return by post: found by phone, the postal item number recorded', async () => {
  const { page } = counter;
  await openByTyping(page, '0355 123 456');
  await expect.poll(() => page.getByTestId('dossier-card').locator('h2').innerText()).toBe(codes.post);
  await page.keyboard.press('Alt+T');
  await expect(page.getByLabel('Qua bưu điện').isChecked()).resolves.toBe(true);
  await page.getByLabel('Số hiệu bưu gửi').fill('EE123');
  await page.keyboard.press('Enter');
  await page.getByText(/dài 8–20 ký tự/).waitFor();
  // The number scanned off the postal label goes into the field, as typed; the scanner's Enter does not submit.
  await page.getByLabel('Số hiệu bưu gửi').fill('');
  await scan(page, 'EE123456789VN');
  await expect.poll(() => page.getByLabel('Số hiệu bưu gửi').inputValue()).toBe('EE123456789VN');
  await page.keyboard.press('Enter');
  await page
    .getByTestId('desk-outcome')
    .getByText(/bưu gửi EE123456789VN/)
    .waitFor();
  await expect.poll(() => status(page)).toBe('Đã trả kết quả');
  await shot(page, '5-post');
});

test('an apology from the board: letter and new slip printed, the second apology refused, the dossier stays late', async () => {
  const { page } = counter;
  await page.keyboard.press('F6');
  const overdue = page.getByRole('region', { name: 'Quá hạn' });
  await overdue.getByRole('button', { name: codes.late! }).waitFor();
  await shot(page, '6-board');
  await overdue.getByRole('button', { name: codes.late! }).click();
  await page.getByTestId('dossier-card').waitFor();
  await page.keyboard.press('Alt+X');
  const newDate = workingDayAhead(7);
  await page.getByLabel('Lý do chậm trả kết quả').fill('Chờ ý kiến thẩm định của Sở Xây dựng');
  await page.getByLabel('Công chức chịu trách nhiệm').fill('Phạm Văn Đức');
  await page.getByLabel('Không chính đáng').check();
  // Typed the Vietnamese way whatever the machine's language; a date that does not exist is named first.
  const dateField = page.getByLabel('Ngày hẹn trả kết quả mới');
  await dateField.fill('31/02/2026');
  await page.getByRole('button', { name: /Ghi nhận, in phiếu xin lỗi/ }).click();
  await page
    .locator('#apology-date-error')
    .getByText(/«31\/02\/2026» không phải một ngày có thật/)
    .waitFor();
  expect(await dateField.getAttribute('placeholder')).toBe('dd/mm/yyyy');
  await dateField.fill(newDate.split('-').reverse().join('/'));
  const jobs = printer.jobs.length;
  await page.getByRole('button', { name: /Ghi nhận, in phiếu xin lỗi/ }).click();
  await page
    .getByTestId('desk-outcome')
    .getByText(/Đã ghi nhận văn bản xin lỗi/)
    .waitFor();
  await page.getByTestId('desk-outcome').getByText('Đã gửi in: Phiếu xin lỗi và hẹn lại ngày trả kết quả.').waitFor();
  await page.getByTestId('desk-outcome').getByText('Đã gửi in: Giấy hẹn trả kết quả mới.').waitFor();
  await printer.waitForJobs(jobs + 2, 30_000);
  await page.getByTestId('new-due').waitFor();
  expect(await page.getByTestId('dossier-card').getByText('Quá hạn', { exact: true }).count()).toBe(1);
  await shot(page, '7-apology');

  // One apology per dossier: the button is gone and says why, and Alt+X opens nothing.
  await page
    .getByTestId('apology-done')
    .getByText(/chỉ xin lỗi một lần/)
    .waitFor();
  expect(await page.getByRole('button', { name: /Xin lỗi, hẹn lại ngày trả/ }).count()).toBe(0);
  await page.keyboard.press('Alt+X');
  expect(await page.getByLabel('Lý do chậm trả kết quả').count()).toBe(0);
  await shot(page, '8-second-apology');
});

test('a correction after a return: agency at fault, new slip printed, nothing to pay', async () => {
  const { page } = counter;
  await page.keyboard.press('F4');
  await openByTyping(page, codes.desk!);
  await page.keyboard.press('Alt+D');
  await page.getByLabel(/Cơ quan giải quyết \(không thu phí\)/).check();
  await page.getByLabel('Nội dung sai sót cần đính chính').fill('Sai diện tích xây dựng trên giấy phép');
  await page.getByLabel('Ngày hẹn trả kết quả đính chính').fill(workingDayAhead(5));
  const jobs = printer.jobs.length;
  await page.getByRole('button', { name: /Ghi nhận và in giấy hẹn mới/ }).click();
  await page
    .getByTestId('desk-outcome')
    .getByText(/không thu phí/)
    .waitFor();
  await page.getByTestId('desk-outcome').getByText('Đã gửi in: Giấy hẹn trả kết quả mới.').waitFor();
  await printer.waitForJobs(jobs + 1, 30_000);
  await expect.poll(() => status(page)).toBe('Đang đính chính kết quả');
  expect(await page.getByTestId('amount-due').innerText()).toBe('Không');
  await shot(page, '9-correction');
});

test('the register exports to XLSX with every dossier, continuous numbering and the form’s columns', async () => {
  const { page } = counter;
  await page.keyboard.press('F6');
  await page.keyboard.press('Alt+R');
  const from = vnDateKey(new Date(Date.now() - 10 * 86_400_000));
  await page.getByLabel('Từ ngày').fill(from);
  await page.getByLabel('Đến ngày').fill(vnDateKey(new Date()));
  await page.getByRole('button', { name: /Lập báo cáo/ }).click();
  const table = page.getByTestId('register-table');
  await table.waitFor();
  expect(await table.locator('tbody tr').count()).toBe(5);
  // Phones are masked on screen as on every list; the file carries them in full, and says so in the audit log.
  expect(await table.innerText()).toContain('0912***678');
  expect(await table.innerText()).not.toContain('0912345678');
  await shot(page, '10-reports');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất sổ ra Excel' }).click()]);
  const path = `${SHOTS}/return-register.xlsx`;
  await download.saveAs(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(path)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(REGISTER_HEADER_ROW).values).toEqual([undefined, ...REGISTER_COLUMNS]);
  expect(ws.rowCount).toBe(REGISTER_HEADER_ROW + 5);
  const rows = Array.from({ length: 5 }, (_, i) => ws.getRow(REGISTER_HEADER_ROW + 1 + i));
  const numbers = rows.map((r) => Number(r.getCell(1).value));
  expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
  expect(numbers[0]).toBe(1);
  expect(rows.map((r) => r.getCell(2).value).sort()).toEqual(Object.values(codes).sort());
  expect(rows.find((r) => r.getCell(2).value === codes.post)!.getCell(10).value).toBe('Qua bưu điện');
  expect(rows.map((r) => String(r.getCell(5).value)).join(' ')).toContain('0912345678');
  const audited = await localRows<{ entry: { action: string; field: string; detail?: string } }>(page, 'auditLog');
  expect(audited.map((r) => r.entry)).toContainEqual(expect.objectContaining({ action: 'export', field: 'sổ theo dõi hồ sơ', detail: expect.stringMatching(/^5 hồ sơ, từ /) }));
});

test('a dossier pruned from the counter by the retention rule is found on the server by scanning its slip, read-only', async () => {
  const { page } = counter;
  await page.keyboard.press('F4');
  // Pruned only once the return by post has reached the server and come back in a pull, as retention.ts requires.
  await expect.poll(() => localServerStatus(page, ids.post), { timeout: 60_000, interval: 500 }).toBe('returned');
  expect(await pruneLocally(page, ids.post)).toBeGreaterThan(0);
  expect(await localServerStatus(page, ids.post)).toBeUndefined();

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await scan(page, codes.post!);
  const card = page.getByTestId('dossier-card');
  await expect.poll(() => card.locator('h2').innerText(), { timeout: 30_000 }).toBe(codes.post);
  expect(await page.getByTestId('server-copy').innerText()).toMatch(/^Hồ sơ lấy từ máy chủ \(đã xoá khỏi máy quầy theo quy định lưu trữ\)/);
  expect(await status(page)).toBe('Đã trả kết quả');
  await card
    .getByText(/bưu gửi EE123456789VN/)
    .first()
    .waitFor();
  expect(await card.getByRole('button', { name: /Yêu cầu đính chính|Trả kết quả/ }).count()).toBe(0);
  expect(await card.innerText()).toContain('040******333');
  await shot(page, '11-server-copy');

  const jobs = printer.jobs.length;
  await page.keyboard.press('Alt+K');
  await card.getByText('Đã gửi in phiếu kiểm soát quá trình giải quyết hồ sơ.').waitFor();
  await printer.waitForJobs(jobs + 1, 30_000);

  // Searching by the applicant's ID number, which no local dossier has any more, finds it on the server too.
  await openByTyping(page, codes.open!);
  await expect.poll(() => card.locator('h2').innerText()).toBe(codes.open);
  expect(await page.getByTestId('server-copy').count()).toBe(0);
  await openByTyping(page, '040088003333');
  await expect.poll(() => card.locator('h2').innerText()).toBe(codes.post);
  await page.getByTestId('server-copy').waitFor();
});

test('a new search clears the card: «không tìm thấy» and a scan that is no dossier never stand under another person’s dossier', async () => {
  const { page } = counter;
  const card = page.getByTestId('dossier-card');
  await openByTyping(page, codes.desk!);
  await expect.poll(() => card.locator('h2').innerText()).toBe(codes.desk);

  const field = page.getByLabel(/Quét giấy hẹn hoặc nhập mã hồ sơ/).first();
  await field.fill('Không Có Người Này');
  await field.press('Enter');
  await page.getByText(/Không tìm thấy hồ sơ nào khớp «Không Có Người Này»/).waitFor();
  expect(await card.count()).toBe(0);
  await shot(page, '12-not-found-clears-card');

  await openByTyping(page, codes.desk!);
  await expect.poll(() => card.locator('h2').innerText()).toBe(codes.desk);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await scan(page, 'BG-261206-01-1');
  await page.getByText(/là mã lô bàn giao, không phải mã hồ sơ/).waitFor();
  expect(await card.count()).toBe(0);
  // The message belongs to what was scanned: typing something else takes it away.
  await field.fill('0');
  expect(await page.getByText(/là mã lô bàn giao/).count()).toBe(0);
});
