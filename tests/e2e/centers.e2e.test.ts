// Two centers of one province on one server: a counter at commune A receives a driving-licence
// renewal across boundaries (on A's phi-địa-giới list) for the citizen to collect at ward B; the
// provincial police resolve it and send the result back to A, whose handover desk takes it in; B's
// return desk refuses it while it is held at A; A forwards it in a batch «Kết quả giải quyết»
// between centers, B's handover desk scans it in, and the return desk at B, whose counter never
// receives A's other dossiers, returns it. Real server, two kiosk web hosts, Chromium, virtual printers.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { renderThermalNode } from '../../electron/services/printing/nodeCanvas';
import { startVirtualPrinter, type VirtualPrinter } from '../../electron/services/printing/virtualPrinter';
import type { MonoRaster, PrintDocument } from '../../shared/documents';
import { officialHeader } from '../../shared/documents/forms';
import { PROVINCIAL_RECEIVE } from '../../renderer/testing/centers';
import type { DossierState } from '../../shared/domain';
import type { DossierLookupResponse } from '../../shared/sync/protocol';
import { adminToken, type Counter, DEMO_STAFF, hostCall, localRow, localRows, openCounter, openReceivingCounter, pickProcedure, signInAs, typeText, waitForLocalRows } from './app';
import { launchChromium } from './chromium';
import { decodeSymbol } from '../printing/decode';
import { scan } from './scanner';
import { typeTelex } from './typist';
import { startServer, type Started } from './processes';
import { api, enrolPusher, type Pusher } from './seed';

const SHOTS = 'test-artifacts/e2e';
const XA_A = { id: 'XA-A', agencyCode: '000.22.41.H41', name: 'Trung tâm Phục vụ hành chính công xã Diễn Châu', level: 'xa', address: 'Khối 2, xã Diễn Châu, tỉnh Nghệ An' };
const XA_B = { id: 'XA-B', agencyCode: '000.23.41.H41', name: 'Trung tâm Phục vụ hành chính công phường Vinh Hưng', level: 'xa' };

