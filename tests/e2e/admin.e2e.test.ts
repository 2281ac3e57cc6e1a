// The administration section end to end, in Chromium against the real server and web host: at a
// counter (Quản trị, F10) and in a browser on the LAN from the server itself (/quan-tri/).
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { decodeSymbol } from '../printing/decode';
import { adminToken, DEMO_STAFF, localRow, openCounter, signInAs, type Counter } from './app';
import { launchChromium } from './chromium';
import { startServer, startWebHost, type Started } from './processes';

const SHOTS = 'test-artifacts/e2e';
let server: Started;
let browser: Browser;
let admin: Counter;
let newCounter: { kiosk: Started; page: Page } | undefined;

const OFFICER = { username: 'hoa.nt', fullName: 'Nguyễn Thị Hoa', temporary: 'tam-thoi-2026', own: 'hoa-quay-11-rieng', reset: 'dat-lai-2026' };

/** The page at 1366×768 and 1920×1080, whole, for looking at. */
async function shots(page: Page, name: string): Promise<void> {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: `${SHOTS}/admin-${name}-${viewport.width}.png`, fullPage: true });
  }
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  admin = await openCounter(browser, server, { counterId: 'quay-qt', counterName: 'Quầy 10 – Quản trị', user: DEMO_STAFF.admin });
});

afterAll(async () => {
  await browser?.close();
  await admin?.kiosk.stop();
  await newCounter?.kiosk.stop();
  await server?.stop();
});

test('an administrator opens Quản trị at a counter (F10); the changes made show in Nhật ký thay đổi', async () => {
  const { page } = admin;
  await page.keyboard.press('F10');
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Quản trị');
  await page.getByRole('tab', { name: 'Nhật ký thay đổi' }).click();
  // The demo's enrolment code for this counter was made by the administrator: the log shows it.
  await page.getByRole('table', { name: 'Nhật ký thay đổi' }).getByText('Cấp mã đăng ký quầy').first().waitFor();
  await shots(page, 'kiosk-changes');
});

test('the server serves the same section at /quan-tri/ to a browser on the LAN: an administrator signs in, a desk officer is refused', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (error) => console.error(`[quan-tri] page error: ${error.message}`));
  await page.goto(new URL('/quan-tri/', server.url).href);
  await page.getByLabel('Tên đăng nhập').fill(DEMO_STAFF.receiving.username);
  await page.getByLabel('Mật khẩu').fill(DEMO_STAFF.receiving.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('alert').getByText('không có vai trò quản trị').waitFor();
  await page.getByLabel('Tên đăng nhập').fill(DEMO_STAFF.admin.username);
  await page.getByLabel('Mật khẩu').fill(DEMO_STAFF.admin.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('admin-identity').waitFor();
  await page.getByRole('tab', { name: 'Nhật ký thay đổi' }).click();
  await page.getByRole('table', { name: 'Nhật ký thay đổi' }).getByText('Cấp mã đăng ký quầy').first().waitFor();
  await shots(page, 'browser-changes');
  await page.close();
});

async function openAdminTab(page: Page, tab: string): Promise<void> {
  await page.keyboard.press('F10');
  await page.getByRole('tab', { name: tab, exact: true }).click();
}

test('an officer account is created in Cán bộ: a taken username and a weak password are refused at their fields and nothing is saved', async () => {
  const { page } = admin;
  await openAdminTab(page, 'Cán bộ');
  await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
  const form = page.getByRole('form', { name: 'Thêm cán bộ' });
  await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await form.getByText('Hãy nhập họ tên cán bộ').waitFor();
  await form.getByText('Hãy chọn ít nhất một vai trò').waitFor();
  await shots(page, 'staff-errors');

  await form.locator('#staff-username').fill(DEMO_STAFF.receiving.username);
  await form.locator('#staff-fullname').fill(OFFICER.fullName);
  await form.locator('#staff-password').fill('12345678');
  await form.getByRole('checkbox', { name: 'Tiếp nhận' }).check();
  await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await form.getByText('Mật khẩu là mật khẩu phổ biến').waitFor();
  await form.locator('#staff-password').fill(OFFICER.temporary);
  await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await form.getByText(`Tên đăng nhập ${DEMO_STAFF.receiving.username} đã tồn tại. Hãy chọn tên khác; chưa có gì được lưu.`).waitFor();
  // The demo account is as it was: its name is not the one typed.
  await expect(page.getByRole('row').filter({ hasText: DEMO_STAFF.receiving.username }).innerText()).resolves.toContain(DEMO_STAFF.receiving.fullName);

  await form.locator('#staff-username').fill(OFFICER.username);
  await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await page.getByRole('status').getByText(`Đã tạo tài khoản ${OFFICER.username}`).waitFor();
  const row = page.getByRole('row').filter({ hasText: OFFICER.username });
  await expect(row.innerText()).resolves.toMatch(/Nguyễn Thị Hoa\s+Cấp tỉnh\s+Tiếp nhận\s+Mọi quầy\s+Chờ đổi mật khẩu tạm\s+Chưa đăng nhập/);
  await shots(page, 'staff');
});

