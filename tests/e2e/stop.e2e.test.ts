// Stopping a dossier at the applicant's request while its papers are at the department (TT 03/2025),
// the papers coming back through the inbound courier batch and handed back at the stop desk; and a
// result ready early, announced to the applicant from the tracking board.
import { mkdir } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Applicant } from '../../shared/domain';
import { adminToken, openCounter, type Counter } from './app';
import { launchChromium } from './chromium';
import { scan } from './scanner';
import { startServer, type Started } from './processes';
import { api, enrolPusher } from './seed';

let server: Started;
let browser: Browser;
let counter: Counter;
const dossierId = randomUUID();
const readyId = randomUUID();
let code = '';
let readyCode = '';
let department = { id: '', name: '' };
// A desk officer who also takes the courier's bag: the stop desk, the inbound batch and the board.
const DESK_USER = { username: 'dunghs1', password: 'dunghs-demo', fullName: 'Phan Thị Thu' };
const SHOTS = 'test-artifacts/e2e';

async function serverEventTypes(dossier: string): Promise<{ type: string; counterId: string; payload: Record<string, unknown> }[]> {
  const reader = await enrolPusher(server.url, `quay-r${Math.floor(Math.random() * 1e6)}`, 'Quầy đọc');
  const trail = await api<{ events: { event: { type: string; counterId: string; payload: Record<string, unknown> } }[] }>(server.url, `/v1/dossiers/${dossier}/events`, reader.device.credential);
  return trail.events.map((e) => e.event);
}

const feedback = (page: Page) => page.getByTestId('scan-feedback');

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const pusher = await enrolPusher(server.url, 'quay-9', 'Quầy 9 – Tiếp nhận');
  const receivedAt = new Date(Date.now() - 2 * 86_400_000);
  code = await pusher.nextCode(receivedAt);
  department = pusher.departments[0]!;
  readyCode = await pusher.nextCode(receivedAt);
  // Received an hour ago, handed over and delivered: both dossiers are at the department.
  const atDepartment = (id: string, dossierCode: string, applicant: Applicant) => [
    pusher.event(
      'received',
      id,
      {
        code: dossierCode,
        procedureCode: '1.001234',
        procedureName: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
        departmentId: department.id,
        applicant,
        documents: [{ name: 'Đơn đề nghị cấp giấy phép', originals: 1, certifiedCopies: 0, copies: 0 }],
        sets: 1,
        processingDays: 10,
        receivedAt: receivedAt.toISOString(),
        dueAt: new Date(Date.now() + 8 * 86_400_000).toISOString(),
        collection: { method: 'desk' },
        fees: [],
      },
      receivedAt,
    ),
    pusher.event('handedToCourier', id, { batchId: 'BG-000101-09-01', direction: 'toDepartment', courierName: 'Bưu điện Vinh', departmentId: department.id }, receivedAt),
    pusher.event('deliveredToDepartment', id, { batchId: 'BG-000101-09-01', at: receivedAt.toISOString() }, receivedAt),
  ];
  const pushed = await pusher.push([
    ...atDepartment(dossierId, code, { kind: 'individual', name: 'Võ Thị Lan', idNumber: '040190001111', phone: '0987654321', address: 'Phường Trường Vinh' }),
    // A result back eight days before its appointment: the applicant must be told in advance.
    ...atDepartment(readyId, readyCode, { kind: 'individual', name: 'Hồ Văn Quang', idNumber: '040085002222', phone: '0987111222', address: 'Phường Hưng Dũng' }),
    pusher.event('resultReceived', readyId, { batchId: 'BG-000101-09-02', outcome: 'result' }),
  ]);
  expect(pushed.results.map((r) => r.status)).toEqual(Array(7).fill('stored'));
  await api(server.url, '/v1/admin/staff', await adminToken(server.url), { ...DESK_USER, roles: ['returnDesk', 'handoff'] });
  counter = await openCounter(browser, server, { counterId: 'quay-4', counterName: 'Quầy 4 – Trả kết quả', user: DESK_USER });
});

