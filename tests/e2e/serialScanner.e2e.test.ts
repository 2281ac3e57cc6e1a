// A scanner in virtual-COM mode end to end: a real pseudo-terminal pair (socat) stands for
// /dev/ttyACM0, the kiosk web host reads one end as its serial scanner, and the test writes into the
// other the exact bytes a scanner sends (UTF-8, CR or CRLF, split where a port may split them).
// Chromium shows what the officer sees. Fake people: well-formed numbers that belong to no one.
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DossierEvent } from '../../shared/domain';
import type { StaffRecord } from '../../shared/sync/protocol';
import { startVirtualSerial, type VirtualSerial } from '../serial/virtualSerial';
import { type Counter, DEMO_STAFF, hostCall, openCounter, signInAs, waitForLocalRows } from './app';
import { launchChromium } from './chromium';
import { startServer, startWebHost, type Started } from './processes';
import { api, enrolPusher } from './seed';

const SHOTS = 'test-artifacts/e2e';
const HOA = '040193005678|187654321|Lê Thị Hoa|15031993|Nữ|Số 12 đường Lê Lợi, phường Vinh Phú, tỉnh Nghệ An|10052022';
const AN = '040090001234||Nguyễn Văn An|01011990|Nam|Xóm 5, xã Diễn Châu, tỉnh Nghệ An|04102024||||';

