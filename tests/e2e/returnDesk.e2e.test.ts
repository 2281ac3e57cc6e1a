// The return desk's everyday cases of issue 16, end to end: a real server, the kiosk web host and
// Chromium. Dossiers reach this counter the way real ones do: another enrolled counter ('quay-8')
// pushes their events and this one pulls them. Every screen is looked at at 1366×768 and 1920×1080.
import { mkdir, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { formatReceiptNumber, receiptLabel } from '../../shared/codes';
import type { DossierEvent } from '../../shared/domain';
import type { DossierLookupResponse, LeaseResponse, StaffRecord } from '../../shared/sync/protocol';
import { type Counter, DEMO_STAFF, hostCall, openCounter, signInAs, waitForLocalRows } from './app';
import { launchChromium } from './chromium';
import { startVirtualPrinter, type VirtualPrinter } from '../../electron/services/printing/virtualPrinter';
import { decodeSymbol } from '../printing/decode';
import { api, enrolPusher, type Pusher } from './seed';
import { scan } from './scanner';
import { startServer, type Started } from './processes';

const SHOTS = 'test-artifacts/e2e';
let server: Started;
let browser: Browser;
let counter: Counter;
let pusher: Pusher;
let printer: VirtualPrinter;

/** The screen at both sizes the Center's machines have, scrolled to `at` when given. */
async function shots(page: Page, name: string, at?: Locator) {
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await at?.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/returnDesk-${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

const people = {
  thuHa: { id: randomUUID(), name: 'Nguyễn Thu Hà', idNumber: '040190012345', phone: '0912000111', procedureCode: '3.000348', procedureName: 'Cấp lại giấy phép lái xe', result: true },
  vanHa: {
    id: randomUUID(),
    name: 'Lê Văn Hà',
    idNumber: '040085012346',
    phone: '0912000222',
    procedureCode: '2.001583',
    procedureName: 'Đăng ký thành lập công ty TNHH một thành viên',
    result: true,
  },
  thuHuong: {
    id: randomUUID(),
    name: 'Nguyễn Thu Hương',
    idNumber: '040190012347',
    phone: '0912000333',
    procedureCode: '1.012783',
    procedureName: 'Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
    result: false,
  },
  // Handed to the courier; the delivery to the department was never confirmed.
  undelivered: { id: randomUUID(), name: 'Đỗ Minh Quân', idNumber: '040085012348', phone: '0912000444', procedureCode: '1.000426', procedureName: 'Cấp thẻ tư vấn viên pháp luật', result: false },
};
const codes: Record<string, string> = {};
let receipt = { series: '', number: 0 };

/** A staff member's id, as counters sync it: the pusher's events carry a real officer. */
async function staffId(username: string): Promise<string> {
  const { staff } = await api<{ staff: StaffRecord[] }>(server.url, '/v1/staff?after=0', pusher.device.credential);
  return staff.find((s) => s.username === username)!.id;
}

async function seedDossiers() {
  pusher = await enrolPusher(server.url, 'quay-8', 'Quầy 8 – Tiếp nhận');
  const dept = pusher.departments[0]!.id;
  const lan = await staffId(DEMO_STAFF.receiving.username);
  const receivedAt = new Date(Date.now() - 3 * 86_400_000);
  const events: DossierEvent[] = [];
  for (const [key, p] of Object.entries(people)) {
    codes[key] = await pusher.nextCode(receivedAt);
    events.push(
      pusher.event(
        'received',
        p.id,
        {
          code: codes[key],
          procedureCode: p.procedureCode,
          procedureName: p.procedureName,
          departmentId: dept,
          applicant: { kind: 'individual', name: p.name, idNumber: p.idNumber, phone: p.phone, address: 'Phường Trường Vinh, Nghệ An' },
          documents: [{ name: 'Đơn đề nghị', originals: 1, certifiedCopies: 0, copies: 0 }],
          sets: 1,
          processingDays: 5,
          receivedAt: receivedAt.toISOString(),
          dueAt: new Date(Date.now() + 4 * 86_400_000).toISOString(),
          collection: { method: 'desk' },
          fees: key === 'thuHuong' ? [{ name: 'Lệ phí cấp Giấy chứng nhận', amount: 100000 }] : [],
        },
        receivedAt,
      ),
      pusher.event('handedToCourier', p.id, { batchId: 'BG-000101-08-01', direction: 'toDepartment', courierName: 'Bưu điện Vinh', departmentId: dept }, receivedAt),
      pusher.event('deliveredToDepartment', p.id, { batchId: 'BG-000101-08-01', at: receivedAt.toISOString() }, receivedAt),
    );
    if (key === 'undelivered') events.pop();
    else if (p.result) events.push(pusher.event('resultReceived', p.id, { batchId: 'BG-000101-08-02', outcome: 'result' }));
    else {
      const series = `${String(receivedAt.getFullYear()).slice(2)}TAA`;
      const lease = await api<LeaseResponse>(server.url, '/v1/leases', pusher.device.credential, { requestId: randomUUID(), receiptSeries: [{ formSymbol: 'EBL01', series }] });
      receipt = { series, number: lease.blocks.find((b) => b.kind === 'receipt')!.first };
      const paid = { receipt: { formSymbol: 'EBL01', ...receipt }, amount: 100000, method: 'cash' as const, feeName: 'Lệ phí cấp Giấy chứng nhận' };
      events.splice(events.length - 2, 0, pusher.event('feeCollected', p.id, paid, receivedAt));
    }
  }
  const pushed = await pusher.push(events.map((e) => ({ ...e, officerId: lan })));
  expect(pushed.results.filter((r) => r.status !== 'stored')).toEqual([]);
}

const searchField = (page: Page) => page.getByLabel(/Quét giấy hẹn hoặc nhập mã hồ sơ/).first();
const cardCode = (page: Page) => page.getByTestId('dossier-card').locator('h2').innerText();

async function search(page: Page, query: string) {
  const field = searchField(page);
  await field.fill(query);
  await field.press('Enter');
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  printer = await startVirtualPrinter({ outDir: 'test-artifacts/e2e/returnDesk-printer' });
  server = await startServer();
  browser = await launchChromium();
  await seedDossiers();
  counter = await openCounter(browser, server, { counterId: 'quay-5', counterName: 'Quầy 5 – Trả kết quả', user: DEMO_STAFF.returnDesk });
  await hostCall(counter.page, 'settings.update', [
    { printers: [{ id: 'vp', name: 'Máy in quầy trả kết quả', transport: 'network', address: printer.address, paper: '80mm', roles: ['slip', 'receipt', 'form'], copies: {} }] },
  ]);
  await counter.page.reload();
  await counter.page.getByTestId('counter-identity').waitFor();
  await waitForLocalRows(counter.page, 'dossiers', (rows) => rows.length >= 4, 60_000, 'the kiosk did not pull the 4 dossiers in 60 s');
  await counter.page.keyboard.press('F4');
});

afterAll(async () => {
  await browser?.close();
  await counter?.kiosk.stop();
  await server?.stop();
  await printer?.stop();
});

test('the desk lists the results waiting, and finds a name by any word, part of a code, a procedure’s short form', async () => {
  const { page } = counter;
  // Results taken in and not yet returned wait in a list under the search, with their procedure.
  const waiting = page.getByTestId('waiting-results');
  await waiting.waitFor();
  await expect.poll(() => waiting.locator('tbody tr').count()).toBe(2);
  expect(await waiting.innerText()).toContain('Cấp lại giấy phép lái xe');
  expect(await waiting.innerText()).toContain('Lê Văn Hà');
  expect(await waiting.innerText()).not.toContain('Nguyễn Thu Hương');
  await shots(page, '1-waiting');

  // "thu ha" is the middle and last words of the name.
  await search(page, 'thu ha');
  await expect.poll(() => cardCode(page)).toBe(codes.thuHa);
  // "Hà" with its diacritic is the last word of two names: a list to pick from, with the procedure column.
  await search(page, 'Hà');
  const results = page.getByTestId('search-results');
  await results.waitFor();
  expect(await page.getByTestId('dossier-card').count()).toBe(0);
  expect(await page.getByTestId('waiting-results').count()).toBe(0);
  expect(await results.locator('thead').innerText()).toContain('Thủ tục');
  expect(await results.locator('tbody tr').count()).toBe(2);
  expect(await results.innerText()).toContain('Đăng ký thành lập công ty TNHH một thành viên');
  await shots(page, '2-results');
  await results.getByRole('button', { name: codes.vanHa }).click();
  await expect.poll(() => cardCode(page)).toBe(codes.vanHa);

  // The last four digits of the code, and a part of the date and number as written on the slip.
  await search(page, codes.thuHuong!.slice(-4));
  await expect.poll(() => cardCode(page)).toBe(codes.thuHuong);
  await search(page, codes.thuHa!.slice(-9));
  await expect.poll(() => cardCode(page)).toBe(codes.thuHa);

  // What the citizen calls the procedure.
  await search(page, 'GPLX');
  await expect.poll(() => cardCode(page)).toBe(codes.thuHa);
  await search(page, 'sổ đỏ');
  await expect.poll(() => cardCode(page)).toBe(codes.thuHuong);
  await search(page, 'ĐKKD');
  await expect.poll(() => cardCode(page)).toBe(codes.vanHa);
  await shots(page, '3-card');
});

test('the history names the counter and the officer of every step, a return included; a conflict names the counter, not its id', async () => {
  const { page } = counter;
  await search(page, codes.vanHa!);
  await expect.poll(() => cardCode(page)).toBe(codes.vanHa);
  await page.keyboard.press('Alt+T');
  await page.getByLabel('Số định danh (CCCD) của người nhận').fill(people.vanHa.idNumber);
  await page.keyboard.press('Enter');
  await page
    .getByTestId('desk-outcome')
    .getByText(/Đã trả kết quả hồ sơ .* cho Lê Văn Hà/)
    .waitFor();
  const step = (text: RegExp) => page.locator('.dossier-history li').filter({ hasText: text }).getByTestId('taken-by');
  await expect.poll(() => step(/Trả kết quả tại quầy/).innerText()).toBe('Quầy 5 – Trả kết quả · Trần Văn Hùng');
  expect(await step(/Tiếp nhận hồ sơ/).innerText()).toBe('Quầy 8 – Tiếp nhận · Nguyễn Thị Lan');
  await shots(page, '4-history', page.locator('.dossier-history'));

  // Counter 8, offline, handed the same result over too: the server keeps its fact, flagged.
  await expect
    .poll(async () => (await api<DossierLookupResponse>(server.url, `/v1/dossiers?code=${encodeURIComponent(codes.vanHa!)}`, pusher.device.credential)).dossiers[0]?.snapshot.status, {
      timeout: 30_000,
    })
    .toBe('returned');
  const second = {
    ...pusher.event('returned', people.vanHa.id, { method: 'desk', recipient: { name: 'Lê Văn Hà', authorised: false }, at: new Date().toISOString() }),
    officerId: await staffId(DEMO_STAFF.receiving.username),
  };
  expect((await pusher.push([second])).results[0]!.status).toBe('conflict');

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await signInAs(page, DEMO_STAFF.supervisor);
  await page.keyboard.press('F6');
  const row = page.locator('.conflict-table tbody tr').filter({ hasText: codes.vanHa! });
  await row.waitFor({ timeout: 30_000 });
  const cells = await row.locator('td').allInnerTexts();
  expect(cells[2]).toBe('Quầy 8 – Tiếp nhận');
  expect(cells[3]).toBe('Nguyễn Thị Lan');
  expect(await row.innerText()).not.toContain('quay-8');
  await shots(page, '5-conflicts', row);
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await signInAs(page, DEMO_STAFF.returnDesk);
});

test('the slip and the receipt are printed again from the card on this counter, and the papers digitised later', async () => {
  const { page } = counter;
  // Counter 8 received the dossier; whatever its printer did, this counter prints the slip from the record.
  await search(page, codes.thuHuong!);
  await expect.poll(() => cardCode(page)).toBe(codes.thuHuong);
  const card = page.getByTestId('dossier-card');
  let jobs = printer.jobs.length;
  await card.getByRole('button', { name: /In lại giấy hẹn \(Mẫu 01\)/ }).click();
  await page.getByTestId('card-print-note').getByText('Đã gửi in: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (bản in lại).').waitFor();
  await printer.waitForJobs(jobs + 1, 30_000);
  const slip = printer.jobs[jobs]!;
  expect(decodeSymbol(slip.png, 'QR_CODE')).toContain(codes.thuHuong);
  await writeFile(`${SHOTS}/returnDesk-reprinted-slip.png`, slip.png);

  jobs = printer.jobs.length;
  await card.getByRole('button', { name: `In lại biên lai số ${formatReceiptNumber(receipt.number)}` }).click();
  await page
    .getByTestId('card-print-note')
    .getByText(`Đã gửi in: Biên lai ${receiptLabel({ formSymbol: 'EBL01', ...receipt })} (bản in lại).`)
    .waitFor();
  await printer.waitForJobs(jobs + 1, 30_000);
  await writeFile(`${SHOTS}/returnDesk-reprinted-receipt.png`, printer.jobs[jobs]!.png);
  await shots(page, '6-reprint', card.locator('.dossier-actions'));

  // Digitising later: the reception's one paper, only shown, is exempt with its reason.
  await card.getByRole('button', { name: /Số hóa giấy tờ/ }).click();
  const line = page.getByTestId('digitise-line-0');
  await line.getByText('Đơn đề nghị').waitFor();
  await line.getByRole('button', { name: 'Không số hóa…' }).click();
  await line.getByLabel('Trường hợp không phải số hóa').selectOption('shownOnly');
  await line.getByLabel('Lý do không số hóa').fill('Bản chính chỉ xuất trình để đối chiếu');
  await line.getByLabel('Lý do không số hóa').press('Enter');
  await line.getByText(/Không số hóa: Giấy tờ chỉ xuất trình/).waitFor();
  // The card follows: the paper counts as done, and the history has the step with who took it.
  await expect.poll(() => page.getByTestId('digitisation').innerText()).toMatch(/^1\/1 giấy tờ/);
  expect(
    await page
      .locator('.dossier-history li')
      .filter({ hasText: /Không số hóa giấy tờ số 1/ })
      .getByTestId('taken-by')
      .innerText(),
  ).toBe('Quầy 5 – Trả kết quả · Trần Văn Hùng');
  await shots(page, '7-digitise', line);
});

test('a result for a dossier whose delivery was never confirmed: warned in Vietnamese, taken in knowingly on a second scan, recorded on the dossier', async () => {
  const { page } = counter;
  await page.keyboard.press('F3');
  await page.keyboard.press('Alt+3');
  await page.locator('#in-department').selectOption(pusher.departments[0]!.id);
  await page.locator('#in-courier').fill('Phạm Văn Tư');
  await page.locator('#in-courier').press('Enter');
  await page.getByTestId('open-inbound-batch').waitFor();
  const feedback = page.getByTestId('scan-feedback');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await scan(page, codes.undelivered!);
  await feedback.getByText('Chưa xác nhận giao đến cơ quan giải quyết').waitFor();
  expect(await feedback.innerText()).toMatch(/chưa có xác nhận bưu điện đã giao đến .* quét lại mã một lần nữa để nhận/);
  expect(await page.getByTestId('inbound-count').innerText()).toBe('0 hồ sơ');
  await shots(page, '8-undelivered-warning', feedback);

  await scan(page, codes.undelivered!);
  await page.getByTestId('inbound-count').getByText('1 hồ sơ').waitFor();
  expect(await feedback.innerText()).toMatch(/Đã ghi vào hồ sơ: nhận khi bưu điện chưa xác nhận đã giao/);
  await shots(page, '9-undelivered-taken', feedback);
  // The server took the fact as recorded (its payload schema knows the mark).
  await expect
    .poll(
      async () => (await api<DossierLookupResponse>(server.url, `/v1/dossiers?code=${encodeURIComponent(codes.undelivered!)}`, pusher.device.credential)).dossiers[0]?.events.at(-1)?.event.payload,
      {
        timeout: 30_000,
      },
    )
    .toMatchObject({ deliveryUnconfirmed: true });

  await page.keyboard.press('F4');
  await search(page, codes.undelivered!);
  await expect.poll(() => cardCode(page)).toBe(codes.undelivered);
  const line = page.locator('.dossier-history li').filter({ hasText: /Nhận khi bưu điện chưa xác nhận đã giao hồ sơ/ });
  await line.waitFor();
  expect(await line.getByTestId('taken-by').innerText()).toBe('Quầy 5 – Trả kết quả · Trần Văn Hùng');
});