test('a counter is enrolled from the code made in Quầy: typed as shown, and the QR on screen reads the same code', async () => {
  const { page } = admin;
  await openAdminTab(page, 'Quầy');
  const form = page.getByRole('form', { name: 'Cấp mã đăng ký quầy' });
  await form.getByRole('button', { name: 'Cấp mã đăng ký' }).click();
  await form.getByText('Mã quầy cần từ 1 đến 100 ký tự').waitFor();
  await form.locator('#enrol-counter-id').fill('quay-11');
  await form.locator('#enrol-counter-name').fill('Quầy 11 – Tiếp nhận');
  await form.getByRole('button', { name: 'Cấp mã đăng ký' }).click();
  const code = (await page.getByTestId('enrolment-code').innerText()).trim();
  expect(code.length).toBeGreaterThanOrEqual(8);
  await shots(page, 'counters-code');
  await page.setViewportSize({ width: 1366, height: 768 });
  expect(decodeSymbol(await page.getByRole('img', { name: /Mã QR đăng ký/ }).screenshot(), 'QR_CODE')).toBe(code);

  const kiosk = await startWebHost(['--server-url', server.url]);
  const counterPage = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  newCounter = { kiosk, page: counterPage };
  counterPage.on('pageerror', (error) => console.error(`[quay-11] page error: ${error.message}`));
  await counterPage.goto(kiosk.url);
  await counterPage.getByLabel('Mã đăng ký quầy').fill(code);
  await counterPage.getByRole('button', { name: 'Đăng ký quầy' }).click();
  await counterPage.getByRole('heading', { name: 'Đăng nhập – Quầy 11 – Tiếp nhận' }).waitFor();

  // The list shows it, and what it reports once an officer works there (next test) fills its columns.
  await page.getByRole('tab', { name: 'Nhật ký thay đổi' }).click();
  await page.getByRole('tab', { name: 'Quầy' }).click();
  await page.locator('tr[data-counter="quay-11"]').getByText('Quầy 11 – Tiếp nhận').waitFor();
});

