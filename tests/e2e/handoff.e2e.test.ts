// Courier handoff end to end: a real server, the kiosk web host, Chromium with a simulated scanner
// and the virtual printer. The dossiers arrive the way a counter learns of them: another enrolled
// counter pushes their reception events and this one pulls them.
import { mkdir, readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { vnDateKey } from '../../shared/calendar';
import { classifyScan, dossierBarcodeKey } from '../../shared/codes';
import type { DossierEvent, DossierEventType, PayloadOf } from '../../shared/domain';
import type { PullResponse } from '../../shared/sync/protocol';
import { startVirtualPrinter, type VirtualPrinter } from '../../electron/services/printing/virtualPrinter';
import { decodeSymbol } from '../printing/decode';
import { adminToken, type Counter, hostCall, openCounter, waitForLocalRows } from './app';
import { launchChromium } from './chromium';
import { scan } from './scanner';
import { startServer, type Started } from './processes';
import { api, enrolPusher, type Pusher } from './seed';

const SHOTS = 'test-artifacts/e2e';
const HANDOFF_USER = { username: 'bangiao1', password: 'bangiao-demo', fullName: 'Hoàng Thị Mai' };
let server: Started;
let browser: Browser;
let counter: Counter;
/** A second counter, at the department: it knows the batch only from the dossiers it synced. */
let department: Counter | undefined;
let printer: VirtualPrinter;
let pusher: Pusher;

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/handoff-${name}.png`, fullPage: true });

// ---- the dossiers, pushed by a second counter -------------------------------------------------
const yymmdd = vnDateKey(new Date()).slice(2).replaceAll('-', '');
let departments: { id: string; name: string }[] = [];
const codes: Record<string, string> = {};

const dossierIds: Record<string, string> = {};
const event = <T extends DossierEventType>(type: T, name: string, payload: PayloadOf<T>): DossierEvent => pusher.event(type, (dossierIds[name] ??= randomUUID()), payload);

async function received(name: string, departmentId: string): Promise<DossierEvent> {
  const now = Date.now();
  const code = await pusher.nextCode(new Date(now));
  codes[name] = code;
  return event('received', name, {
    code,
    procedureCode: '1.009994',
    procedureName: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    departmentId,
    applicant: { kind: 'individual', name: `Công dân ${name}`, idNumber: '040085001234', phone: '0912345678' },
    documents: [{ name: 'Đơn đề nghị', originals: 1, certifiedCopies: 0, copies: 0 }],
    sets: 1,
    processingDays: 15,
    receivedAt: new Date(now - 3_600_000).toISOString(),
    dueAt: new Date(now + 20 * 86_400_000).toISOString(),
    collection: { method: 'desk' },
    fees: [],
  });
}

const OUT = Array.from({ length: 50 }, (_, i) => `a${i + 1}`);
/** The code of the 50-dossier batch, set when it is opened. */
let outBatch = '';

async function seedDossiers() {
  const admin = await adminToken(server.url);
  await api(server.url, '/v1/admin/staff', admin, { ...HANDOFF_USER, roles: ['handoff'] });
  pusher = await enrolPusher(server.url, 'quay-9', 'Quầy 9 – Tiếp nhận');
  departments = pusher.departments;
  const [a, b] = departments;
  const events: DossierEvent[] = [];
  for (const [name, department] of [...OUT.map((n) => [n, a!] as const), ['misscan', a!], ['withdrawn', a!], ['other', b!], ['returned', a!]] as const) {
    events.push(await received(name, department.id));
  }
  events.push(event('withdrawn', 'withdrawn', { reason: 'Công dân xin rút hồ sơ', requestedBy: 'Công dân withdrawn' }));
  events.push(event('handedToCourier', 'returned', { batchId: 'BG-000101-09-01', direction: 'toDepartment', courierName: 'Bưu điện', departmentId: a!.id }));
  events.push(event('deliveredToDepartment', 'returned', { batchId: 'BG-000101-09-01', at: new Date().toISOString() }));
  events.push(event('resultReceived', 'returned', { batchId: 'BG-000101-09-02', outcome: 'result' }));
  events.push(event('returned', 'returned', { method: 'desk', recipient: { name: 'Công dân returned', authorised: false }, at: new Date().toISOString() }));
  codes.unknown = await pusher.nextCode(new Date());
  const pushed = await pusher.push(events);
  expect(pushed.results.every((r) => r.status === 'stored')).toBe(true);
}

type LocalDossier = { status: string; state: { currentBatchId?: string } };

/** Waits until this kiosk's own database holds `n` dossiers of `batchId` in `status`. */
async function waitForLocal(page: Page, status: string, batchId: string, n: number, what: string) {
  const enough = (rows: LocalDossier[]) => rows.filter((r) => r.status === status && r.state.currentBatchId === batchId).length >= n;
  await waitForLocalRows(page, 'dossiers', enough, 60_000, `${what}: the kiosk did not sync ${n} dossiers of ${batchId} in status ${status} in 60 s`);
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  printer = await startVirtualPrinter({ outDir: 'test-artifacts/e2e/handoff-printer' });
  server = await startServer();
  browser = await launchChromium();
  await seedDossiers();
  counter = await openCounter(browser, server, { counterId: 'quay-4', counterName: 'Quầy 4 – Bàn giao', user: HANDOFF_USER });
  await hostCall(counter.page, 'settings.update', [
    { printers: [{ id: 'vp', name: 'Máy in biên bản quầy 4', transport: 'network', address: printer.address, paper: '80mm', roles: ['handover'], copies: { handover: 2 } }] },
  ]);
  await counter.page.reload();
  await counter.page
    .getByTestId('sync-badge')
    .getByText(/Trực tuyến/)
    .waitFor({ timeout: 30_000 });
  await waitForLocalRows(counter.page, 'dossiers', (rows) => rows.length >= 54, 30_000, 'the kiosk did not pull the 54 dossiers in 30 s');
  await counter.page.keyboard.press('F3');
  await counter.page.getByRole('tab', { name: /Chuyển hồ sơ đi/ }).waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
  await counter?.kiosk.stop();
  await department?.kiosk.stop();
  await server?.stop();
  await printer?.stop();
});

const feedback = (page: Page) => page.getByTestId('scan-feedback');

/**
 * Scans one dossier into a batch and waits for the count. On this loaded 2-core box a key held up
 * within the burst's first four can still split it (detector.ts); staff would scan again, so the
 * bulk loops do too, once, and say so.
 */
async function scanIn(page: Page, typed: string, testId: string, n: number) {
  await scan(page, typed);
  const counted = await page
    .getByTestId(testId)
    .filter({ hasText: new RegExp(`^${n} hồ sơ$`) })
    .waitFor({ timeout: 5_000 })
    .then(
      () => true,
      () => false,
    );
  if (counted) return;
  console.warn(`scan of ${typed} not counted (feedback: ${await feedback(page).innerText()}); scanning again`);
  await scan(page, typed);
  await count(page, testId, n);
}
async function expectVerdict(page: Page, outcome: string, text?: RegExp) {
  await page.locator(`[data-testid="scan-feedback"][data-outcome="${outcome}"]`).waitFor({ timeout: 10_000 });
  if (text) expect(await feedback(page).innerText()).toMatch(text);
}
async function count(page: Page, testId: string, n: number, timeout = 10_000) {
  try {
    await page
      .getByTestId(testId)
      .filter({ hasText: new RegExp(`^${n} hồ sơ$`) })
      .waitFor({ timeout });
  } catch (error) {
    await shot(page, `failed-count-${n}`);
    throw new Error(
      `${(error as Error).message}\nscan feedback: ${await feedback(page)
        .innerText()
        .catch(() => '')}`,
      { cause: error },
    );
  }
}

/** Types `code` into the screen's manual code field and presses Enter, as an officer does with a torn barcode. */
async function typeCode(page: Page, field: string, code: string) {
  await page.locator(field).fill(code);
  await page.locator(field).press('Enter');
}

test('outside a batch, typing stays in the field and a scan opens the dossier without typing into it', async () => {
  const { page } = counter;
  // The handoff screen puts the focus in its form: the batch's department first.
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('out-department');
  const courier = page.locator('#out-courier');
  await courier.click();
  await page.keyboard.type('Phạm Văn Tư', { delay: 120 });
  await scan(page, codes.a1!);
  const card = page.getByTestId('scanned-dossier');
  await card.waitFor();
  expect(await card.innerText()).toContain(codes.a1!);
  expect(await card.innerText()).toContain('Đã tiếp nhận');
  await shot(page, '1-scan-opens-dossier');
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });
  expect(await courier.inputValue()).toBe('Phạm Văn Tư');
});

test('a batch of 50 dossiers: scanned in (QR code and 1D key), every rejection answered, a mis-scan removed, closed and printed with a decodable batch barcode', async () => {
  const { page } = counter;
  // A missing department is named at its field; nothing typed is lost.
  await page.locator('#out-courier').press('Enter');
  await page.getByText('Chọn cơ quan nhận (sở, ngành) của lô này.').waitFor();
  await page.locator('#out-department').selectOption(departments[0]!.id);
  await page.locator('#out-seal').fill('NP-0042');
  await page.locator('#out-seal').press('Enter');
  const batchCode = await page.getByTestId('batch-code').innerText();
  expect(batchCode).toMatch(/^BG-\d{6}-\d{2}-01$/);
  outBatch = batchCode;
  // The opened batch puts the focus in its manual code field, visible under the scan answer.
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('out-manual-code');
  await page.locator('#out-manual-code').press('Enter');
  await page.getByText('Chưa gõ mã: gõ mã in trên giấy').waitFor();

  for (const [i, name] of OUT.entries()) {
    const code = codes[name]!;
    // Every fifth as the short numeric key a 1D scanner reads off the slip.
    const typed = i % 5 === 4 ? dossierBarcodeKey({ agencyIndex: 1, date: `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4)}`, seq: Number(code.slice(-4)) }) : code;
    // Two barcodes too torn to scan: the officer types the code (lower case) and the slip's digits.
    if (i === 7 || i === 9) {
      await typeCode(page, '#out-manual-code', typed.toLowerCase());
      await count(page, 'batch-count', i + 1);
      await expectVerdict(page, 'accepted', new RegExp(`${i + 1} hồ sơ`));
    } else await scanIn(page, typed, 'batch-count', i + 1);
  }
  await expectVerdict(page, 'accepted', /50 hồ sơ/);
  await shot(page, '2-batch-50');

  await scan(page, codes.a1!);
  await expectVerdict(page, 'duplicate', /đã có trong lô/);
  await scan(page, codes.other!);
  await expectVerdict(page, 'wrongDepartment', new RegExp(departments[1]!.name));
  await shot(page, '3-wrong-department');
  await scan(page, codes.withdrawn!);
  await expectVerdict(page, 'wrongState', /Đã rút hồ sơ/);
  await scan(page, codes.unknown!);
  await expectVerdict(page, 'unknownCode', /Không tìm thấy hồ sơ/);
  await scan(page, 'XIN-CHAO-123');
  await expectVerdict(page, 'notADossierCode', /không phải mã hồ sơ/);
  // Typed, a code gets the same checks and the same answers as scanned.
  await typeCode(page, '#out-manual-code', codes.a2!);
  await expectVerdict(page, 'duplicate', /đã có trong lô/);
  await typeCode(page, '#out-manual-code', 'XIN-CHAO-456');
  await expectVerdict(page, 'notADossierCode', /không phải mã hồ sơ/);
  await count(page, 'batch-count', 50);

  await scan(page, codes.misscan!);
  await count(page, 'batch-count', 51);
  await page.getByRole('button', { name: `Bỏ ${codes.misscan} ra khỏi lô` }).click();
  await count(page, 'batch-count', 50);
  expect(await page.getByTestId('batch-list').locator(`tr[data-code="${codes.misscan}"]`).count()).toBe(0);
  const firstRow = await page.getByTestId('batch-list').locator(`tr[data-code="${codes.a1}"]`).innerText();
  expect(firstRow).toMatch(/Cấp giấy phép xây dựng nhà ở riêng lẻ\s+\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);

  const jobsBefore = printer.jobs.length;
  await page.keyboard.press('Control+Enter');
  const summary = page.getByTestId('closed-summary');
  await summary.waitFor({ timeout: 30_000 });
  expect(await summary.innerText()).toMatch(new RegExp(`Đã đóng lô ${batchCode}: giao 50 hồ sơ`));
  await printer.waitForJobs(jobsBefore + 2, 60_000);
  await shot(page, '4-closed');
  for (const job of printer.jobs.slice(jobsBefore)) {
    // The roll's 1D symbol is the batch's numeric key; scanned, it names the batch.
    expect(classifyScan(decodeSymbol(job.png, 'CODE_128'))).toMatchObject({ kind: 'batchCode', parts: { code: batchCode } });
    expect(decodeSymbol(job.png, 'QR_CODE')).toBe(batchCode);
  }
});

test('at the department, a counter that only synced the dossiers confirms the whole batch by its barcode', async () => {
  expect(outBatch).not.toBe('');
  department = await openCounter(browser, server, { counterId: 'quay-so', counterName: `Quầy 1 – ${departments[0]!.name}`, user: HANDOFF_USER });
  const { page } = department;
  await page
    .getByTestId('sync-badge')
    .getByText(/Trực tuyến/)
    .waitFor({ timeout: 30_000 });
  await waitForLocal(page, 'withCourier', outBatch, 50, 'department counter');
  await page.keyboard.press('F3');
  await page.getByRole('tab', { name: /Chuyển hồ sơ đi/ }).waitFor({ timeout: 30_000 });
  await page.keyboard.press('Alt+2');
  await page.getByRole('tab', { name: /Xác nhận đã giao/, selected: true }).waitFor();
  await page.getByText('Chưa có lô nào đã gửi.').waitFor();
  await scan(page, 'XIN-CHAO-123');
  await expectVerdict(page, 'notADossierCode');
  const unknown = `BG-${yymmdd}-99-01`;
  await scan(page, unknown);
  await expectVerdict(page, 'unknownCode', new RegExp(`Máy này chưa có hồ sơ nào của lô ${unknown}: chờ đồng bộ với máy chủ rồi quét lại, hoặc kiểm tra lại mã lô trên biên bản`));

  await scan(page, outBatch);
  await expectVerdict(page, 'accepted', new RegExp(`Lô ${outBatch}: đã xác nhận giao 50 hồ sơ\\.`));
  const list = await page.getByTestId('delivery-list').innerText();
  expect(list.match(/Đang ở cơ quan giải quyết/g)).toHaveLength(50);
  await page.getByText('Lô do quầy khác lập').waitFor();
  await shot(page, '5-delivered-at-department');
  await scan(page, outBatch);
  await expectVerdict(page, 'unknownCode', new RegExp(`Lô ${outBatch} đã được xác nhận giao \\(50 hồ sơ`));

  // The facts reached the server with the department counter's name and the time of the scan.
  await expect
    .poll(
      async () => {
        const pulled = await api<PullResponse>(server.url, '/v1/pull?after=0&limit=500', pusher.device.credential);
        return pulled.dossiers.filter((d) => d.status === 'atDepartment' && OUT.some((n) => codes[n] === d.code)).length;
      },
      { timeout: 30_000 },
    )
    .toBe(50);
});

test('back at the Center, the batch barcode on the signed record marks the batch delivered without recording anything twice', async () => {
  const { page } = counter;
  await waitForLocal(page, 'atDepartment', outBatch, 50, 'closing counter');
  await page.keyboard.press('Alt+2');
  await page.getByRole('tab', { name: /Xác nhận đã giao/, selected: true }).waitFor();
  expect((await page.locator('.batch-picker .code').first().innerText()).trim()).toBe(outBatch);
  // The signed record's barcode is smudged: the officer types the batch code.
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('delivery-manual-code');
  await typeCode(page, '#delivery-manual-code', outBatch);
  await expectVerdict(page, 'accepted', new RegExp(`Lô ${outBatch}: đã xác nhận giao 0 hồ sơ, bỏ qua 50 hồ sơ đã xác nhận hoặc báo thiếu`));
  const list = await page.getByTestId('delivery-list').innerText();
  expect(list.match(/Đang ở cơ quan giải quyết/g)).toHaveLength(50);
  await page
    .locator('.batch-picker')
    .getByText(/đã giao \d{2}:\d{2}/)
    .waitFor();
  await shot(page, '5-delivered');
});

test('results come back: 48 results, a supplement request and a refusal; unknown and already returned dossiers refused and listed for a supervisor', async () => {
  const { page } = counter;
  await page.keyboard.press('Alt+3');
  await page.locator('#in-department').selectOption(departments[0]!.id);
  await page.locator('#in-courier').fill('Phạm Văn Tư');
  await page.locator('#in-courier').press('Enter');
  await page.getByTestId('open-inbound-batch').waitFor();
  const inBatch = await page.getByTestId('open-inbound-batch').locator('.batch-code').innerText();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('in-manual-code');
  for (const [i, name] of OUT.slice(0, 48).entries()) {
    if (i === 3) {
      await typeCode(page, '#in-manual-code', codes[name]!);
      await count(page, 'inbound-count', i + 1);
    } else await scanIn(page, codes[name]!, 'inbound-count', i + 1);
  }
  await page.getByLabel('Yêu cầu bổ sung hồ sơ').check();
  await scan(page, codes.a49!);
  await expectVerdict(page, 'wrongState', /Ghi các giấy tờ/);
  await page.locator('#inbound-details').fill('Bản vẽ thiết kế có chữ ký của chủ đầu tư');
  // The answer was about the missing details: once they are typed it is gone, not left standing.
  await page.locator('[data-testid="scan-feedback"][data-outcome=""]').waitFor({ timeout: 5_000 });
  await scan(page, codes.a49!);
  await count(page, 'inbound-count', 49);
  await page.getByLabel('Văn bản từ chối giải quyết').check();
  await page.locator('#inbound-details').fill('Thửa đất không phù hợp quy hoạch');
  await scan(page, codes.a50!);
  await count(page, 'inbound-count', 50);
  await page.getByLabel('Kết quả giải quyết').check();
  await scan(page, codes.unknown!);
  await expectVerdict(page, 'unknownCode', /Trung tâm không có hồ sơ/);
  await scan(page, codes.returned!);
  await expectVerdict(page, 'wrongState', /đã trả kết quả cho công dân/);
  const rejects = await page.getByTestId('inbound-rejects').innerText();
  expect(rejects).toContain(codes.unknown!);
  expect(rejects).toContain(codes.returned!);
  const statuses = await page.getByTestId('inbound-list').innerText();
  expect(statuses.match(/Đã có kết quả, chờ trả/g)).toHaveLength(48);
  expect(statuses).toContain('Chờ bổ sung hồ sơ');
  expect(statuses).toContain('Đã từ chối');
  await shot(page, '6-inbound');
  // Closing the inbound batch has its shortcut on the button, and prints its handover record.
  expect(await page.getByRole('button', { name: /Kết thúc lô nhận/ }).innerText()).toMatch(/Ctrl\s*\+\s*Enter/);
  const jobsBefore = printer.jobs.length;
  await page.keyboard.press('Control+Enter');
  const summary = page.getByTestId('inbound-closed-summary');
  await summary.waitFor({ timeout: 30_000 });
  expect(await summary.innerText()).toMatch(new RegExp(`Đã kết thúc lô nhận ${inBatch}: 50 hồ sơ`));
  expect(await summary.innerText()).toContain('Đã đưa biên bản giao nhận vào hàng đợi in.');
  await printer.waitForJobs(jobsBefore + 2, 60_000);
  for (const job of printer.jobs.slice(jobsBefore)) expect(decodeSymbol(job.png, 'QR_CODE')).toBe(inBatch);
  await shot(page, '6b-inbound-closed');

  // The facts reached the server: its projection agrees.
  await expect
    .poll(
      async () => {
        const pulled = await api<PullResponse>(server.url, '/v1/pull?after=0&limit=500', pusher.device.credential);
        const byCode = new Map(pulled.dossiers.map((d) => [d.code, d.status]));
        return [byCode.get(codes.a1!), byCode.get(codes.a49!), byCode.get(codes.a50!), byCode.get(codes.misscan!)];
      },
      { timeout: 30_000 },
    )
    .toEqual(['resultReady', 'awaitingSupplement', 'refused', 'received']);
});

test('the trips report counts both directions per department and month and exports XLSX', async () => {
  const { page } = counter;
  await page.keyboard.press('Alt+4');
  const table = page.getByTestId('trips-table');
  await table.waitFor();
  const row = await table.locator('tbody tr').first().innerText();
  expect(row.split('\t').map((c) => c.trim())).toEqual([expect.stringMatching(/^\d{2}\/\d{4}$/), departments[0]!.name, '1', '50', '1', '50']);
  await shot(page, '7-trips');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel (XLSX)' }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await download.path())) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.getWorksheet('Chuyến bưu điện')!;
  expect(sheet.getRow(3).values).toEqual([undefined, 'Tháng', 'Cơ quan giải quyết', 'Số chuyến đi', 'Số hồ sơ chuyển đi', 'Số chuyến về', 'Số hồ sơ kết quả về']);
  expect((sheet.getRow(4).values as unknown[]).slice(2)).toEqual([departments[0]!.name, 1, 50, 1, 50]);
});
