// Two kiosks and one central server. Kiosk A reaches the server through a TCP proxy the test
// stops and restarts: that is the "network cable", with no hook inside the app.
import { mkdir } from 'node:fs/promises';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConflictRecord, DossierSnapshot, EnrolResponse, PullResponse, PushResponse } from '../../shared/sync/protocol';
import { adminToken, DEMO_STAFF, enrolmentCode, localRow, localRows, signInAs, type Counter } from './app';
import { launchChromium } from './chromium';
import { startServer, startWebHost, type Started } from './processes';
import { api, enrolPusher } from './seed';
import { deliveredToDepartment, handedToCourier, received, resultReceived, returned } from '../sync/events';

const SHOTS = 'test-artifacts/e2e';

/** A TCP relay on a fixed loopback port; `cut()` refuses connections and drops open ones. */
class Cable {
  private server: Server | undefined;
  private sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: URL) {}

  async plug(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(Number(this.target.port), this.target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((done) => server.listen(this.port, '127.0.0.1', done));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
}

async function enrolDevice(counterId: string, counterName: string): Promise<EnrolResponse> {
  return (await enrolPusher(server.url, counterId, counterName)).device;
}

async function openKiosk(counterId: string, counterName: string, serverUrl: string, user: { username: string; password: string }): Promise<Counter> {
  const kiosk = await startWebHost(['--server-url', serverUrl]);
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.on('pageerror', (error) => console.error(`[${counterId}] page error: ${error.message}`));
  await page.goto(kiosk.url);
  await page.getByLabel('Mã đăng ký quầy').fill(await enrolmentCode(server.url, counterId, counterName));
  await page.getByRole('button', { name: 'Đăng ký quầy' }).click();
  await signInAs(page, user);
  return { kiosk, page };
}

async function snapshotByCode(token: string, code: string): Promise<DossierSnapshot | undefined> {
  let after = 0;
  for (;;) {
    const page = await api<PullResponse>(server.url, `/v1/pull?after=${after}&limit=500`, token);
    const hit = page.dossiers.find((d) => d.code === code);
    if (hit) return hit;
    if (!page.more) return undefined;
    after = page.next;
  }
}

/** What a kiosk holds for a dossier, read (never written) from its own database. */
async function localDossier(page: Page, code: string): Promise<{ status: string; openConflicts: number } | undefined> {
  const row = await localRow<{ status: string; openConflicts: number }>(page, 'dossiers', code, 'code');
  return row ? { status: row.status, openConflicts: row.openConflicts } : undefined;
}

async function badge(page: Page): Promise<string> {
  return page.getByTestId('sync-badge').locator('button').first().innerText();
}

/** Receives one dossier through kiosk A's own receiving screen, with the keyboard. */
async function receiveAtCounter(page: Page, shot: string): Promise<string> {
  await page.keyboard.press('F2');
  const search = page.getByLabel(/Tìm thủ tục/);
  await search.fill('2.001583');
  await page.getByRole('option', { name: /Đăng ký thành lập công ty TNHH một thành viên/ }).waitFor();
  await search.press('Enter');
  await page.getByLabel('Số CCCD / CMND / hộ chiếu').fill('040085001234');
  await page.getByLabel('Họ và tên').fill('Nguyễn Văn Bình');
  await page.getByLabel('Số điện thoại').fill('0912345678');
  await page.getByLabel('Địa chỉ').fill('12 Lê Lợi, phường Vinh, Nghệ An');
  await page.keyboard.press('Enter');
  for (const box of await page.getByRole('checkbox', { name: /^Đã nhận:/ }).all()) if (!(await box.isChecked())) await box.check();
  await page.keyboard.press('Enter');
  await page.getByLabel('Số tiền thu (đồng)').waitFor();
  await page.keyboard.press('Enter');
  await page
    .getByRole('button', { name: /^Tiếp nhận/ })
    .last()
    .waitFor();
  await page.keyboard.press('Control+Enter');
  const code = (await page.getByTestId('dossier-code').innerText()).trim();
  await page.screenshot({ path: `${SHOTS}/two-kiosks-${shot}.png` });
  await page.keyboard.press('Enter');
  return code;
}

let server: Started;
let browser: Browser;
let cable: Cable;
let kioskA: Counter;
let kioskB: Counter;
let deviceC: EnrolResponse;
let codeA = '';

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await startServer();
  cable = new Cable(new URL(server.url));
  await cable.plug();
  browser = await launchChromium();
  kioskA = await openKiosk('quay-a', 'Quầy 1 – Tiếp nhận', cable.url, DEMO_STAFF.receiving);
  kioskB = await openKiosk('quay-b', 'Quầy 8 – Trả kết quả', server.url, DEMO_STAFF.returnDesk);
  // The courier and department side (handover, result back) is pushed by a third device through the API.
  deviceC = await enrolDevice('quay-c', 'Quầy 5 – Bàn giao');
});