afterAll(async () => {
  await browser?.close();
  await counter?.kiosk.stop();
  await server?.stop();
});

test('a stop asked while the dossier is at the department is recorded once, with the notice, and reaches the server', async () => {
  const { page } = counter;
  await mkdir('test-artifacts/e2e', { recursive: true });
  await page.keyboard.press('F8');
  await page.getByRole('heading', { name: 'Dừng giải quyết hồ sơ theo đề nghị của người nộp' }).waitFor();
  // The code field is the desk's manual entry: what is typed is read as a scan, and the answer goes once the officer types again.
  await page.getByLabel('Mã hồ sơ').fill('xin-chao-123');
  await page.getByLabel('Mã hồ sơ').press('Enter');
  await expect(page.locator('#stop-code-error').innerText()).resolves.toMatch(/gõ đủ mã/);
  await page.getByLabel('Mã hồ sơ').pressSequentially('0');
  await expect(page.locator('#stop-code-error').count()).resolves.toBe(0);

  // The counter learns of the dossier from the server; look it up once it has arrived.
  await expect
    .poll(
      async () => {
        await page.getByLabel('Mã hồ sơ').fill(code);
        await page.getByLabel('Mã hồ sơ').press('Enter');
        return page.getByTestId('stop-status').count();
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe(1);
  await expect(page.getByTestId('stop-status').innerText()).resolves.toBe('Đang ở cơ quan giải quyết');
  await expect(page.getByText(/Hồ sơ giấy đang ở cơ quan giải quyết/).count()).resolves.toBeGreaterThan(0);

  // No reason: refused at the field, nothing recorded.
  await page.getByRole('button', { name: /Dừng giải quyết và in thông báo/ }).click();
  await expect(page.locator('#stop-reason-error').innerText()).resolves.toMatch(/lý do/i);
  await page.screenshot({ path: 'test-artifacts/e2e/stop-1-no-reason.png', fullPage: true });

  // The applicant's card scanned at the desk fills the number; a torn QR changes nothing and says why. Fake data.
  await page.getByLabel('Lý do đề nghị dừng giải quyết').focus();
  await scan(page, '040190001111||Võ Thị Lan|12071990', { gapMs: 2 });
  await page
    .getByTestId('card-reading')
    .getByText(/thiếu thông tin/)
    .waitFor();
  expect(await page.getByLabel('Số định danh trên giấy tờ xuất trình').inputValue()).toBe('');
  await scan(page, '040190001111||Võ Thị Lan|12071990|Nữ|Phường Trường Vinh, tỉnh Nghệ An|20032023||||', { gapMs: 2 });
  await page.getByTestId('card-reading').getByText('Đã điền số định danh 040190001111 từ thẻ căn cước của Võ Thị Lan.').waitFor();
  expect(await page.getByLabel('Số định danh trên giấy tờ xuất trình').inputValue()).toBe('040190001111');
  expect(await page.getByLabel('Lý do đề nghị dừng giải quyết').inputValue()).toBe('');
  await page.getByLabel('Lý do đề nghị dừng giải quyết').fill('Gia đình thay đổi kế hoạch xây dựng, xin rút hồ sơ.');
  await page.getByRole('button', { name: /Dừng giải quyết và in thông báo/ }).click();
  await page.getByRole('status').filter({ hasText: 'Đã dừng giải quyết hồ sơ' }).waitFor();
  await expect.poll(() => page.getByTestId('stop-status').innerText(), { timeout: 10_000 }).toBe('Đã rút hồ sơ');
  await page.screenshot({ path: 'test-artifacts/e2e/stop-2-stopped.png', fullPage: true });

  // The fact reaches the central server exactly once, attributed to this counter.
  const pusher = await enrolPusher(server.url, 'quay-10', 'Quầy 10');
  await expect
    .poll(
      async () => {
        const trail = await api<{ events: { event: { type: string; counterId: string } }[] }>(server.url, `/v1/dossiers/${dossierId}/events`, pusher.device.credential);
        return trail.events.filter((e) => e.event.type === 'withdrawn').map((e) => e.event.counterId);
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toEqual(['quay-4']);
});

test('the stopped papers come back in the courier bag and are handed back to the applicant at the stop desk', async () => {
  const { page } = counter;
  // The stop desk lists the dossier as waiting for its papers.
  await expect.poll(() => page.getByTestId('stopped-away').innerText(), { timeout: 10_000 }).toContain(code);

  await page.keyboard.press('F3');
  await page.keyboard.press('Alt+3');
  await page.locator('#in-department').selectOption(department.id);
  await page.locator('#in-courier').fill('Phạm Văn Tư');
  await page.locator('#in-courier').press('Enter');
  await page.getByTestId('open-inbound-batch').waitFor();
  await scan(page, code);
  await page.locator('[data-testid="scan-feedback"][data-outcome="accepted"]').waitFor({ timeout: 10_000 });
  const said = await feedback(page).innerText();
  expect(said).toContain('Hồ sơ đã dừng: giấy tờ về Trung tâm');
  expect(said).toContain(`Hồ sơ ${code} đã dừng giải quyết: giấy tờ về Trung tâm để trả lại người nộp`);
  await expect(page.getByTestId('inbound-count').innerText()).resolves.toBe('1 hồ sơ');
  await expect(page.getByTestId('inbound-list').innerText()).resolves.toContain('Đã rút hồ sơ · Giấy tờ đã về Trung tâm, chờ trả người nộp');
  await page.screenshot({ path: `${SHOTS}/stop-3-papers-inbound.png`, fullPage: true });
  // The same papers scanned again from another bag: refused, with the reason, for a supervisor.
  await page.getByRole('button', { name: 'Kết thúc lô nhận' }).click();
  await page.locator('#in-department').selectOption(department.id);
  await page.locator('#in-courier').fill('Phạm Văn Tư');
  await page.locator('#in-courier').press('Enter');
  await page.getByTestId('open-inbound-batch').waitFor();
  await scan(page, code);
  await page.locator('[data-testid="scan-feedback"][data-outcome="wrongState"]').waitFor({ timeout: 10_000 });
  expect(await feedback(page).innerText()).toMatch(/giấy tờ đã về Trung tâm lúc .+, không nhận về lần nữa/);
  await expect(page.getByTestId('inbound-rejects').innerText()).resolves.toContain(code);
  await page.getByRole('button', { name: 'Kết thúc lô nhận' }).click();

  await page.keyboard.press('F8');
  await page.getByRole('heading', { name: 'Dừng giải quyết hồ sơ theo đề nghị của người nộp' }).waitFor();
  await page.getByTestId('stopped-atCenter').getByRole('button', { name: code }).waitFor();
  expect(await page.getByTestId('stopped-away').innerText()).not.toContain(code);
  await page.getByTestId('stopped-atCenter').getByRole('button', { name: code }).click();
  await expect.poll(() => page.getByTestId('papers-where').innerText(), { timeout: 10_000 }).toContain('Giấy tờ đã về Trung tâm, chờ trả người nộp');
  await page.getByLabel('Người được ủy quyền').check();
  await page.getByLabel('Họ tên người nhận').fill('Võ Văn Hải');
  await page.getByLabel('Số định danh của người nhận').fill('040090003333');
  await page.getByRole('button', { name: /Trả lại giấy tờ cho người nộp/ }).click();
  await expect(page.locator('#hand-back-auth-error').innerText()).resolves.toMatch(/giấy ủy quyền/);
  await page.getByLabel('Đã kiểm tra giấy ủy quyền hợp lệ').check();
  await page.getByLabel('Giấy ủy quyền (số, ngày; không bắt buộc)').fill('Giấy ủy quyền số 07/UQ');
  await page.screenshot({ path: `${SHOTS}/stop-4-hand-back.png`, fullPage: true });
  await page.getByRole('button', { name: /Trả lại giấy tờ cho người nộp/ }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Đã trả lại giấy tờ hồ sơ ${code} cho Võ Văn Hải (người được ủy quyền)` })
    .waitFor();
  await expect.poll(() => page.getByTestId('papers-where').innerText(), { timeout: 10_000 }).toContain('Đã trả lại giấy tờ cho người nộp');
  expect(await page.getByTestId('stopped-atCenter').innerText()).not.toContain(code);
  await page.screenshot({ path: `${SHOTS}/stop-5-handed-back.png`, fullPage: true });

  await expect
    .poll(async () => (await serverEventTypes(dossierId)).filter((e) => e.type === 'papersReturned').map((e) => [e.payload.stage, e.counterId]), { timeout: 30_000, interval: 1_000 })
    .toEqual([
      ['atCenter', 'quay-4'],
      ['toApplicant', 'quay-4'],
    ]);
});

test('a result ready early is listed until the applicant is told, and the notice reaches the server', async () => {
  const { page } = counter;
  await page.keyboard.press('F6');
  const group = page.getByTestId('board-notYetNotified');
  await expect
    .poll(
      async () => {
        await page.getByRole('button', { name: 'Làm mới' }).click();
        return group.locator(`tr[data-code="${readyCode}"]`).count();
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe(1);
  await expect(group.locator(`tr[data-code="${readyCode}"]`).innerText()).resolves.toContain('sớm hạn');
  await page.screenshot({ path: `${SHOTS}/notify-1-board.png`, fullPage: true });

  await group.getByRole('button', { name: `Báo người nộp hồ sơ ${readyCode}` }).click();
  const text = page.locator('#notice-message');
  await expect(text.inputValue()).resolves.toMatch(
    new RegExp(`hồ sơ ${readyCode.replaceAll('.', '\\.')} \\(Cấp giấy phép xây dựng nhà ở riêng lẻ\\) đã có kết quả, sớm hơn ngày hẹn \\d{2}/\\d{2}/\\d{4}`),
  );
  // The full number appears once the access is written to the audit log, as on the card's "Hiện".
  await expect.poll(() => page.locator('#notice-contact').inputValue(), { timeout: 10_000 }).toBe('0987111222');
  await page.getByLabel('Zalo').check();
  await page.locator('#notice-contact').fill('0238 384 3333');
  await page.getByRole('button', { name: /Ghi nhận đã báo người nộp/ }).click();
  await expect(page.locator('#notice-contact-error').innerText()).resolves.toMatch(/di động/);
  await page.locator('#notice-contact').fill('0987 111 222');
  await page.screenshot({ path: `${SHOTS}/notify-2-form.png`, fullPage: true });
  await page.getByRole('button', { name: /Ghi nhận đã báo người nộp/ }).click();
  await page
    .getByTestId('desk-outcome')
    .filter({ hasText: `Đã ghi nhận báo người nộp hồ sơ ${readyCode} qua Zalo` })
    .waitFor();
  await expect.poll(() => group.locator(`tr[data-code="${readyCode}"]`).count(), { timeout: 10_000 }).toBe(0);
  // The card's history is read again once the dossier changes (from the server when online).
  await expect.poll(() => page.getByTestId('dossier-card').innerText(), { timeout: 10_000 }).toContain('Báo người nộp đến nhận (kết quả có sớm hạn) qua Zalo lúc');
  await page.screenshot({ path: `${SHOTS}/notify-3-told.png`, fullPage: true });

  await expect
    .poll(async () => (await serverEventTypes(readyId)).filter((e) => e.type === 'applicantNotified').map((e) => [e.payload.channel, e.payload.early, e.counterId]), {
      timeout: 30_000,
      interval: 1_000,
    })
    .toEqual([['zalo', true, 'quay-4']]);
});
