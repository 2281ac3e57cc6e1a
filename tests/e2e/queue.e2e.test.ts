// The hall's queue end to end, in Chromium against the real processes: the receiving counter's
// machine is the one designated to run the queue (--queue-port). A citizen takes a number at the
// entrance kiosk page (the ticket printed on the virtual printer, checked dot for dot), the counter
// calls it with Alt+Q, the hall page shows it and says it aloud from the recorded clips, the
// officer receives a dossier and finishes, the citizen rates on the paired screen, and a supervisor
// sees it in the reports. Then all again with the central server stopped. Last, a counter whose
// queue machine does not answer says so and its desk keeps working.
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderThermalNode } from '../../electron/services/printing/nodeCanvas';
import { startVirtualPrinter, type VirtualPrinter } from '../../electron/services/printing/virtualPrinter';
import { queueTicket } from '../../shared/documents/queueTicket';
import type { DeviceCredential } from '../../shared/host';
import { callAnnouncement } from '../../shared/queue/words';
import { DEMO_STAFF, hostCall, openReceivingCounter, pickProcedure, receiveDossier, signInAs, type Counter } from './app';
import { launchChromium } from './chromium';
import { startServer, type Started } from './processes';

const SHOTS = 'test-artifacts/e2e';
let server: Started;
let browser: Browser;
let counter: Counter;
let printer: VirtualPrinter;
let queueUrl: string;
let counterNumber: number;
let kioskPage: Page;
let hallPage: Page;
let ratingPage: Page;

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/queue-${name}.png` });

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  printer = await startVirtualPrinter({ outDir: 'test-artifacts/e2e/queue-printer' });
  server = await startServer();
  // The hall's TV plays the clips without anyone touching it first.
  browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  counter = await openReceivingCounter(browser, server, printer, { counterId: 'quay-1', counterName: 'Quầy 1 – Tiếp nhận', hostArgs: ['--queue-port', '0', '--queue-bind', '127.0.0.1'] });
  queueUrl = counter.kiosk.queueUrl!;
  counterNumber = ((await hostCall(counter.page, 'device.credential', [])) as DeviceCredential).counterIndex;
  // This machine's roll printer also prints the entrance kiosk's tickets; the counter serves two lines.
  const printers = [{ id: 'vp', name: 'Máy in phiếu', transport: 'network', address: printer.address, paper: '80mm', roles: ['slip', 'receipt', 'form', 'ticket'], copies: {} }];
  await hostCall(counter.page, 'settings.update', [{ printers, queue: { url: queueUrl, lines: ['dn', 'kq'] } }]);
  await counter.page.setViewportSize({ width: 1366, height: 768 });
  await counter.page.reload();
  await counter.page.getByTestId('queue-panel').waitFor({ timeout: 30_000 });

  kioskPage = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await kioskPage.goto(new URL('/lay-so', queueUrl).href);
  hallPage = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await hallPage.goto(new URL('/man-hinh', queueUrl).href);
  ratingPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await ratingPage.goto(new URL('/danh-gia', queueUrl).href);
  for (const p of [kioskPage, hallPage, ratingPage]) p.on('pageerror', (e) => console.error(`queue page error: ${e.message}`));
});

afterAll(async () => {
  await browser?.close();
  await counter?.kiosk.stop();
  await server?.stop();
  await printer?.stop();
});

/** The citizen touches the line's button; the kiosk shows the number and the ticket prints. */
async function takeTicket(lineName: RegExp, tag: string): Promise<number> {
  const jobs = printer.jobs.length;
  await kioskPage.getByRole('button', { name: lineName }).click();
  const number = Number(await kioskPage.getByTestId('ticket-number').innerText());
  await kioskPage.getByText('Mời nhận phiếu ở khe máy in.').waitFor();
  await shot(kioskPage, `${tag}-kiosk-1080x1920`);
  await printer.waitForJobs(jobs + 1);
  await kioskPage.getByRole('button', { name: 'Xong' }).click();
  return number;
}

/** The printed ticket is the ticket document for what the service recorded, dot for dot. */
async function checkPrintedTicket(number: number, issuedAt: string, waitingAhead: number) {
  const job = printer.jobs.at(-1)!;
  const expected = renderThermalNode(
    queueTicket({ center: ['TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG', 'TỈNH NGHỆ AN'], number, lineName: 'Doanh nghiệp, đầu tư, kinh doanh', deskLabel: 'Nộp hồ sơ', issuedAt, waitingAhead }),
    '80mm',
  );
  expect(job.raster.widthDots).toBe(expected.widthDots);
  expect(job.raster.heightDots).toBe(expected.heightDots);
  expect(Buffer.from(job.raster.bits).equals(Buffer.from(expected.bits))).toBe(true);
}

async function counterView() {
  const response = await fetch(new URL(`/api/counters/${counterNumber}?lines=dn,kq`, queueUrl));
  return (await response.json()) as { current?: { number: number; issuedAt: string }; pairingCode: string };
}

/** Alt+Q at the counter; the hall shows the number at this counter and says the call, clip by clip. */
async function callAndHear(number: number, tag: string) {
  const page = counter.page;
  const heard = await hallPage.evaluate(() => (window as unknown as { hallPlayed: string[] }).hallPlayed.length);
  await page.keyboard.press('Alt+Q');
  await page.getByTestId('queue-current').getByText(String(number)).waitFor();
  await hallPage.getByTestId(`serving-${counterNumber}`).getByText(String(number)).waitFor();
  const call = callAnnouncement(number, counterNumber);
  expect(await hallPage.getByTestId('latest-call').innerText()).toBe(call.text);
  await expect.poll(() => hallPage.evaluate((from) => (window as unknown as { hallPlayed: string[] }).hallPlayed.slice(from), heard), { timeout: 20_000 }).toEqual(call.clips);
  await shot(page, `${tag}-counter-called-1366x768`);
  await shot(hallPage, `${tag}-hall-1920x1080`);
}

/** «Xong» at the counter; the paired citizen screen asks, the citizen rates. */
async function serveAndRate(number: number, level: 'Rất hài lòng' | 'Chưa hài lòng', reason: string, tag: string) {
  await counter.page.getByRole('button', { name: 'Xong', exact: true }).click();
  await counter.page.getByText(`Đã phục vụ xong số ${number}`).waitFor();
  await ratingPage.getByText(`Quầy ${counterNumber} · số ${number}`).waitFor({ timeout: 10_000 });
  expect(await ratingPage.getByText(/có hài lòng với việc phục vụ của cán bộ/).innerText()).toContain(DEMO_STAFF.receiving.fullName);
  await ratingPage.getByLabel('Góp ý thêm (không bắt buộc)').fill(reason);
  await shot(ratingPage, `${tag}-rating-1280x800`);
  await ratingPage.getByRole('button', { name: level, exact: true }).click();
  await ratingPage.getByText('Cảm ơn ông/bà đã đánh giá!').waitFor();
}

/** A supervisor's report on this counter: the ratings by officer and the times by field. */
async function report(tag: string) {
  const page = counter.page;
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await signInAs(page, DEMO_STAFF.supervisor);
  await page.keyboard.press('F6');
  await page.getByRole('tab', { name: /Báo cáo, sổ theo dõi/ }).click();
  await page.getByRole('button', { name: /Lập báo cáo/ }).click();
  await page.getByTestId('ratings-by-officer').waitFor();
  const section = page.getByRole('region', { name: 'Hàng chờ và đánh giá' });
  await section.scrollIntoViewIfNeeded();
  await shot(page, `${tag}-report-1366x768`);
  const result = {
    officer: await page.getByTestId('ratings-by-officer').locator('tbody tr').first().innerText(),
    line: await page.getByTestId('queue-by-line').locator('tbody tr').first().innerText(),
    counter: await page.getByTestId('queue-by-counter').locator('tbody tr').first().innerText(),
  };
  // The supervisor reads this counter's queue setting (an administrator changes it).
  await page.keyboard.press('F9');
  const lines = page.getByRole('group', { name: `Các hàng chờ quầy ${counterNumber} phục vụ` });
  await lines.getByRole('checkbox', { name: /Doanh nghiệp, đầu tư, kinh doanh/ }).waitFor();
  expect(await lines.getByRole('checkbox', { checked: true }).count()).toBe(2);
  await lines.scrollIntoViewIfNeeded();
  await shot(page, `${tag}-settings-1366x768`);
  await page.keyboard.press('F6');
  await page.getByRole('tab', { name: /Báo cáo, sổ theo dõi/ }).click();
  await page.getByRole('button', { name: /Lập báo cáo/ }).click();
  await page.getByTestId('ratings-by-officer').waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất hàng chờ và đánh giá ra Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/^hang-cho-danh-gia-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await signInAs(page, DEMO_STAFF.receiving);
  await page.keyboard.press('F2');
  await page.getByTestId('queue-panel').waitFor();
  return result;
}

describe('the hall queue', () => {
  test('ticket, call, announcement, a dossier received, rating and report, with the central server up', async () => {
    await kioskPage.getByRole('button', { name: /Doanh nghiệp, đầu tư, kinh doanh/ }).waitFor();
    await shot(kioskPage, '0-kiosk-1080x1920');
    // The same kiosk on a landscape touch screen.
    await kioskPage.setViewportSize({ width: 1366, height: 768 });
    await shot(kioskPage, '0-kiosk-1366x768');
    await kioskPage.setViewportSize({ width: 1080, height: 1920 });
    const number = await takeTicket(/Doanh nghiệp, đầu tư, kinh doanh/, '1');
    expect(number).toBe(1001);

    // The citizen screen is paired with the counter by the code the counter shows.
    const code = await counter.page.getByTestId('queue-pairing').innerText();
    expect(code).toMatch(/^\d{6}$/);
    await ratingPage.getByLabel('Mã ghép (hiện trên màn hình của quầy)').fill('000000');
    await ratingPage.getByRole('button', { name: 'Ghép' }).click();
    await ratingPage.getByText('Mã ghép không đúng. Hãy nhập mã đang hiện trên màn hình của quầy.').waitFor();
    await ratingPage.getByLabel('Mã ghép (hiện trên màn hình của quầy)').fill(code);
    await ratingPage.getByRole('button', { name: 'Ghép' }).click();
    await ratingPage.getByText(`Quầy ${counterNumber} xin kính chào ông/bà.`).waitFor();

    await callAndHear(number, '1');
    await hallPage.setViewportSize({ width: 1366, height: 768 });
    await shot(hallPage, '1-hall-1366x768');
    await hallPage.setViewportSize({ width: 1920, height: 1080 });
    const called = (await counterView()).current!;
    await checkPrintedTicket(number, called.issuedAt, 0);

    // The officer receives a dossier for this citizen during the service.
    const dossierCode = await receiveDossier(counter.page, { id: '040085001234', name: 'Nguyễn Văn An', phone: '0912 345 678', address: 'Số 5 Lê Lợi, phường Vinh Phú, Nghệ An' });

    await serveAndRate(number, 'Rất hài lòng', 'Cán bộ hướng dẫn tận tình', '1');
    await counter.page.getByText(`hồ sơ ${dossierCode}`, { exact: false }).waitFor();
    const ratings = (await (await fetch(new URL(`/api/report?from=2000-01-01&to=2999-12-31`, queueUrl))).json()) as {
      ratings: { dossiers: string[]; officer: { name: string }; rating: string; counter: number }[];
    };
    expect(ratings.ratings).toEqual([
      expect.objectContaining({ dossiers: [dossierCode], officer: expect.objectContaining({ name: DEMO_STAFF.receiving.fullName }), rating: 'veryGood', counter: counterNumber }),
    ]);

    const seen = await report('1');
    expect(seen.officer).toMatch(new RegExp(`^${DEMO_STAFF.receiving.fullName}\\s+1\\s+0\\s+0\\s+1\\s+100$`));
    expect(seen.line).toMatch(/^Doanh nghiệp, đầu tư, kinh doanh\s+1\s+1\s+0\s+[\d,]+\s+[\d,]+$/);
    expect(seen.counter).toMatch(new RegExp(`^Quầy ${counterNumber}\\s+1\\s+1\\s+0`));
  });

  test('the same with the central server stopped', async () => {
    await server.stop();
    await counter.page.locator('[data-testid="sync-badge"][data-online="false"]').waitFor({ timeout: 60_000 });
    const number = await takeTicket(/Doanh nghiệp, đầu tư, kinh doanh/, '2-offline');
    expect(number).toBe(1002);
    await callAndHear(number, '2-offline');
    await checkPrintedTicket(number, (await counterView()).current!.issuedAt, 0);
    await serveAndRate(number, 'Chưa hài lòng', 'Phải chờ lâu', '2-offline');
    const seen = await report('2-offline');
    expect(seen.officer).toMatch(new RegExp(`^${DEMO_STAFF.receiving.fullName}\\s+1\\s+0\\s+1\\s+2\\s+50$`));
    expect(seen.line).toMatch(/^Doanh nghiệp, đầu tư, kinh doanh\s+2\s+2\s+0/);
  });

  test('a counter whose queue machine does not answer says so, and its desk keeps working', async () => {
    await hostCall(counter.page, 'settings.update', [{ queue: { url: 'http://127.0.0.1:9/', lines: ['dn'] } }]);
    await counter.page.reload();
    await counter.page.keyboard.press('F2');
    const problem = counter.page.getByTestId('queue-problem');
    await problem.waitFor({ timeout: 20_000 });
    expect(await problem.innerText()).toContain('Không kết nối được dịch vụ hàng chờ ở http://127.0.0.1:9/');
    await counter.page.keyboard.press('Alt+Q');
    await pickProcedure(counter.page, 'cap lai giay phep lai xe', /Cấp lại giấy phép lái xe/);
    await shot(counter.page, '3-queue-away-1366x768');
  });
});