afterAll(async () => {
  await browser?.close();
  await kioskA?.kiosk.stop();
  await kioskB?.kiosk.stop();
  await cable?.cut();
  await server?.stop();
});

test('a dossier received at A while its network is cut reaches the server exactly once and B sees it', async () => {
  const a = kioskA.page;
  await a
    .getByTestId('sync-badge')
    .getByText(/Trực tuyến/)
    .waitFor({ timeout: 20_000 });
  expect(await badge(a)).toContain('đã gửi hết');

  await cable.cut();
  codeA = await receiveAtCounter(a, 'a-offline-accepted');
  expect(codeA).toMatch(/^000\.00\.15\.H41-\d{6}-\d{4}$/);
  // The badge counts what the outbox holds, at once: never "đã gửi hết" while an event is only here.
  const outboxPending = (await localRows<{ status: string }>(a, 'outbox')).filter((r) => r.status === 'pending').length;
  expect(outboxPending).toBeGreaterThanOrEqual(1);
  await expect.poll(() => badge(a), { timeout: 2_000 }).toContain(`${outboxPending} sự kiện chờ gửi`);
  await a
    .getByTestId('sync-badge')
    .getByText(/Mất kết nối/)
    .waitFor({ timeout: 30_000 });
  const offlineBadge = await badge(a);
  const pending = Number(/(\d+) sự kiện chờ gửi/.exec(offlineBadge)?.[1]);
  expect(pending).toBeGreaterThanOrEqual(1);
  await a.getByTestId('sync-badge').locator('button').first().click();
  await a.screenshot({ path: `${SHOTS}/two-kiosks-a-offline.png` });
  await a.getByTestId('sync-badge').locator('button').first().click();
  expect(await snapshotByCode(deviceC.credential, codeA)).toBeUndefined();

  await cable.plug();
  await a
    .getByTestId('sync-badge')
    .getByText(/Trực tuyến · đã gửi hết/)
    .waitFor({ timeout: 90_000 });
  await a.screenshot({ path: `${SHOTS}/two-kiosks-a-restored.png` });

  const snap = await snapshotByCode(deviceC.credential, codeA);
  expect(snap?.status).toBe('received');
  const trail = await api<{ events: { seq: number; event: { id: string; type: string; counterId: string } }[] }>(server.url, `/v1/dossiers/${snap!.id}/events`, deviceC.credential);
  const ids = trail.events.map((e) => e.event.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(trail.events.length).toBe(pending);
  expect(trail.events.every((e) => e.event.counterId === 'quay-a')).toBe(true);
  expect(snap!.registerNumber).toBeGreaterThan(0);

  await expect.poll(() => localDossier(kioskB.page, codeA), { timeout: 30_000 }).toMatchObject({ status: 'received' });
});

test('the result comes back and is returned at B through its return screen; A converges to it', async () => {
  const snap = (await snapshotByCode(deviceC.credential, codeA))!;
  // Courier and department steps come from a third device (quầy bàn giao), as the server sees them.
  const steps = [handedToCourier('quay-c', snap.id), deliveredToDepartment('quay-c', snap.id), resultReceived('quay-c', snap.id)];
  const pushed = await api<PushResponse>(server.url, '/v1/push', deviceC.credential, { events: steps });
  expect(pushed.results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored']);

  const b = kioskB.page;
  await expect.poll(() => localDossier(b, codeA), { timeout: 30_000 }).toMatchObject({ status: 'resultReady' });
  await b.keyboard.press('F4');
  await b.getByLabel(/Quét giấy hẹn hoặc nhập mã hồ sơ/).fill(codeA);
  await b.keyboard.press('Enter');
  await b.getByTestId('dossier-card').waitFor();
  await b.keyboard.press('Alt+T');
  await b.getByLabel('Số định danh (CCCD) của người nhận').fill('040085001234');
  await b.keyboard.press('Enter');
  await b
    .getByTestId('desk-outcome')
    .getByText(/Đã trả kết quả hồ sơ/)
    .waitFor();
  await b.screenshot({ path: `${SHOTS}/two-kiosks-b-returned.png` });

  await expect.poll(async () => (await snapshotByCode(deviceC.credential, codeA))?.status, { timeout: 30_000 }).toBe('returned');
  const trail = await api<{ events: { event: { id: string; type: string; counterId: string } }[] }>(server.url, `/v1/dossiers/${snap.id}/events`, deviceC.credential);
  const returns = trail.events.filter((e) => e.event.type === 'returned');
  expect(returns.map((e) => e.event.counterId)).toEqual(['quay-b']);
  expect(new Set(trail.events.map((e) => e.event.id)).size).toBe(trail.events.length);
  await expect.poll(() => localDossier(kioskA.page, codeA), { timeout: 30_000 }).toMatchObject({ status: 'returned' });
});

test('a dossier returned at two desks while both were offline is flagged, and a supervisor resolves it in the app', async () => {
  const deviceD = await enrolDevice('quay-d', 'Quầy 9 – Trả kết quả');
  const dossierId = crypto.randomUUID();
  const code = `000.00.15.H41-260112-${String(9000 + 50 * (deviceC.counterIndex - 1)).padStart(4, '0')}`;
  const history = [received('quay-c', code, dossierId), handedToCourier('quay-c', dossierId), deliveredToDepartment('quay-c', dossierId), resultReceived('quay-c', dossierId)];
  await api<PushResponse>(server.url, '/v1/push', deviceC.credential, { events: history });
  const first = await api<PushResponse>(server.url, '/v1/push', deviceC.credential, { events: [returned('quay-c', dossierId)] });
  const staff = await api<{ staff: { id: string; username: string }[] }>(server.url, '/v1/staff?after=0', deviceD.credential);
  const officerId = staff.staff.find((s) => s.username === DEMO_STAFF.returnDesk.username)!.id;
  const second = await api<PushResponse>(server.url, '/v1/push', deviceD.credential, { events: [{ ...returned('quay-d', dossierId, 'Nguyễn Thị Hoa'), officerId }] });
  expect(first.results[0]!.status).toBe('stored');
  expect(second.results[0]!.status).toBe('conflict');

  const b = kioskB.page;
  await b.getByRole('button', { name: 'Đăng xuất' }).click();
  await signInAs(b, DEMO_STAFF.supervisor);
  await b.keyboard.press('F6');
  const panel = b.getByRole('region', { name: 'Xung đột chờ xử lý' });
  const row = panel.getByRole('row', { name: new RegExp(code.replace(/\./g, '\\.')) });
  await row.waitFor({ timeout: 20_000 });
  const text = await row.innerText();
  expect(text).toContain('Quầy 9 – Trả kết quả');
  expect(text).not.toContain('quay-d');
  expect(text).toContain('Trả kết quả');
  expect(text).toContain(DEMO_STAFF.returnDesk.fullName);
  await panel.scrollIntoViewIfNeeded();
  await b.screenshot({ path: `${SHOTS}/two-kiosks-conflicts.png` });

  await row.getByRole('button', { name: /Xử lý/ }).click();
  const note = b.getByLabel('Ghi chú xử lý');
  await expect.poll(() => note.evaluate((el) => el === document.activeElement), { timeout: 10_000 }).toBe(true);
  await b.keyboard.press('Enter');
  await b.getByText('Hãy ghi rõ cách đã xử lý xung đột (ít nhất 10 ký tự).').waitFor();
  await note.fill('Đã gọi công dân: kết quả trả tại quầy 8, quầy 9 nhập nhầm hồ sơ.');
  await b.screenshot({ path: `${SHOTS}/two-kiosks-conflict-note.png` });
  await b.keyboard.press('Enter');
  await panel.getByText(/Đã xử lý xung đột của hồ sơ/).waitFor();
  await expect.poll(() => row.count()).toBe(0);
  await b.screenshot({ path: `${SHOTS}/two-kiosks-conflict-resolved.png` });

  const resolved = await api<{ conflicts: ConflictRecord[] }>(server.url, '/v1/conflicts?status=resolved', await adminToken(server.url));
  const record = resolved.conflicts.find((c) => c.dossierId === dossierId);
  expect(record?.resolutionNote).toContain('quầy 9 nhập nhầm');
  await expect.poll(() => localDossier(b, code), { timeout: 30_000 }).toMatchObject({ openConflicts: 0 });
});