let server: Started;
let browser: Browser;
let printerA: VirtualPrinter;
let printerB: VirtualPrinter;
let atA: Counter;
let atB: Counter;
let postA: Pusher;

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/centers-${name}.png` });
/** The dossier as the server holds it, read with commune A's handover desk's credential. */
const onServer = async (code: string) => (await api<DossierLookupResponse>(server.url, `/v1/dossiers?code=${encodeURIComponent(code)}`, postA.device.credential)).dossiers[0];

/** Opens the dossier on the return desk (F4) by its code, as staff type it. */
async function openAtReturnDesk(page: Page, code: string): Promise<void> {
  await page.keyboard.press('F4');
  const search = page.getByLabel(/Quét giấy hẹn hoặc nhập mã hồ sơ/).first();
  await search.fill(code);
  await search.press('Enter');
  await expect.poll(() => page.getByTestId('dossier-card').locator('h2').innerText()).toBe(code);
}

/**
 * How unlike the top of a printed raster is a drawing as tall as `top` (one paper width): the black dots
 * of either with no black dot of the other within a dot's reach. The kiosk's canvas and Node's ink a
 * glyph's edge a little differently; other words leave whole strokes unmatched.
 */
function unmatchedDots(printed: MonoRaster, top: MonoRaster): number {
  expect(printed.widthDots).toBe(top.widthDots);
  const stride = Math.ceil(top.widthDots / 8);
  // Down to the drawing's last inked row (its rule): below it the slip goes on with its next line.
  let rows = top.heightDots;
  while (rows > 0 && top.bits.subarray((rows - 1) * stride, rows * stride).every((b) => b === 0)) rows--;
  const black = (r: MonoRaster, x: number, y: number) => x >= 0 && y >= 0 && x < r.widthDots && y < rows && (r.bits[y * stride + (x >> 3)]! & (0x80 >> (x & 7))) !== 0;
  const near = (r: MonoRaster, x: number, y: number) => [-1, 0, 1].some((dy) => [-1, 0, 1].some((dx) => black(r, x + dx, y + dy)));
  let n = 0;
  for (let y = 0; y < rows; y++)
    for (let x = 0; x < top.widthDots; x++) {
      if (black(printed, x, y) && !near(top, x, y)) n++;
      if (black(top, x, y) && !near(printed, x, y)) n++;
    }
  return n;
}

async function put(path: string, body: unknown): Promise<void> {
  const response = await fetch(new URL(path, server.url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await adminToken(server.url)}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  printerA = await startVirtualPrinter({ outDir: 'test-artifacts/e2e/centers-printer-a' });
  printerB = await startVirtualPrinter({ outDir: 'test-artifacts/e2e/centers-printer-b' });
  server = await startServer();
  for (const { id, ...center } of [XA_A, XA_B]) await put(`/v1/admin/centers/${id}`, center);
  // The provincial Center names itself in the province's setting; a commune center's counters print their own center's name and address in its place.
  const token = await adminToken(server.url);
  const stored = (await (await fetch(new URL('/v1/admin/settings/receive', server.url), { headers: { authorization: `Bearer ${token}` } })).json()) as { body: Record<string, unknown> | null };
  await put('/v1/admin/catalogue/setting/receive', { body: { ...stored.body, ...PROVINCIAL_RECEIVE } });
  // Commune A receives the licence renewal whatever the applicant's residence (QĐ 2463/QĐ-UBND lists such procedures).
  await put(`/v1/admin/centers/${XA_A.id}/catalogue/setting/scope`, { body: { phiDiaGioi: ['3.000348'] } });
  browser = await launchChromium();
  atA = await openReceivingCounter(browser, server, printerA, { counterId: 'xa-a-1', counterName: 'Quầy 1 – xã Diễn Châu', center: XA_A.id, viewport: { width: 1366, height: 768 } });
  // Commune A's handover desk, pushing what the post and the department do.
  postA = await enrolPusher(server.url, 'xa-a-9', 'Quầy 9 – xã Diễn Châu', XA_A.id);
});

afterAll(async () => {
  await browser?.close();
  await atA?.kiosk.stop();
  await atB?.kiosk.stop();
  await server?.stop();
  await printerA?.stop();
  await printerB?.stop();
});

test('received across boundaries at commune A, resolved by the provincial police, returned at ward B', async () => {
  const { page } = atA;
  // The header names the commune's center, not «Trung tâm Phục vụ Hành chính công» of any center.
  await expect.poll(() => page.getByTestId('center-name').locator('strong').innerText()).toBe(XA_A.name);
  await pickProcedure(page, 'cap lai giay phep lai xe', 'Cấp lại giấy phép lái xe');
  // The citizen's card read by the scanner fills all but the phone, and the officer lands there to type it.
  await scan(page, '040085001234||Phan Văn Đức|01011985|Nam|Khối 3, phường Vinh Hưng, tỉnh Nghệ An|04102024||||', { gapMs: 2 });
  await page
    .getByTestId('card-reading')
    .getByText(/Đã điền số định danh, họ và tên, địa chỉ từ thẻ căn cước: Phan Văn Đức/)
    .waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('applicant-phone');
  await typeText(page, '0912 345 678');
  expect(await page.getByLabel('Số CCCD / CMND / hộ chiếu').inputValue()).toBe('040085001234');
  expect(await page.getByLabel('Số điện thoại').inputValue()).toBe('0912 345 678');
  await shot(page, '0-applicant-card');
  await page.keyboard.press('Enter');
  // Every paper ticked at the keyboard: Space ticks, ↓ goes to the next paper's box, Enter continues.
  const boxes = page.getByRole('checkbox', { name: /^Đã nhận:/ });
  await boxes.first().waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^Đã nhận:/);
  const papers = await boxes.count();
  for (let i = 0; i < papers; i++) {
    await page.keyboard.press('Space');
    if (i < papers - 1) await page.keyboard.press('ArrowDown');
  }
  for (let i = 0; i < papers; i++) expect(await boxes.nth(i).isChecked()).toBe(true);
  await shot(page, '0-documents');
  await page.keyboard.press('Enter');

  // Step 4 asks where the citizen collects the result: ward B, by post to the police.
  const route = page.getByTestId('route');
  await route.waitFor({ timeout: 30_000 });
  expect(await route.innerText()).toContain('Nghị định 309/2026/NĐ-CP');
  // No center is taken for the applicant: Enter with none chosen stops at the list, which says why.
  await page.keyboard.press('Enter');
  expect(await page.locator('#route-return-error').innerText()).toMatch(/^Hồ sơ phi địa giới: hãy hỏi người nộp muốn nhận kết quả tại trung tâm nào/);
  await shot(page, '1-route-unchosen');
  // The officer lands in the search: among a province's centers, all «Trung tâm Phục vụ hành chính công …»,
  // ward B is found typed without diacritics; Enter takes it and Enter again continues.
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('route-search');
  await typeTelex(page, 'vinh hung', { gapMs: 40, delivery: 'packet' });
  await page.getByTestId('route-found').getByText(`1 trung tâm; Enter để chọn: ${XA_B.name}`).waitFor();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('#route-return').inputValue()).toBe(XA_B.agencyCode);
  await expect.poll(() => page.locator('#route-return-error').count()).toBe(0);
  await route.scrollIntoViewIfNeeded();
  await shot(page, '1-route');
  await page.keyboard.press('Enter');

  const summary = page.getByTestId('route-summary');
  await summary.waitFor();
  expect(await summary.innerText()).toMatch(/qua dịch vụ bưu chính công ích; thời gian giải quyết tính từ khi cơ quan đó nhận hồ sơ/);
  expect(await page.getByTestId('appointment').innerText()).toMatch(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4} \(dự kiến\)$/);
  await page.getByTestId('lease-remaining').waitFor({ timeout: 20_000 });
  await shot(page, '2-confirm');
  const jobsBefore = printerA.jobs.length;
  await page.keyboard.press('Control+Enter');
  const code = await page.getByTestId('dossier-code').innerText({ timeout: 20_000 });
  expect(code.startsWith(`${XA_A.agencyCode}-`)).toBe(true);
  // What the officer tells the citizen, as the slip says it: where, and that the date is expected.
  expect(await page.getByTestId('collect-at').innerText()).toBe(`Trung tâm trả kết quả: ${XA_B.name}`);
  // Its slip has no numeric key (ward B's table would read it as its own code), so the screen shows none either.
  expect(await page.getByTestId('barcode-key').count()).toBe(0);
  expect(await page.locator('.done .due').first().innerText()).toMatch(/\(dự kiến, tính lại khi cơ quan có thẩm quyền nhận hồ sơ\)$/);
  await printerA.waitForJobs(jobsBefore + 2);
  await shot(page, '3-accepted');

  // The slip names commune A, not the provincial Center: its committee and name in the header, its address for the citizen.
  const slipJob = (await localRows<{ document: PrintDocument; createdAt: number }>(page, 'printQueue'))
    .filter((j) => j.document.kind === 'appointmentSlip')
    .sort((x, y) => y.createdAt - x.createdAt)[0]!;
  const header = slipJob.document.blocks.find((b) => b.type === 'header');
  expect(header && header.type === 'header' && header.left).toEqual(['UBND XÃ DIỄN CHÂU', 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG']);
  const printed = JSON.stringify(slipJob.document);
  expect(printed).toContain(XA_A.address);
  expect(printed).not.toContain(PROVINCIAL_RECEIVE.address);
  expect(printed).not.toContain('TỈNH NGHỆ AN');
  // And the paper says so: the top of what the printer printed is commune A's header as Node draws it, not the provincial Center's.
  const slip = printerA.jobs[jobsBefore]!;
  const headerOnly = (agency: { parent: string; name: string }) => renderThermalNode({ ...slipJob.document, blocks: [officialHeader(agency)] }, '80mm');
  const likeCommune = unmatchedDots(slip.raster, headerOnly({ parent: 'UBND xã Diễn Châu', name: 'Trung tâm Phục vụ hành chính công' }));
  const likeProvince = unmatchedDots(slip.raster, headerOnly(PROVINCIAL_RECEIVE.agency));
  expect(likeCommune).toBeLessThan(likeProvince / 10);

  // The route is a fact of the dossier, on the counter and, once pushed, on the server.
  const local = await localRow<{ id: string; state: DossierState }>(page, 'dossiers', code, 'code');
  expect(local?.state.route).toEqual({ receivingCenter: XA_A.agencyCode, transfer: 'courier', returnCenter: XA_B.agencyCode });
  const dossierId = local!.id;
  await expect
    .poll(async () => (await fetch(new URL(`/v1/dossiers?code=${encodeURIComponent(code)}`, server.url), { headers: { authorization: `Bearer ${postA.device.credential}` } })).status, {
      timeout: 30_000,
    })
    .toBe(200);

  // Commune A also receives a dossier of its own, which ward B must never receive.
  const own = crypto.randomUUID();
  const ownCode = await postA.nextCode(new Date());
  const dept = postA.departments[0]!.id;
  const receivedAt = new Date();
  const pushed = await postA.push([
    postA.event('received', own, {
      code: ownCode,
      procedureCode: '1.000426',
      procedureName: 'Cấp thẻ tư vấn viên pháp luật',
      departmentId: dept,
      applicant: { kind: 'individual', name: 'Hồ Thị Lam', idNumber: '040190012349', phone: '0912000555' },
      documents: [{ name: 'Đơn đề nghị', originals: 1, certifiedCopies: 0, copies: 0 }],
      sets: 1,
      processingDays: 5,
      receivedAt: receivedAt.toISOString(),
      dueAt: new Date(receivedAt.getTime() + 7 * 86_400_000).toISOString(),
      collection: { method: 'desk' },
      fees: [],
    }),
    // The post carries the licence renewal to the police, who sign for it: its time runs from there.
    postA.event('handedToCourier', dossierId, { batchId: 'BG-DC-01', direction: 'toDepartment', courierName: 'Bưu điện Diễn Châu', departmentId: 'cong-an-tinh' }),
    postA.event('deliveredToDepartment', dossierId, { batchId: 'BG-DC-01', at: new Date().toISOString(), dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }),
  ]);
  expect(pushed.results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored']);

  // Commune A's handover desk takes the police's result in from the post's bag: it is held at A now.
  await hostCall(page, 'settings.update', [
    { printers: [{ id: 'vp', name: 'Máy in quầy 1 – xã Diễn Châu', transport: 'network', address: printerA.address, paper: '80mm', roles: ['slip', 'receipt', 'form', 'handover'], copies: {} }] },
  ]);
  await page.reload();
  await page.getByTestId('counter-identity').waitFor();
  await page.keyboard.press('F3');
  await page.keyboard.press('Alt+3');
  await page.locator('#in-department').selectOption(local!.state.departmentId!);
  await page.locator('#in-courier').fill('Bưu điện Diễn Châu');
  await page.locator('#in-courier').press('Enter');
  await page.getByTestId('open-inbound-batch').waitFor();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await scan(page, code);
  await page.getByTestId('inbound-count').getByText('1 hồ sơ').waitFor();
  expect(await page.getByTestId('scan-feedback').innerText()).toContain(`Đã nhận kết quả ${code}`);
  let jobsA = printerA.jobs.length;
  await page.keyboard.press('Control+Enter');
  await page.getByTestId('inbound-closed-summary').waitFor();
  await printerA.waitForJobs(jobsA + 1);
  expect((await localRow<{ state: DossierState }>(page, 'dossiers', code, 'code'))?.state).toMatchObject({ status: 'resultReady', heldAt: XA_A.agencyCode });
  await shot(page, '4-inbound-at-a');

  // Ward B's return desk: it receives the dossier returned here for commune A, and nothing else of A's.
  atB = await openCounter(browser, server, { counterId: 'xa-b-1', counterName: 'Quầy 1 – phường Vinh Hưng', user: DEMO_STAFF.returnDesk, center: XA_B.id });
  await hostCall(atB.page, 'settings.update', [
    { printers: [{ id: 'vp', name: 'Máy in quầy trả kết quả', transport: 'network', address: printerB.address, paper: '80mm', roles: ['slip', 'receipt', 'form', 'handover'], copies: {} }] },
  ]);
  await atB.page.setViewportSize({ width: 1366, height: 768 });
  await atB.page.reload();
  await atB.page.getByTestId('counter-identity').waitFor();
  await expect.poll(async () => (await onServer(code))?.snapshot.status, { timeout: 30_000 }).toBe('resultReady');
  /** Ward B's counter holds the dossier in a state that `matches`, synced within a minute. */
  const seenAtB = (matches: (state: DossierState) => boolean, failure: string) =>
    waitForLocalRows<{ code: string; state: DossierState }>(atB.page, 'dossiers', (rows) => rows.some((r) => r.code === code && matches(r.state)), 60_000, failure);
  await seenAtB((s) => s.status === 'resultReady' && s.heldAt === XA_A.agencyCode, 'ward B did not receive the result taken in at commune A in 60 s');
  expect((await localRows<{ code: string }>(atB.page, 'dossiers')).map((r) => r.code)).toEqual([code]);
  // The server took commune A's counter's fact as recorded, without a conflict.
  const lookedUp = (await onServer(code))!;
  expect(lookedUp.events.at(-1)).toMatchObject({ event: { type: 'resultReceived', counterId: 'xa-a-1', payload: { atCenter: XA_A.agencyCode } } });
  expect(lookedUp.events.every((e) => !e.conflict)).toBe(true);

  // B's return desk: the result is at commune A, so it is not among the results waiting here, cannot be
  // returned here yet, and the desk says where it is.
  await atB.page.keyboard.press('F4');
  await atB.page.getByText('Không có kết quả nào đang chờ trả.').waitFor();
  await openAtReturnDesk(atB.page, code);
  const refusal = atB.page.getByTestId('held-elsewhere');
  await refusal.waitFor();
  // The centers' names are read live: on a loaded machine the counter's catalogue may still be arriving.
  await expect.poll(() => refusal.innerText(), { timeout: 30_000 }).toContain(`đang ở ${XA_A.name}, chưa ở trung tâm này: không trả kết quả tại đây`);
  expect(await refusal.innerText()).toContain('lô chuyển giữa các trung tâm');
  await expect.poll(() => atB.page.getByTestId('dossier-held').innerText()).toBe(`Kết quả đang ở ${XA_A.name}`);
  expect(
    await atB.page
      .getByTestId('dossier-card')
      .getByRole('button', { name: /^Trả kết quả/ })
      .count(),
  ).toBe(0);
  await atB.page.keyboard.press('Alt+T');
  expect(await atB.page.getByLabel('Số định danh (CCCD) của người nhận').count()).toBe(0);
  await refusal.scrollIntoViewIfNeeded();
  await shot(atB.page, '5-return-desk-refuses');

  // Commune A forwards the result to ward B in a batch «Kết quả giải quyết» between centers.
  await page.keyboard.press('Alt+1');
  await page.locator('#out-department').selectOption({ label: 'Trung tâm khác (hồ sơ phi địa giới)' });
  // Typed at Unikey speed into the center's search and the courier's name: typing, never taken for a scan.
  await page.locator('#out-center-search').focus();
  await typeTelex(page, 'vinh hung', { gapMs: 40, delivery: 'packet' });
  expect(await page.locator('#out-center-search').inputValue()).toBe('vinh hung');
  await expect.poll(() => page.locator('#out-center').inputValue()).toBe(XA_B.agencyCode);
  expect(await page.locator('#out-center option').allInnerTexts()).not.toContain(XA_A.name);
  await page.getByRole('radio', { name: /Kết quả giải quyết/ }).check();
  await page.locator('#out-courier').focus();
  await typeTelex(page, 'Nguyeenx Vawn Taam', { gapMs: 40, delivery: 'packet' });
  expect(await page.locator('#out-courier').inputValue()).toBe('Nguyễn Văn Tâm');
  await shot(page, '7-open-center-batch');
  await page.locator('#out-courier').press('Enter');
  const head = page.getByTestId('open-batch');
  await head.waitFor();
  expect(await head.innerText()).toContain(`Kết quả giải quyết chuyển đến ${XA_B.name}`);
  const centerBatch = await page.getByTestId('batch-code').innerText();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await scan(page, code);
  await page.getByTestId('batch-count').getByText('1 hồ sơ').waitFor();
  expect(await page.getByTestId('scan-feedback').innerText()).toContain(`Đã thêm ${code}`);
  await shot(page, '8-center-batch');
  jobsA = printerA.jobs.length;
  await page.keyboard.press('Control+Enter');
  await page.getByTestId('closed-summary').waitFor();
  expect(await page.getByTestId('closed-summary').innerText()).toContain(`Đã đóng lô ${centerBatch}: giao 1 hồ sơ cho bưu điện chuyển sang trung tâm khác`);
  await printerA.waitForJobs(jobsA + 1);
  // The handover record, as printed on A's roll: its QR names the batch; its text names both centers (looked at: centers-printer-a).
  const record = printerA.jobs.at(-1)!;
  expect(decodeSymbol(record.png, 'QR_CODE')).toBe(centerBatch);
  await writeFile(`${SHOTS}/centers-9-record-a.png`, record.png);
  await shot(page, '9-center-batch-closed');
  expect((await localRow<{ state: DossierState }>(page, 'dossiers', code, 'code'))?.state).toMatchObject({ status: 'resultInTransit', boundFor: XA_B.agencyCode, currentBatchId: centerBatch });

  // Ward B scans the batch in off the post's bag: the result is held at B now.
  await seenAtB((s) => s.status === 'resultInTransit' && s.boundFor === XA_B.agencyCode, 'ward B did not see the batch from commune A in 60 s');
  await atB.page.keyboard.press('F3');
  await atB.page.keyboard.press('Alt+3');
  await atB.page.locator('#in-department').selectOption({ label: 'Trung tâm khác (hồ sơ phi địa giới)' });
  await atB.page.locator('#in-center-search').focus();
  await typeTelex(atB.page, 'dien chau', { gapMs: 40, delivery: 'packet' });
  await expect.poll(() => atB.page.locator('#in-center').inputValue()).toBe(XA_A.agencyCode);
  await atB.page.locator('#in-courier').fill('Bưu điện Vinh');
  await atB.page.locator('#in-courier').press('Enter');
  await atB.page.getByTestId('open-inbound-batch').waitFor();
  expect(await atB.page.getByTestId('open-inbound-batch').innerText()).toContain(`Lô từ ${XA_A.name}`);
  await atB.page.locator('body').click({ position: { x: 5, y: 5 } });
  await scan(atB.page, code);
  await atB.page.getByTestId('inbound-count').getByText('1 hồ sơ').waitFor();
  expect(await atB.page.getByTestId('scan-feedback').innerText()).toContain(`Đã nhận kết quả giải quyết ${code}`);
  await shot(atB.page, '10-center-batch-in-at-b');
  const jobsB = printerB.jobs.length;
  await atB.page.keyboard.press('Control+Enter');
  await atB.page.getByTestId('inbound-closed-summary').waitFor();
  await printerB.waitForJobs(jobsB + 1);
  expect(decodeSymbol(printerB.jobs.at(-1)!.png, 'QR_CODE')).toMatch(/^BG-/);
  await writeFile(`${SHOTS}/centers-10-record-b.png`, printerB.jobs.at(-1)!.png);
  await expect.poll(async () => (await onServer(code))?.snapshot.status, { timeout: 30_000 }).toBe('resultReady');
  const forwarded = (await onServer(code))!;
  expect(forwarded.events.slice(-2).map((e) => [e.event.type, e.event.counterId])).toEqual([
    ['sentToCenter', 'xa-a-1'],
    ['arrivedAtCenter', 'xa-b-1'],
  ]);
  expect(forwarded.events.every((e) => !e.conflict)).toBe(true);

  // Now it waits at B's desk.
  await atB.page.keyboard.press('F4');
  await atB.page.getByTestId('waiting-results').getByText(code).waitFor();
  await openAtReturnDesk(atB.page, code);
  await expect.poll(() => atB.page.getByTestId('dossier-route').innerText()).toBe(`Tiếp nhận tại ${XA_A.name}, chuyển qua dịch vụ bưu chính công ích; trả kết quả tại ${XA_B.name}`);
  await expect.poll(() => atB.page.getByTestId('dossier-held').innerText()).toBe(`Kết quả đang ở ${XA_B.name}`);
  // The history names the centers the batch went between.
  expect(await atB.page.getByTestId('dossier-card').locator('.dossier-history').innerText()).toContain(
    `Chuyển kết quả giải quyết từ ${XA_A.name} sang ${XA_B.name} qua bưu điện (Nguyễn Văn Tâm), lô ${centerBatch}.`,
  );
  await shot(atB.page, '11-return-desk');
  await atB.page.keyboard.press('Alt+T');
  await atB.page.getByLabel('Số định danh (CCCD) của người nhận').fill('040085001234');
  await atB.page.keyboard.press('Enter');
  await atB.page
    .getByTestId('desk-outcome')
    .getByText(/Đã trả kết quả hồ sơ .* cho Phan Văn Đức/)
    .waitFor({ timeout: 20_000 });
  await shot(atB.page, '12-returned');

  // The return reaches the server, and commune A's counter sees its dossier returned at ward B.
  await expect.poll(async () => (await onServer(code))?.snapshot.status, { timeout: 30_000 }).toBe('returned');
  await waitForLocalRows<{ code: string; status: string }>(
    page,
    'dossiers',
    (rows) => rows.some((r) => r.code === code && r.status === 'returned'),
    60_000,
    'commune A did not see the return in 60 s',
  );
  expect((await localRows<{ code: string }>(atB.page, 'dossiers')).map((r) => r.code)).toEqual([code]);
});

test('the province’s view: a provincial supervisor sees each center and the province, today and for the period, and exports it', async () => {
  const { page } = atB;
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  // The sign-in screen says whose counter this is: an account of another center is refused here.
  expect(await page.getByTestId('signin-center').innerText()).toBe(XA_B.name);
  await page.screenshot({ path: `${SHOTS}/centers-6-signin.png` });
  await signInAs(page, DEMO_STAFF.supervisor);
  await page.keyboard.press('F6');
  await page.getByRole('tab', { name: /Báo cáo, sổ theo dõi/ }).click();
  await page.getByRole('button', { name: /Lập báo cáo/ }).click();
  const today = page.getByTestId('province-today');
  await today.waitFor({ timeout: 20_000 });
  // Commune A received two today (the one returned at ward B counts at A, early); one of them still waits.
  const rowOf = (name: string) => today.locator('tbody tr', { hasText: name }).innerText();
  expect((await rowOf(XA_A.name)).split('\t').slice(1)).toEqual(['2', '1', '0', '0', '100,0%', '0 (0,0%)', '1']);
  expect((await rowOf(XA_B.name)).split('\t').slice(1)).toEqual(['0', '0', '0', '0', '—', '0 (—)', '0']);
  expect(await today.locator('tr.total').innerText()).toMatch(/^Toàn tỉnh\t2\t1\t0\t0/);
  await page.getByTestId('province-view').scrollIntoViewIfNeeded();
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.getByTestId('province-view').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/centers-6-province-${width}.png` });
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Xuất số liệu toàn tỉnh/ }).click()]);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv).toContain(`"${XA_A.name}","${XA_A.agencyCode}","Xã",2,1,0,0,"100,0",0,"0,0",1`);
  expect(csv).toContain('"Toàn tỉnh"');
});
