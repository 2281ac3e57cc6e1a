// Stopping a dossier at the applicant's request while its papers are at the department (TT 03/2025).
import { mkdir } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_STAFF, openCounter, type Counter } from './app';
import { launchChromium } from './chromium';
import { startServer, type Started } from './processes';
import { api, enrolPusher } from './seed';

let server: Started;
let browser: Browser;
let counter: Counter;
const dossierId = randomUUID();
let code = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const pusher = await enrolPusher(server.url, 'quay-9', 'Quầy 9 – Tiếp nhận');
  const receivedAt = new Date(Date.now() - 2 * 86_400_000);
  code = await pusher.nextCode(receivedAt);
  const department = pusher.departments[0]!.id;
  const pushed = await pusher.push([
    pusher.event('received', dossierId, {
      code,
      procedureCode: '1.001234',
      procedureName: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
      departmentId: department,
      applicant: { kind: 'individual', name: 'Võ Thị Lan', idNumber: '040190001111', phone: '0987654321', address: 'Phường Trường Vinh' },
      documents: [{ name: 'Đơn đề nghị cấp giấy phép', originals: 1, certifiedCopies: 0, copies: 0 }],
      sets: 1,
      processingDays: 10,
      receivedAt: receivedAt.toISOString(),
      dueAt: new Date(Date.now() + 8 * 86_400_000).toISOString(),
      collection: { method: 'desk' },
      fees: [],
    }, receivedAt),
    pusher.event('handedToCourier', dossierId, { batchId: 'BG-000101-09-01', direction: 'toDepartment', courierName: 'Bưu điện Vinh', departmentId: department }, receivedAt),
    pusher.event('deliveredToDepartment', dossierId, { batchId: 'BG-000101-09-01', at: receivedAt.toISOString() }, receivedAt),
  ]);
  expect(pushed.results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored']);
  counter = await openCounter(browser, server, { counterId: 'quay-4', counterName: 'Quầy 4 – Trả kết quả', user: DEMO_STAFF.returnDesk });
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

  // The counter learns of the dossier from the server; look it up once it has arrived.
  await expect
    .poll(async () => {
      await page.getByLabel('Mã hồ sơ').fill(code);
      await page.getByLabel('Mã hồ sơ').press('Enter');
      return page.getByTestId('stop-status').count();
    }, { timeout: 30_000, interval: 1_000 })
    .toBe(1);
  await expect(page.getByTestId('stop-status').innerText()).resolves.toBe('Đang ở cơ quan giải quyết');
  await expect(page.getByText(/Hồ sơ giấy đang ở cơ quan giải quyết/).count()).resolves.toBeGreaterThan(0);

  // No reason: refused at the field, nothing recorded.
  await page.getByRole('button', { name: /Dừng giải quyết và in thông báo/ }).click();
  await expect(page.locator('#stop-reason-error').innerText()).resolves.toMatch(/lý do/i);
  await page.screenshot({ path: 'test-artifacts/e2e/stop-1-no-reason.png', fullPage: true });

  await page.getByLabel('Số định danh trên giấy tờ xuất trình').fill('040190001111');
  await page.getByLabel('Lý do đề nghị dừng giải quyết').fill('Gia đình thay đổi kế hoạch xây dựng, xin rút hồ sơ.');
  await page.getByRole('button', { name: /Dừng giải quyết và in thông báo/ }).click();
  await page.getByRole('status').filter({ hasText: 'Đã dừng giải quyết hồ sơ' }).waitFor();
  await expect(page.getByTestId('stop-status').innerText()).resolves.toBe('Đã rút hồ sơ');
  await page.screenshot({ path: 'test-artifacts/e2e/stop-2-stopped.png', fullPage: true });

  // The fact reaches the central server exactly once, attributed to this counter.
  const pusher = await enrolPusher(server.url, 'quay-10', 'Quầy 10');
  await expect
    .poll(async () => {
      const trail = await api<{ events: { event: { type: string; counterId: string } }[] }>(server.url, `/v1/dossiers/${dossierId}/events`, pusher.device.credential);
      return trail.events.filter((e) => e.event.type === 'withdrawn').map((e) => e.event.counterId);
    }, { timeout: 30_000, interval: 1_000 })
    .toEqual(['quay-4']);
});