test('the new officer signs in at the new counter online and must set a password of their own; then signs in offline after sync; a reset password is refused offline', async () => {
  const page = newCounter!.page;
  await page.getByLabel('Tên đăng nhập').fill(OFFICER.username);
  await page.getByLabel('Mật khẩu').fill(OFFICER.temporary);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Đặt mật khẩu mới' }).waitFor();
  await page.locator('#new-password').fill('hoa.nt-2026');
  await page.locator('#new-password-again').fill('hoa.nt-2026');
  await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
  await page.getByText('Mật khẩu mới không được chứa tên đăng nhập.').waitFor();
  await page.locator('#new-password').fill(OFFICER.own);
  await page.locator('#new-password-again').fill(OFFICER.own + 'x');
  await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
  await page.getByText('Hai lần nhập mật khẩu mới không khớp.').waitFor();
  await shots(page, 'change-password');
  await page.locator('#new-password-again').fill(OFFICER.own);
  await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
  await page.getByTestId('counter-identity').getByText(OFFICER.fullName).waitFor();
  await page
    .getByTestId('sync-badge')
    .getByText(/Trực tuyến/)
    .waitFor({ timeout: 30_000 });
  // The counter holds the officer's own hash now, without the temporary flag.
  await expect
    .poll(async () => (await localRow<{ mustChangePassword?: boolean; passwordHash?: string }>(page, 'staff', OFFICER.username, 'username'))?.mustChangePassword ?? false, { timeout: 30_000 })
    .toBe(false);

  // The server goes out of reach: the officer signs in again from the synced hash.
  await page.route(`${server.url}/**`, (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await signInAs(page, { username: OFFICER.username, password: OFFICER.own });
  await page.getByTestId('counter-identity').getByText(OFFICER.fullName).waitFor();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.unroute(`${server.url}/**`);

  // The administrator resets the password in Cán bộ; the counter learns it at its next staff sync (a sign-in starts one).
  await openAdminTab(admin.page, 'Cán bộ');
  await admin.page.getByRole('button', { name: `Đặt lại mật khẩu ${OFFICER.username}` }).click();
  const reset = admin.page.getByRole('form', { name: `Đặt lại mật khẩu ${OFFICER.username}` });
  await reset.locator('#reset-password').fill('quantri123');
  await reset.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
  await reset.getByText('Mật khẩu là mật khẩu phổ biến').waitFor();
  await reset.locator('#reset-password').fill(OFFICER.reset);
  await reset.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
  await admin.page.getByRole('status').getByText(`Đã đặt lại mật khẩu của ${OFFICER.username}`).waitFor();

  await signInAs(page, DEMO_STAFF.receiving);
  await expect.poll(async () => (await localRow<{ mustChangePassword?: boolean }>(page, 'staff', OFFICER.username, 'username'))?.mustChangePassword ?? false, { timeout: 30_000 }).toBe(true);
  await page.route(`${server.url}/**`, (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByLabel('Tên đăng nhập').fill(OFFICER.username);
  await page.getByLabel('Mật khẩu').fill(OFFICER.reset);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('alert').getByText('mật khẩu tạm do quản trị viên đặt và phải được đổi khi quầy kết nối được máy chủ').waitFor();
  await page.getByLabel('Mật khẩu').fill(OFFICER.own);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('alert').getByText('Sai tên đăng nhập hoặc mật khẩu').waitFor();
  await shots(page, 'offline-reset-refused');
  await page.unroute(`${server.url}/**`);
});

test('Đăng nhập lists the sign-ins with the counter they came from; Quầy shows what the new counter reported', async () => {
  const { page } = admin;
  await openAdminTab(page, 'Đăng nhập');
  const rows = page.getByRole('table', { name: 'Các lần đăng nhập' }).getByRole('row').filter({ hasText: OFFICER.username });
  await rows.first().waitFor();
  await expect(rows.filter({ hasText: 'quay-11' }).filter({ hasText: 'Thành công' }).count()).resolves.toBeGreaterThanOrEqual(1);
  await shots(page, 'sign-ins');
  await page.getByRole('tab', { name: 'Quầy' }).click();
  const row = page.locator('tr[data-counter="quay-11"]');
  await expect(row.innerText()).resolves.toMatch(/0\.1\.0/);
  await expect(row.innerText()).resolves.toContain('Chưa cài máy in');
  await expect(row.innerText()).resolves.toContain('Đã gửi hết');
  await shots(page, 'counters');
  await page.getByRole('tab', { name: 'Nhật ký thay đổi' }).click();
  const log = page.getByRole('table', { name: 'Nhật ký thay đổi' });
  await log
    .getByRole('row')
    .filter({ hasText: 'Đặt lại mật khẩu' })
    .filter({ hasText: `Tài khoản ${OFFICER.username}` })
    .waitFor();
  await log.getByRole('row').filter({ hasText: 'Tạo tài khoản' }).filter({ hasText: OFFICER.fullName }).waitFor();
  await shots(page, 'changes');
});

test('Trung tâm and Biên lai: a malformed value is named at its field and nothing is saved; a good one is saved, logged before and after, and reaches the counter', async () => {
  const { page } = admin;
  await openAdminTab(page, 'Biên lai');
  const receipts = page.getByRole('form', { name: 'Biên lai thu phí, lệ phí' });
  const taxCode = receipts.locator('#setting-receive-unitTaxCode');
  await expect(taxCode.inputValue()).resolves.toMatch(/^\d{10}$/);
  const before = await taxCode.inputValue();
  await taxCode.fill('29003-25');
  await receipts.locator('#setting-receive-receiptSeries').fill('{yy}taa');
  await receipts.getByRole('button', { name: 'Lưu' }).click();
  await receipts.getByText('Mã số thuế gồm 10 chữ số').waitFor();
  await receipts.getByText('Ký hiệu biên lai gồm chữ in hoa').waitFor();
  await receipts.getByText('chưa có gì được lưu').waitFor();
  await shots(page, 'receipts-errors');
  await taxCode.fill('2900325123-001');
  await receipts.locator('#setting-receive-receiptSeries').fill('{yy}TBB');
  await receipts.getByRole('button', { name: 'Lưu' }).click();
  await receipts.getByText('Đã lưu cấu hình biên lai').waitFor();

  await page.getByRole('tab', { name: 'Trung tâm', exact: true }).click();
  const center = page.getByRole('form', { name: 'Thông tin in trên giấy hẹn và phiếu' });
  await center.locator('#setting-receive-hotline').fill('hotline: 1900');
  await center.locator('#setting-receive-website').fill('trungtam.nghean.gov.vn');
  await center.getByRole('button', { name: 'Lưu' }).click();
  await center.getByText('Đường dây nóng chỉ gồm chữ số').waitFor();
  await center.getByText('Trang web phải là địa chỉ đầy đủ').waitFor();
  await center.locator('#setting-receive-hotline').fill('0238 3 555 666');
  await center.locator('#setting-receive-website').fill('https://dichvucong.nghean.gov.vn');
  await center.getByRole('button', { name: 'Lưu' }).click();
  await center.getByText('Đã lưu thông tin Trung tâm').waitFor();
  const idle = page.getByRole('form', { name: 'Khoá màn hình khi vắng mặt' });
  await idle.locator('#setting-idleLockMinutes-minutes').fill('0');
  await idle.getByRole('button', { name: 'Lưu' }).click();
  await idle.getByText('Số phút là số nguyên từ 1 đến 240.').waitFor();
  await idle.locator('#setting-idleLockMinutes-minutes').fill('15');
  await idle.getByRole('button', { name: 'Lưu' }).click();
  await idle.getByText('Đã lưu thời gian tự khoá màn hình').waitFor();
  await shots(page, 'center');

  // The Biên lai fields the Trung tâm form did not show are kept; the log has each change.
  await page.getByRole('tab', { name: 'Nhật ký thay đổi' }).click();
  const log = page.getByRole('table', { name: 'Nhật ký thay đổi' });
  await log
    .getByRole('row')
    .filter({ hasText: 'Cấu hình receive' })
    .filter({ hasText: `${before}` })
    .filter({ hasText: '2900325123-001' })
    .waitFor();
  await log.getByRole('row').filter({ hasText: 'Cấu hình receive' }).filter({ hasText: '0238 3 555 666' }).waitFor();
  await shots(page, 'changes-settings');
  // The counter receives the configuration with its catalogue sync.
  await expect
    .poll(async () => (await localRow<{ body?: { unitTaxCode?: string; hotline?: string; receiptSeries?: string } }>(page, 'catalogue', 'setting:receive'))?.body, { timeout: 30_000 })
    .toMatchObject({ unitTaxCode: '2900325123-001', receiptSeries: '{yy}TBB', hotline: '0238 3 555 666' });
});

test('Trung tâm: opening hours and the retention at counters are checked, saved and reach the counter', async () => {
  const { page } = admin;
  await openAdminTab(page, 'Trung tâm');
  const center = page.getByRole('form', { name: 'Thông tin in trên giấy hẹn và phiếu' });
  await center.locator('#setting-receive-openingHours').fill('Thứ Hai – Thứ Bảy: 07:00–11:00, 13:30–17:00 '.repeat(6));
  await center.getByRole('button', { name: 'Lưu' }).click();
  await center.getByText('Giờ làm việc tối đa 200 ký tự.').waitFor();
  await center.locator('#setting-receive-openingHours').fill('Thứ Hai – Thứ Bảy: 07:00–11:00, 13:30–17:00');
  await center.getByRole('button', { name: 'Lưu' }).click();
  await center.getByText('Đã lưu thông tin Trung tâm').waitFor();
  const retention = page.getByRole('form', { name: 'Lưu giữ hồ sơ tại quầy' });
  await expect(retention.locator('#setting-retentionMonths-months').inputValue()).resolves.toBe('6');
  await retention.locator('#setting-retentionMonths-months').fill('121');
  await retention.getByRole('button', { name: 'Lưu' }).click();
  await retention.getByText('Số tháng lưu giữ là số nguyên từ 1 đến 120.').waitFor();
  await retention.locator('#setting-retentionMonths-months').fill('24');
  await retention.getByRole('button', { name: 'Lưu' }).click();
  await retention.getByText('Đã lưu thời hạn lưu giữ').waitFor();
  await shots(page, 'center-hours-retention');
  await expect.poll(async () => (await localRow<{ body?: unknown }>(page, 'catalogue', 'setting:retentionMonths'))?.body, { timeout: 30_000 }).toEqual({ months: 24 });
  await expect
    .poll(async () => (await localRow<{ body?: { openingHours?: string } }>(page, 'catalogue', 'setting:receive'))?.body?.openingHours, { timeout: 30_000 })
    .toBe('Thứ Hai – Thứ Bảy: 07:00–11:00, 13:30–17:00');
});

test('Mẫu thông báo: an unknown placeholder and a too long SMS are refused by the server at the field; a good text is saved, logged, and put back to the default', async () => {
  const { page } = admin;
  await openAdminTab(page, 'Mẫu thông báo');
  const form = page.getByRole('form', { name: 'Mẫu thông báo Đã tiếp nhận' });
  await form.getByText('(mặc định)').waitFor();
  const sms = form.locator('#notice-received-sms');
  await sms.fill('TTHCC: da nhan ho so cua {hoTen}');
  await form.getByRole('button', { name: 'Lưu mẫu' }).click();
  await form.locator('#notice-received-sms-error').getByText('Nội dung SMS dùng ô không có: {hoTen}').waitFor();
  await form.getByText('Máy chủ chưa nhận mẫu này').waitFor();
  await expect(sms.getAttribute('aria-invalid')).resolves.toBe('true');
  await shots(page, 'notices-refused');
  await sms.fill(`${'Thong bao rat dai '.repeat(20)}{maHoSo}`);
  await form.getByRole('button', { name: 'Lưu mẫu' }).click();
  await form
    .locator('#notice-received-sms-error')
    .getByText(/^Nội dung SMS dài tới \d+ ký tự/)
    .waitFor();
  await sms.fill('TTHCC: da nhan ho so {maHoSo}, hen tra {ngayHen}');
  await form.getByRole('button', { name: 'Lưu mẫu' }).click();
  await form.getByText('Đã lưu mẫu «Đã tiếp nhận»').waitFor();
  await form.getByText('(Trung tâm đã sửa)').waitFor();
  const token = await adminToken(server.url);
  const stored = await fetch(new URL('/v1/admin/notice-templates', server.url), { headers: { authorization: `Bearer ${token}` } }).then(
    (r) => r.json() as Promise<{ templates: { kind: string; sms: string; edited: boolean }[] }>,
  );
  expect(stored.templates.find((t) => t.kind === 'received')).toMatchObject({ sms: 'TTHCC: da nhan ho so {maHoSo}, hen tra {ngayHen}', edited: true });
  await shots(page, 'notices');

  await page.getByRole('tab', { name: 'Nhật ký thay đổi' }).click();
  await page
    .getByRole('table', { name: 'Nhật ký thay đổi' })
    .getByRole('row')
    .filter({ hasText: 'Sửa mẫu thông báo' })
    .filter({ hasText: 'Mẫu thông báo received' })
    .filter({ hasText: 'TTHCC: da nhan ho so {maHoSo}' })
    .waitFor();
  await page.getByRole('tab', { name: 'Mẫu thông báo' }).click();
  await form.getByRole('button', { name: 'Về mặc định' }).click();
  await form.getByText('Đã đưa mẫu «Đã tiếp nhận» về mặc định.').waitFor();
  await form.getByText('(mặc định)').waitFor();
  await expect(sms.inputValue()).resolves.not.toContain('TTHCC');
});
