// The provincial IT team sets up commune centers in the screens (Quản trị at /quan-tri/ in a browser
// on the LAN): three centers imported from a CSV (a file with a row error first: previewed, refused,
// nothing written), one center's phi-địa-giới list pasted as codes (an unknown code named), an
// enrolment code and an officer account made for that center; a new counter enrols with the code,
// the officer signs in there, and step 4 of the reception offers the route across boundaries.
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AdminCentersResponse } from '../../shared/sync/adminProtocol';
import { adminToken, DEMO_STAFF, licenceRenewalToRoute } from './app';
import { launchChromium } from './chromium';
import { startServer, startWebHost, type Started } from './processes';

const SHOTS = 'test-artifacts/e2e';
const OFFICER = { username: 'lan.dc', fullName: 'Hồ Thị Lan', temporary: 'tam-thoi-dien-chau', own: 'lan-dien-chau-rieng' };
const DIEN_CHAU = 'Trung tâm Phục vụ hành chính công xã Diễn Châu';
const CSV = [
  'id,agency_code,name,address,level,parent',
  `xa-dien-chau,000.22.41.H41,${DIEN_CHAU},"Xóm 5, xã Diễn Châu",xã,`,
  'phuong-vinh-hung,000.23.41.H41,Trung tâm Phục vụ hành chính công phường Vinh Hưng,,phường,',
  'xa-quynh-luu,000.24.41.H41,Trung tâm Phục vụ hành chính công xã Quỳnh Lưu,,xã,',
].join('\n');

