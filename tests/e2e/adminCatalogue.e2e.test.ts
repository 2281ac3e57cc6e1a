// The administration's Catalogue and Calendar pages (issue 18), end to end: the browser page the
// central server serves at /quan-tri/, a receiving counter on the kiosk web host, Chromium and the
// virtual printer. An XLSX catalogue with 3 bad rows is previewed and refused with every error,
// fixed, imported, and its new procedure received at the counter; a holiday added in the calendar
// (after a date that does not exist is refused) moves the next appointment past it.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { dateKeyFromDayNumber, dayNumberFromDateKey, lunarMonthLength, workCalendar } from '../../shared/calendar';
import { parseCatalogueWorkbook, REQUIRED_COLUMNS } from '../../shared/catalogue';
import type { DossierEvent } from '../../shared/domain';
import type { CalendarYearResponse } from '../../shared/sync/adminCatalogue';
import { startVirtualPrinter, type VirtualPrinter } from '../../electron/services/printing/virtualPrinter';
import { adminToken, type Counter, DEMO_STAFF, fillApplicant, localRow, localRows, openCounter, openReceivingCounter, pickProcedure, waitForLocalRows } from './app';
import { launchChromium } from './chromium';
import { startServer, type Started } from './processes';

const SHOTS = 'test-artifacts/e2e';
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

let server: Started;
let browser: Browser;
let admin: Page;
let counter: Counter;
let printer: VirtualPrinter;
let files: string;
/** The appointment of the dossier received in the first test: the day the holiday is put on. */
let firstAppointment: string;