let server: Started;
let browser: Browser;
let counter: Counter;
let serial: VirtualSerial;
let dossierCode = '';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/serialScanner-${name}.png`, fullPage: true });
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true }).inputValue();
const cardReading = (page: Page) => page.getByTestId('card-reading');

/** One dossier whose result is back, pushed by another counter, for the return desk to open. */
async function seedDossier() {
  const pusher = await enrolPusher(server.url, 'quay-8', 'Quầy 8 – Tiếp nhận');
  const { staff } = await api<{ staff: StaffRecord[] }>(server.url, '/v1/staff?after=0', pusher.device.credential);
  const lan = staff.find((s) => s.username === DEMO_STAFF.receiving.username)!.id;
  const dept = pusher.departments[0]!.id;
  const receivedAt = new Date(Date.now() - 3 * 86_400_000);
  const id = randomUUID();
  dossierCode = await pusher.nextCode(receivedAt);
  const events: DossierEvent[] = [
    pusher.event(
      'received',
      id,
      {
        code: dossierCode,
        procedureCode: '3.000348',
        procedureName: 'Cấp lại giấy phép lái xe',
        departmentId: dept,
        applicant: { kind: 'individual', name: 'Nguyễn Thu Hà', idNumber: '040190012345', phone: '0912000111', address: 'Phường Trường Vinh, Nghệ An' },
        documents: [{ name: 'Đơn đề nghị', originals: 1, certifiedCopies: 0, copies: 0 }],
        sets: 1,
        processingDays: 5,
        receivedAt: receivedAt.toISOString(),
        dueAt: new Date(Date.now() + 4 * 86_400_000).toISOString(),
        collection: { method: 'desk' },
        fees: [],
      },
      receivedAt,
    ),
    pusher.event('handedToCourier', id, { batchId: 'BG-000101-08-01', direction: 'toDepartment', courierName: 'Bưu điện Vinh', departmentId: dept }, receivedAt),
    pusher.event('deliveredToDepartment', id, { batchId: 'BG-000101-08-01', at: receivedAt.toISOString() }, receivedAt),
    pusher.event('resultReceived', id, { batchId: 'BG-000101-08-02', outcome: 'result' }),
  ];
  const pushed = await pusher.push(events.map((e) => ({ ...e, officerId: lan })));
  expect(pushed.results.filter((r) => r.status !== 'stored')).toEqual([]);
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  serial = await startVirtualSerial();
  server = await startServer();
  await seedDossier();
  browser = await launchChromium();
  counter = await openCounter(browser, server, { counterId: 'quay-3', counterName: 'Quầy 3 – Tiếp nhận', user: DEMO_STAFF.receiving });
  // What Cài đặt → Máy quét mã vạch saves (ScannerPanel): the port and its baud rate; the page reads serial scans once reloaded.
  await hostCall(counter.page, 'settings.update', [{ scannerPort: { path: serial.kioskPath, baudRate: 9600 } }]);
  await counter.page.reload();
  await counter.page.getByTestId('counter-identity').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await counter?.kiosk.stop();
  await server?.stop();
  await serial?.close();
});

async function openReceivingForm(page: Page) {
  await page
    .getByTestId('sync-badge')
    .getByText(/Trực tuyến/)
    .waitFor({ timeout: 30_000 });
  await page.keyboard.press('F2');
  const search = page.getByRole('combobox');
  await search.waitFor({ timeout: 30_000 });
  await search.fill('1.002153');
  await page
    .getByRole('option', { name: /Đăng ký hành nghề luật sư/ })
    .first()
    .waitFor();
  await page.keyboard.press('Enter');
  await page.getByLabel('Số CCCD / CMND / hộ chiếu').waitFor();
}

test('the serial scanner set in the kiosk’s settings is read from the port and its cards fill the receiving form', async () => {
  const { page } = counter;
  await openReceivingForm(page).catch(async (error: unknown) => {
    await shot(page, 'failed-receive');
    throw error;
  });
  await page.getByLabel('Họ và tên', { exact: true }).fill('Trần Thị Bình');

  // A CCCD (7 fields), CRLF, written whole.
  await serial.write(`${HOA}\r\n`);
  await cardReading(page)
    .getByText('Đã điền số định danh, họ và tên, địa chỉ từ thẻ căn cước: Lê Thị Hoa, sinh ngày 15/03/1993, Nữ, thẻ cấp ngày 10/05/2022, CMND cũ 187654321. Hãy đối chiếu với người nộp.')
    .waitFor();
  expect([await field(page, 'Số CCCD / CMND / hộ chiếu'), await field(page, 'Họ và tên'), await field(page, 'Địa chỉ')]).toEqual([
    '040193005678',
    'Lê Thị Hoa',
    'Số 12 đường Lê Lợi, phường Vinh Phú, tỉnh Nghệ An',
  ]);
  await shot(page, '1-cccd');

  // A thẻ căn cước (11 fields), CR only, split inside «ễ» and paused 25 ms mid-message, as a USB-serial chip may deliver it.
  const bytes = Buffer.from(`${AN}\r`, 'utf8');
  const inside = bytes.indexOf(Buffer.from('ễ', 'utf8')) + 1;
  await serial.write(bytes.subarray(0, inside));
  await pause(25);
  await serial.write(bytes.subarray(inside, inside + 20));
  await pause(12);
  await serial.write(bytes.subarray(inside + 20));
  await cardReading(page)
    .getByText('Đã điền số định danh, họ và tên, địa chỉ từ thẻ căn cước: Nguyễn Văn An, sinh ngày 01/01/1990, Nam, thẻ cấp ngày 04/10/2024. Hãy đối chiếu với người nộp.')
    .waitFor();
  expect([await field(page, 'Số CCCD / CMND / hộ chiếu'), await field(page, 'Họ và tên'), await field(page, 'Địa chỉ')]).toEqual([
    '040090001234',
    'Nguyễn Văn An',
    'Xóm 5, xã Diễn Châu, tỉnh Nghệ An',
  ]);
  await shot(page, '2-the-can-cuoc');

  // Malformed: too few fields, then a sex that contradicts the number. Nothing changes; the officer is told why, in Vietnamese.
  await serial.write('040193005678|187654321|Lê Thị Hoa|15031993\r\n');
  await cardReading(page).getByText('Mã QR trên thẻ căn cước thiếu thông tin (có 4 trường, cần ít nhất 7). Hãy quét lại mã QR trên thẻ, hoặc nhập tay. Thông tin đã nhập không thay đổi.').waitFor();
  await serial.write('040193005678||Lê Thị Hoa|15031993|Nam|Số 12 đường Lê Lợi, phường Vinh Phú, tỉnh Nghệ An|10052022\r\n');
  await cardReading(page)
    .getByText(/^Mã QR trên thẻ căn cước ghi giới tính «Nam» không khớp với số định danh 040193005678\. .*Thông tin đã nhập không thay đổi\.$/)
    .waitFor();
  expect([await field(page, 'Số CCCD / CMND / hộ chiếu'), await field(page, 'Họ và tên'), await field(page, 'Địa chỉ')]).toEqual([
    '040090001234',
    'Nguyễn Văn An',
    'Xóm 5, xã Diễn Châu, tỉnh Nghệ An',
  ]);
  await shot(page, '3-malformed');
});

test('after the host restarts and the scanner is unplugged and plugged back, a dossier code on the serial scanner opens the dossier at the return desk', async () => {
  // The kiosk host restarts (a reboot, an update): it stops although the page is polling for scans,
  // and the saved scanner port is read again from the start.
  await counter.kiosk.stop();
  counter.kiosk = await startWebHost(['--server-url', server.url], counter.kiosk);
  const { page } = counter;
  await page.reload();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await signInAs(page, DEMO_STAFF.returnDesk);
  await waitForLocalRows(page, 'dossiers', (rows) => rows.length >= 1, 60_000, 'the kiosk did not pull the seeded dossier in 60 s');
  await page.keyboard.press('F4');
  await page
    .getByLabel(/Quét giấy hẹn hoặc nhập mã hồ sơ/)
    .first()
    .waitFor();
  // Nothing was saved again: the restarted host reads the port of its own accord.
  await serial.write(`${dossierCode}\r\n`);
  await page.getByTestId('dossier-card').locator('h2').getByText(dossierCode, { exact: true }).waitFor({ timeout: 15_000 });
  await page.getByText('Nguyễn Thu Hà').first().waitFor();
  await shot(page, '4-return-desk');

  // The scanner's cable is pulled and put back: the same device file is a new device, opened again by the host.
  await serial.unplug();
  await pause(500);
  await serial.plugIn();
  await pause(3_000); // the host tries the port again every 2 s
  await page.keyboard.press('F4');
  await serial.write(`${dossierCode}\r`);
  await expect.poll(async () => ((await hostCall(page, 'scanner.next', [0, 0])) as { code: string }[]).map((s) => s.code), { timeout: 10_000 }).toEqual([dossierCode, dossierCode]);
  await page.getByTestId('dossier-card').locator('h2').getByText(dossierCode, { exact: true }).waitFor({ timeout: 15_000 });
}, 150_000);