let server: Started;
let browser: Browser;
let admin: Page;
let kiosk: Started | undefined;

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/centeradmin-${name}-1366.png`, fullPage: true });
const csvFile = (text: string, name = 'trung-tam-xa.csv') => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  admin = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  admin.on('pageerror', (error) => console.error(`[quan-tri] page error: ${error.message}`));
  await admin.goto(new URL('/quan-tri/', server.url).href);
  await admin.getByLabel('Tên đăng nhập').fill(DEMO_STAFF.admin.username);
  await admin.getByLabel('Mật khẩu').fill(DEMO_STAFF.admin.password);
  await admin.getByRole('button', { name: 'Đăng nhập' }).click();
  await admin.getByTestId('admin-identity').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
  await server?.stop();
});

test('three commune centers are imported from a CSV: a row error is listed and nothing is written until the file is right', async () => {
  await admin.getByRole('tab', { name: 'Các trung tâm' }).click();
  await admin.getByRole('button', { name: 'Thêm trung tâm' }).click();
  const form = admin.getByRole('form', { name: 'Thêm trung tâm' });
  await form.locator('#center-agency').fill('000.22.41');
  await form.getByRole('button', { name: 'Thêm trung tâm' }).click();
  await form.getByText('Mã cơ quan 000.22.41 không đúng dạng QCVN 102:2016').waitFor();
  await form.getByText('Hãy nhập tên trung tâm').waitFor();
  await shot(admin, 'center-errors');
  await form.getByRole('button', { name: 'Huỷ' }).click();

  await admin.getByRole('button', { name: 'Nhập từ tệp CSV/Excel…' }).click();
  await admin.locator('#centers-file').setInputFiles(csvFile(`${CSV}\nxa-sai,000.25.41.H40,Xã tỉnh khác,,huyện,`, 'co-loi.csv'));
  const errors = admin.getByRole('table', { name: 'Lỗi trong tệp' });
  await errors.getByText('Dòng 5, cột agency_code: Mã cơ quan 000.25.41.H40 không thuộc tỉnh H41').waitFor();
  await errors.getByText('Dòng 5, cột level: «huyện» không phải cấp của trung tâm').waitFor();
  expect(await admin.getByRole('button', { name: /Nhập các trung tâm/ }).isDisabled()).toBe(true);
  await shot(admin, 'import-errors');

  await admin.locator('#centers-file').setInputFiles(csvFile(CSV));
  await admin.getByRole('status').getByText('3 trung tâm mới, 0 trung tâm thay đổi, 0 không đổi').waitFor();
  await shot(admin, 'import-preview');
  await admin.getByRole('button', { name: 'Nhập các trung tâm (3)' }).click();
  await admin.getByRole('status').getByText('Đã nhập tệp trung-tam-xa.csv: 3 trung tâm mới').waitFor();
  const table = admin.getByRole('table', { name: 'Các trung tâm' });
  await table.locator('tr[data-center="phuong-vinh-hung"]').waitFor();
  expect(await table.locator('tr[data-center="xa-dien-chau"]').innerText()).toMatch(/000\.22\.41\.H41\s+Cấp xã\s+Trung tâm Phục vụ Hành chính công\s+0/);
  await admin.getByLabel('Tìm trung tâm').fill('dien chau');
  await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
  await shot(admin, 'list');
  await admin.getByLabel('Tìm trung tâm').fill('');
  const listed = (await (await fetch(new URL('/v1/admin/centers', server.url), { headers: { authorization: `Bearer ${await adminToken(server.url)}` } })).json()) as AdminCentersResponse;
  expect(listed.centers.map((c) => c.id).sort()).toEqual(['', 'phuong-vinh-hung', 'xa-dien-chau', 'xa-quynh-luu']);
});

test('Diễn Châu’s phi-địa-giới list is pasted as codes (an unknown code named, left out) and saved; its receipt series has its own form', async () => {
  await admin.getByRole('button', { name: `Phạm vi và biên lai của ${DIEN_CHAU}` }).click();
  const scope = admin.getByRole('form', { name: `Phạm vi thủ tục của ${DIEN_CHAU}` });
  await scope.locator('#scope-across-paste').fill('3.000348\n9.999999');
  await scope.getByRole('button', { name: 'Thêm các mã đã dán' }).click();
  await scope.getByText('Không có trong danh mục nên chưa thêm 1 mã: 9.999999.').waitFor();
  await scope.getByRole('table', { name: 'Thủ tục phi địa giới' }).getByText('Cấp lại giấy phép lái xe').waitFor();
  await scope.getByRole('button', { name: 'Lưu phạm vi thủ tục' }).click();
  await scope.getByRole('status').getByText(`Đã lưu phạm vi thủ tục của ${DIEN_CHAU}`).waitFor();
  await admin.getByRole('form', { name: `Biên lai thu phí, lệ phí của ${DIEN_CHAU}` }).waitFor();
  await shot(admin, 'scope');
});

let code = '';

test('an enrolment code is made for Diễn Châu (the text names the center) and an officer account of it', async () => {
  await admin.getByRole('tab', { name: 'Quầy' }).click();
  const form = admin.getByRole('form', { name: 'Cấp mã đăng ký quầy' });
  await form.locator('#enrol-center').selectOption('xa-dien-chau');
  await form.locator('#enrol-counter-id').fill('dc-1');
  await form.locator('#enrol-counter-name').fill('Quầy 1 – xã Diễn Châu');
  await form.getByRole('button', { name: 'Cấp mã đăng ký' }).click();
  code = (await admin.getByTestId('enrolment-code').innerText()).trim();
  expect(await admin.getByTestId('enrolment-center').innerText()).toBe(DIEN_CHAU);
  await shot(admin, 'counters-code');

  await admin.getByRole('tab', { name: 'Cán bộ' }).click();
  await admin.getByRole('button', { name: 'Thêm cán bộ' }).click();
  const staff = admin.getByRole('form', { name: 'Thêm cán bộ' });
  await staff.locator('#staff-username').fill(OFFICER.username);
  await staff.locator('#staff-fullname').fill(OFFICER.fullName);
  await staff.locator('#staff-password').fill(OFFICER.temporary);
  await staff.locator('#staff-center').selectOption('xa-dien-chau');
  await staff.getByRole('checkbox', { name: 'Tiếp nhận' }).check();
  await shot(admin, 'staff-center');
  await staff.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await admin.getByRole('status').getByText(`Đã tạo tài khoản ${OFFICER.username}`).waitFor();
  expect(await admin.getByRole('row').filter({ hasText: OFFICER.username }).innerText()).toContain(DIEN_CHAU);
});

test('a counter enrols with that code, the officer signs in there, and step 4 offers the route for a procedure on the list', async () => {
  kiosk = await startWebHost(['--server-url', server.url]);
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (error) => console.error(`[dc-1] page error: ${error.message}`));
  await page.goto(kiosk.url);
  await page.getByLabel('Mã đăng ký quầy').fill(code);
  await page.getByRole('button', { name: 'Đăng ký quầy' }).click();
  await page.getByRole('heading', { name: 'Đăng nhập – Quầy 1 – xã Diễn Châu' }).waitFor();
  await page.getByLabel('Tên đăng nhập').fill(OFFICER.username);
  await page.getByLabel('Mật khẩu').fill(OFFICER.temporary);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Đặt mật khẩu mới' }).waitFor();
  await page.locator('#new-password').fill(OFFICER.own);
  await page.locator('#new-password-again').fill(OFFICER.own);
  await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
  await page.getByTestId('counter-identity').getByText(OFFICER.fullName).waitFor();
  await page.keyboard.press('F2');

  const route = await licenceRenewalToRoute(page);
  expect(await route.innerText()).toContain('Nghị định 309/2026/NĐ-CP');
  // The other commune centers imported are offered as where the citizen collects the result.
  await page.locator('#route-return').selectOption('000.23.41.H41');
  await route.scrollIntoViewIfNeeded();
  await shot(page, 'kiosk-route');
});