async function shots(page: Page, name: string) {
  for (const size of [...SIZES].reverse()) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/admin-catalogue-${name}-${size.width}.png`, fullPage: size.width === 1920 });
  }
}

async function serverGet<T>(path: string): Promise<T> {
  const response = await fetch(new URL(path, server.url), { headers: { authorization: `Bearer ${await adminToken(server.url)}` } });
  return (await response.json()) as T;
}

/** The catalogue sheet an administrator would save from Excel, written with exceljs as the app's own exports are. */
async function xlsxFile(name: string, rows: string[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh mục');
  sheet.addRow([...REQUIRED_COLUMNS, 'receiving_levels']);
  for (const row of rows) sheet.addRow(row);
  const path = join(files, name);
  await writeFile(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return path;
}

const FESTIVAL = 'Cấp phép tổ chức lễ hội thử nghiệm';
const row = (code: string, name: string, days: string, fee: string) => [
  code,
  name,
  'Văn hóa',
  'Sở Văn hóa, Thể thao và Du lịch',
  days,
  fee,
  '',
  'Văn bản đề nghị (bản chính 1, bản sao 0) | Chương trình lễ hội (bản chính 1, bản sao 0) | Giấy ủy quyền (nếu có)',
  'kiểm thử đầu cuối',
  'Cấp tỉnh, Cấp xã',
];

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  files = await mkdtemp(join(tmpdir(), 'motcua-admin-files-'));
  printer = await startVirtualPrinter({ outDir: 'test-artifacts/e2e/admin-catalogue-printer' });
  server = await startServer();
  browser = await launchChromium();
  admin = await browser.newPage({ viewport: SIZES[0] });
  admin.on('pageerror', (error) => console.error(`[quản trị] page error: ${error.message}`));
  await admin.goto(new URL('/quan-tri/', server.url).href);
  await admin.getByLabel('Tên đăng nhập').fill(DEMO_STAFF.admin.username);
  await admin.getByLabel('Mật khẩu').fill(DEMO_STAFF.admin.password);
  await admin.getByRole('button', { name: 'Đăng nhập' }).click();
  await admin.getByTestId('admin-identity').waitFor();
  counter = await openReceivingCounter(browser, server, printer, { counterId: 'quay-7', counterName: 'Quầy 7 – Tiếp nhận', viewport: SIZES[0] });
});

afterAll(async () => {
  await browser?.close();
  await counter?.kiosk.stop();
  await server?.stop();
  await printer?.stop();
});

/** Steps 2 to 5 of a reception at the counter; answers the appointment shown before accepting. */
async function receiveUpToAppointment(page: Page, person: { id: string; name: string }): Promise<string> {
  await fillApplicant(page, person);
  const boxes = page.getByRole('checkbox', { name: /^Đã nhận:/ });
  await boxes.first().waitFor();
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  await page.getByRole('button', { name: /Tiếp tục/ }).click();
  const fee = page.getByLabel('Số tiền thu (đồng)');
  await fee.waitFor();
  if ((await fee.inputValue()) === '') await fee.fill('0');
  await page.keyboard.press('Enter');
  return page.getByTestId('appointment').innerText();
}

test('an XLSX catalogue with 3 bad rows is previewed and refused with each error, fixed, imported, and its new procedure received at a counter', async () => {
  await admin.getByRole('tab', { name: 'Danh mục thủ tục' }).click();
  await admin.getByRole('table', { name: 'Danh mục thủ tục' }).waitFor();
  // The demo catalogue has procedures without a processing time: listed as needing attention.
  await admin
    .getByRole('region', { name: 'Thủ tục cần bổ sung' })
    .getByText(/thủ tục chưa có thời hạn giải quyết/)
    .waitFor();
  await shots(admin, '1-list');

  await admin.getByRole('button', { name: 'Nhập từ tệp CSV/Excel…' }).click();
  const bad = await xlsxFile('danh-muc-loi.xlsx', [
    row('1.999001', FESTIVAL, '3', '0'),
    row('1.99', 'Cấp phép biểu diễn nghệ thuật thử nghiệm', '5', '0'),
    row('1.999003', 'Cấp phép quảng cáo thử nghiệm', 'năm ngày', '0'),
    row('1.999004', 'Cấp phép karaoke thử nghiệm', '5', '-20000'),
  ]);
  await admin.getByLabel('Chọn tệp (.csv, .xlsx)').setInputFiles(bad);
  const errors = admin.getByRole('table', { name: 'Lỗi trong tệp' });
  await errors.waitFor();
  expect(await errors.locator('tbody tr').allInnerTexts()).toEqual([
    "3\tcode\tDòng 3, cột code: '1.99' không phải là mã thủ tục hành chính (dạng 1.012790 hoặc 1.012790.000.00.00.H41).",
    "4\tprocessing_days\tDòng 4, cột processing_days: 'năm ngày' không phải là số ngày làm việc.",
    "5\tfee_vnd\tDòng 5, cột fee_vnd: số tiền '-20000' là số âm; phí, lệ phí không được âm.",
  ]);
  await admin.getByText('Tệp có 3 lỗi, chưa nhập được thủ tục nào.', { exact: false }).waitFor();
  expect(await admin.getByRole('button', { name: /^Nhập vào danh mục/ }).isDisabled()).toBe(true);
  await shots(admin, '2-preview-errors');
  const codes = async () => (await serverGet<{ items: { key: string }[] }>('/v1/admin/catalogue/procedure')).items.map((i) => i.key);
  expect((await codes()).filter((c) => c.startsWith('1.9990'))).toEqual([]);

  const fixed = await xlsxFile('danh-muc-da-sua.xlsx', [
    row('1.999001', FESTIVAL, '3', '0'),
    row('1.999002', 'Cấp phép biểu diễn nghệ thuật thử nghiệm', '5', '0'),
    row('1.999003', 'Cấp phép quảng cáo thử nghiệm', '5', '0'),
    row('1.999004', 'Cấp phép karaoke thử nghiệm', '5', '20000'),
  ]);
  await admin.getByLabel('Chọn tệp (.csv, .xlsx)').setInputFiles(fixed);
  await admin.getByText(/Tệp danh-muc-da-sua\.xlsx: 4 thủ tục mới, 0 thủ tục thay đổi/).waitFor();
  expect(await admin.getByRole('table', { name: 'Lỗi trong tệp' }).count()).toBe(0);
  await shots(admin, '3-preview-ok');
  expect((await codes()).filter((c) => c.startsWith('1.9990'))).toEqual([]);
  await admin.getByRole('button', { name: 'Nhập vào danh mục (4 thủ tục)' }).click();
  await admin.getByText(/Đã nhập 4 thủ tục mới/).waitFor();
  expect((await codes()).filter((c) => c.startsWith('1.9990'))).toEqual(['1.999001', '1.999002', '1.999003', '1.999004']);
  await admin.getByRole('searchbox').fill('le hoi thu nghiem');
  const festival = admin.getByRole('table', { name: 'Danh mục thủ tục' }).getByRole('row', { name: new RegExp(FESTIVAL) });
  await festival.getByText('Tiếp nhận: Cấp tỉnh, Cấp xã').waitFor();
  await shots(admin, '4-imported');

  // The export is a file the import reads back without an error, the new procedures in it.
  const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: 'Xuất Excel' }).click()]);
  const exported = new ExcelJS.Workbook();
  await exported.xlsx.readFile(await download.path());
  const reread = parseCatalogueWorkbook(exported);
  expect(reread.errors).toEqual([]);
  expect(reread.procedures.map((p) => p.code)).toEqual(expect.arrayContaining(['1.999001', '1.999002', '1.999003', '1.999004']));
  expect(reread.procedures).toHaveLength(45);
  await admin.getByRole('button', { name: 'Sửa 1.999001' }).click();
  await admin.getByRole('form', { name: 'Sửa thủ tục 1.999001.000.00.00.H41' }).waitFor();
  await shots(admin, '5-edit');
  await admin.getByRole('button', { name: 'Hủy' }).click();

  // One procedure edited: a procedure without a processing time gets one, through the same checks as a file.
  const attention = admin.getByRole('region', { name: 'Thủ tục cần bổ sung' });
  await attention.getByText('4 thủ tục chưa có thời hạn giải quyết').waitFor();
  await attention.getByRole('button', { name: 'Chỉ hiện các thủ tục này' }).click();
  await admin.getByRole('searchbox').fill('ly lich tu phap');
  const lyLich = admin
    .getByRole('table', { name: 'Danh mục thủ tục' })
    .getByRole('row', { name: /Cấp Phiếu Lý lịch tư pháp/ })
    .first();
  await lyLich.getByRole('button', { name: /^Sửa / }).click();
  await admin.getByLabel('Thời hạn giải quyết').fill('mười');
  await admin.getByRole('button', { name: 'Lưu thủ tục' }).click();
  await admin.getByText("'mười' không phải là số ngày làm việc.").waitFor();
  await shots(admin, '5b-edit-error');
  await admin.getByLabel('Thời hạn giải quyết').fill('10');
  await admin.getByRole('button', { name: 'Lưu thủ tục' }).click();
  await admin.getByText(/^Đã lưu thủ tục /).waitFor();
  await attention.getByText('3 thủ tục chưa có thời hạn giải quyết').waitFor();

  // The counter receives it once it has fetched the catalogue.
  const { page } = counter;
  await waitForLocalRows<{ kind: string; key: string }>(
    page,
    'catalogue',
    (rows) => rows.some((r) => r.kind === 'procedure' && r.key === '1.999001'),
    30_000,
    'the counter never fetched the imported procedure',
  );
  await pickProcedure(page, 'le hoi thu nghiem', FESTIVAL);
  firstAppointment = await receiveUpToAppointment(page, { id: '040190001111', name: 'Hoàng Văn Lễ' });
  await page.keyboard.press('Control+Enter');
  const code = await page.getByTestId('dossier-code').innerText({ timeout: 20_000 });
  const dossier = await localRow<{ id: string }>(page, 'dossiers', code, 'code');
  const events = (await localRows<{ dossierId: string; event: DossierEvent }>(page, 'events')).filter((e) => e.dossierId === dossier?.id).map((e) => e.event);
  expect(events.find((e) => e.type === 'received')?.payload).toMatchObject({ procedureCode: '1.999001' });
});

test('a date that does not exist is refused and saves nothing; a holiday added in the calendar is skipped by the next appointment at the counter', async () => {
  const [, day, month, year] = /(\d{2})\/(\d{2})\/(\d{4})$/.exec(firstAppointment)!.map(Number) as [number, number, number, number];
  const holidayKey = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  await admin.getByRole('tab', { name: 'Lịch làm việc' }).click();
  await admin.getByLabel('Năm', { exact: true }).selectOption(String(year));
  await admin.getByRole('table', { name: 'Các ngày nghỉ trong năm' }).waitFor();

  await admin.getByRole('button', { name: 'Thêm ngày nghỉ' }).click();
  await admin.getByLabel('Ngày của ngày nghỉ 1').fill('31');
  await admin.getByLabel('Tháng của ngày nghỉ 1').fill('2');
  await admin.getByLabel('Tên ngày nghỉ 1').fill('Nghỉ đột xuất (kiểm thử)');
  await admin.getByText(`Ngày nghỉ thứ 1: Ngày 31/2/${year} không tồn tại.`).waitFor();
  await admin.getByRole('button', { name: `Lưu lịch năm ${year}` }).click();
  await admin.getByRole('alert').getByText(`Lịch năm ${year} chưa được lưu: Ngày nghỉ thứ 1: Ngày 31/2/${year} không tồn tại.`).waitFor();
  await shots(admin, '6-calendar-invalid');

  const shortMonth = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((m) => lunarMonthLength(m, year) === 29)!;
  await admin.getByLabel('Lịch của ngày nghỉ 1').selectOption('lunar');
  await admin.getByLabel('Ngày của ngày nghỉ 1').fill('30');
  await admin.getByLabel('Tháng của ngày nghỉ 1').fill(String(shortMonth));
  await admin.getByRole('button', { name: `Lưu lịch năm ${year}` }).click();
  await admin.getByRole('alert').getByText(`Ngày 30 tháng ${shortMonth} năm ${year} âm lịch không tồn tại: tháng này có 29 ngày.`, { exact: false }).waitFor();
  expect((await serverGet<CalendarYearResponse>(`/v1/admin/calendar/${year}`)).holidays).toEqual([]);

  await admin.getByLabel('Lịch của ngày nghỉ 1').selectOption('solar');
  await admin.getByLabel('Ngày của ngày nghỉ 1').fill(String(day));
  await admin.getByLabel('Tháng của ngày nghỉ 1').fill(String(month));
  const preview = admin.getByRole('table', { name: 'Các ngày nghỉ trong năm' });
  await preview.getByRole('row', { name: new RegExp(`${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year} Nghỉ đột xuất \\(kiểm thử\\) Công bố thêm`) }).waitFor();
  await admin.getByRole('button', { name: `Lưu lịch năm ${year}` }).click();
  await admin.getByRole('status').getByText(`Đã lưu lịch năm ${year}`, { exact: false }).waitFor();
  await shots(admin, '7-calendar-saved');
  expect((await serverGet<CalendarYearResponse>(`/v1/admin/calendar/${year}`)).holidays).toEqual([{ date: holidayKey, name: 'Nghỉ đột xuất (kiểm thử)' }]);
  // The change log names both changes in Vietnamese, with the year's days before and after.
  await admin.getByRole('tab', { name: 'Nhật ký thay đổi' }).click();
  const log = admin.getByRole('table', { name: 'Nhật ký thay đổi' });
  await log.getByRole('row', { name: new RegExp(`Lưu lịch làm việc Lịch làm việc năm ${year}`) }).waitFor();
  await log.getByRole('row', { name: /Nhập danh mục Thủ tục 1\.999001/ }).waitFor();
  await shots(admin, '7b-change-log');

  const { page } = counter;
  await waitForLocalRows<{ kind: string; key: string }>(page, 'catalogue', (rows) => rows.some((r) => r.kind === 'holiday' && r.key === holidayKey), 30_000, 'the counter never fetched the holiday');
  await page.getByRole('button', { name: /Tiếp nhận hồ sơ mới/ }).click();
  await pickProcedure(page, 'le hoi thu nghiem', FESTIVAL);
  const appointment = await receiveUpToAppointment(page, { id: '040190002222', name: 'Đinh Thị Hội' });
  const next = dateKeyFromDayNumber(workCalendar({ daysOff: [holidayKey] }).nextWorkingDayNumber(dayNumberFromDateKey(holidayKey)));
  // The time of day follows the reception's (a minute later now); the day is the one after the holiday.
  expect(appointment.slice(-10)).toBe(`${next.slice(8, 10)}/${next.slice(5, 7)}/${next.slice(0, 4)}`);
  await page.screenshot({ path: `${SHOTS}/admin-catalogue-8-counter-after-holiday-1366.png` });
});

test('at a counter, Quản trị (F10) shows the same Catalogue and Calendar pages', async () => {
  const kioskAdmin = await openCounter(browser, server, { counterId: 'quay-qt', counterName: 'Quầy 10 – Quản trị', user: DEMO_STAFF.admin });
  try {
    const { page } = kioskAdmin;
    await page.setViewportSize(SIZES[0]);
    await page.keyboard.press('F10');
    await page.getByRole('tab', { name: 'Danh mục thủ tục' }).click();
    await page.getByRole('table', { name: 'Danh mục thủ tục' }).getByText(FESTIVAL).waitFor();
    await shots(page, '9-kiosk-catalogue');
    await page.getByRole('tab', { name: 'Lịch làm việc' }).click();
    await page.getByRole('table', { name: 'Các ngày nghỉ trong năm' }).waitFor();
    await shots(page, '10-kiosk-calendar');
  } finally {
    await kioskAdmin.kiosk.stop();
  }
});
