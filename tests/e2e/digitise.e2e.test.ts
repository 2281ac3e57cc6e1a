// Digitising in Chromium. With a fake document camera (a generated video of a white page with
// text-like bars on a dark desk), the real capture code (renderer/features/digitise) finds and squares
// the page twice, writes a two-page PDF, keeps it in IndexedDB and uploads it in chunks to the real
// server. Through the whole app, an administrator sets the scanner folder in Cài đặt, a receiving
// officer accepts a dossier, files dropped into the real folder are offered by the panel, put on their
// checklist lines and uploaded; each line's copy or exemption reaches the server as a documentDigitised
// fact, and the supervisor's report shows the rate from it. pdfinfo / pdftoppm check the PDFs.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegPagesToPdf } from '../../shared/attachments/pdf';
import { digitisationProgress, type DossierEvent } from '../../shared/domain';
import type { PullResponse } from '../../shared/sync/protocol';
import { DEMO_STAFF, enrolmentCode, openCounter, signInAs, startServer, type Counter } from './app';
import { launchChromium } from './chromium';
import type { Started } from './processes';
import { api, enrolPusher } from './seed';

const OUT = 'test-artifacts/e2e';
const ROOT = new URL('../..', import.meta.url).pathname;

/** YUV4MPEG2 4:2:0: a 640×480 dark desk, a white sheet with black bars, two identical frames. */
function pageVideo(): Buffer {
  const W = 640;
  const H = 480;
  const y = Buffer.alloc(W * H, 40);
  const sheet = { x0: 180, y0: 40, x1: 460, y1: 440 };
  for (let r = sheet.y0; r < sheet.y1; r++) for (let c = sheet.x0; c < sheet.x1; c++) y[r * W + c] = 235;
  for (let r = sheet.y0 + 30; r < sheet.y1 - 30; r += 18) {
    const len = 180 + ((r * 13) % 60);
    for (let rr = r; rr < r + 7; rr++) for (let c = sheet.x0 + 25; c < sheet.x0 + 25 + len; c++) y[rr * W + c] = 20;
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F5:1 Ip A1:1 C420jpeg\n`), frame, frame]);
}

const ENTRY = `
import { MotCuaDb } from '${ROOT}renderer/db';
import { captureFrame, pagesToPdf } from '${ROOT}renderer/features/dossier/digitise/capture';
import { dossierAttachments, pumpUploads, saveCapture } from '${ROOT}renderer/features/dossier/digitise/store';
import { fetchTransport, webCryptoSha256 } from '${ROOT}renderer/features/dossier/digitise/transport';
const toB64 = (b) => { let s = ''; for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000)); return btoa(s); };
const db = new MotCuaDb('digitise-e2e');
const capture = (line, source, pages) => ({ dossierId: 'dossier-e2e', checklistLine: line, documentName: 'Giấy chứng nhận quyền sử dụng đất', mediaType: 'application/pdf', pages, source, capturedAt: new Date().toISOString(), capturedBy: 'tiepnhan1' });
window.digitise = {
  async camera() {
    const video = document.createElement('video');
    video.muted = true;
    document.body.append(video);
    video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
    await video.play();
    while (video.videoWidth === 0) await new Promise((r) => setTimeout(r, 50));
    const shots = [await captureFrame(video), await captureFrame(video)];
    const pdf = pagesToPdf(shots.map((s) => s.page), 'Giấy chứng nhận quyền sử dụng đất');
    const record = await saveCapture(db, webCryptoSha256, pdf, capture(0, 'camera', 2));
    return { found: shots.map((s) => s.found), pdf: toB64(pdf), sha256: record.sha256 };
  },
  async upload(serverUrl, token) {
    const result = await pumpUploads(db, fetchTransport(serverUrl, token));
    const { attachments } = await dossierAttachments(db, 'dossier-e2e');
    return { failed: result.failed, confirmed: result.confirmed.length, states: attachments.map((a) => a.upload) };
  },
};
`;

function darkShare(pngFile: string): number {
  const png = PNG.sync.read(readFileSync(pngFile));
  let dark = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 100) dark++;
  return dark / (png.width * png.height);
}

describe('digitising a two-page document from the document camera', () => {
  let server: Started;
  let browser: Browser;
  let page: Page;
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'motcua-digitise-'));
    await writeFile(join(work, 'page.y4m'), pageVideo());
    server = await startServer();
    browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${join(work, 'page.y4m')}`]);
    page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    // The server's origin is a secure context (loopback), as the kiosk's is.
    await page.goto(new URL('/v1/health', server.url).href);
    const bundle = await build({ stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' }, bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'silent' });
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('captures, keeps, uploads once, and the PDF has two non-blank pages', async () => {
    const shot = await page.evaluate(() => (window as unknown as { digitise: { camera(): Promise<{ found: boolean[]; pdf: string; sha256: string }> } }).digitise.camera());
    expect(shot.found).toEqual([true, true]);
    await mkdir(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'digitise-camera.png') });
    const pdfFile = join(OUT, 'digitise-document.pdf');
    await writeFile(pdfFile, Buffer.from(shot.pdf, 'base64'));
    expect(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })).toMatch(/Pages:\s+2/);
    execFileSync('pdftoppm', ['-png', '-r', '40', pdfFile, join(OUT, 'digitise-page')]);
    for (const n of [1, 2]) {
      const share = darkShare(join(OUT, `digitise-page-${n}.png`));
      // The bars are there (not blank) and the desk is gone (not a dark frame): the page was squared.
      expect(share).toBeGreaterThan(0.05);
      expect(share).toBeLessThan(0.5);
    }

    const token = await enrol(server.url);
    const uploaded = await page.evaluate(
      ([url, t]) => (window as unknown as { digitise: { upload(u: string, t: string): Promise<{ failed: unknown[]; confirmed: number; states: string[] }> } }).digitise.upload(url!, t!),
      [server.url, token],
    );
    expect(uploaded.failed).toEqual([]);
    expect(uploaded.states).toEqual(['confirmed']);
    const stored = join(server.dataDir, 'attachments', shot.sha256.slice(0, 2), shot.sha256);
    expect(existsSync(stored)).toBe(true);
    expect(readFileSync(stored).equals(readFileSync(pdfFile))).toBe(true);
  });
});

/** A sheet of paper as the office scanner would save it: white, with dark text-like bars. */
function scannedSheet(seed: number) {
  const c = createCanvas(620, 877);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, c.width, c.height);
  ctx.fillStyle = '#111';
  for (let y = 60; y < 800; y += 28) ctx.fillRect(50, y, 300 + ((y * seed * 7) % 200), 10);
  return new Uint8Array(c.toBuffer('image/jpeg', 70));
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the office scanner folder, set in Cài đặt, feeds the digitising panel', () => {
  let server: Started;
  let browser: Browser;
  let counter: Counter;
  let scans: string;
  const shot = (name: string) => counter.page.screenshot({ path: join(OUT, `digitise-folder-${name}.png`), fullPage: true });

  beforeAll(async () => {
    await mkdir(OUT, { recursive: true });
    scans = join(await mkdtemp(join(tmpdir(), 'motcua-scans-')), 'MayQuet');
    await mkdir(scans);
    server = await startServer();
    browser = await launchChromium();
    counter = await openCounter(browser, server, { counterId: 'quay-5', counterName: 'Quầy 5 – Tiếp nhận', user: DEMO_STAFF.admin });
  });
  afterAll(async () => {
    await browser?.close();
    await counter?.kiosk.stop();
    await server?.stop();
  });

  it('refuses a folder that is not there, watches the one that is, and files dropped in it land in the dossier', async () => {
    const { page } = counter;
    await page.keyboard.press('F9');
    const field = page.getByLabel('Thư mục máy quét tài liệu (số hóa hồ sơ)');
    await field.fill(join(scans, 'chua-tao'));
    await page.getByRole('button', { name: /Lưu thư mục/ }).click();
    await page
      .locator('#scan-folder-notice')
      .getByText(/Không tìm thấy thư mục/)
      .waitFor();
    await shot('1-settings-error');
    await field.fill(scans);
    await field.press('Enter');
    await page
      .locator('#scan-folder-notice')
      .getByText(/Đã lưu/)
      .waitFor();
    await shot('2-settings-saved');

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await signInAs(page, DEMO_STAFF.receiving);
    await page
      .getByTestId('sync-badge')
      .getByText(/Trực tuyến/)
      .waitFor({ timeout: 30_000 });
    await page.keyboard.press('F2');
    const search = page.getByRole('combobox');
    await search.waitFor({ timeout: 30_000 });
    await search.fill('cap lai giay phep lai xe');
    await page
      .getByRole('option', { name: /Cấp lại giấy phép lái xe/ })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    await page.getByLabel('Số CCCD / CMND / hộ chiếu').fill('040085001234');
    await page.getByLabel('Họ và tên').fill('Nguyễn Văn An');
    await page.getByLabel('Số điện thoại').fill('0912345678');
    await page.getByLabel('Địa chỉ', { exact: true }).fill('Số 5 Lê Lợi, phường Vinh Phú, Nghệ An');
    await page.keyboard.press('Enter');
    const boxes = page.getByRole('checkbox', { name: /^Đã nhận:/ });
    await boxes.first().waitFor();
    const documents = await boxes.count();
    for (let i = 0; i < documents; i++) await boxes.nth(i).check();
    await page.getByRole('button', { name: /Tiếp tục/ }).click();
    await page.getByLabel('Số tiền thu (đồng)').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('lease-remaining').waitFor({ timeout: 20_000 });
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('dossier-code').waitFor({ timeout: 20_000 });
    const code = (await page.getByTestId('dossier-code').innerText()).trim();
    await page.getByText(`Tệp từ máy quét (thư mục ${scans})`).waitFor();
    await page.getByText('Chưa có tệp mới').waitFor();

    // The scanner writes a two-page PDF, and a photo of the second paper.
    const pdf = jpegPagesToPdf(
      [scannedSheet(1), scannedSheet(2)].map((bytes) => ({ bytes, width: 620, height: 877 })),
      'Bản quét',
    );
    await writeFile(join(scans, 'scan-0001.pdf'), pdf);
    await writeFile(join(scans, 'anh-0002.jpg'), scannedSheet(3));
    const pdfRow = page.getByTestId('scanned-file-1');
    const photoRow = page.getByTestId('scanned-file-2');
    await pdfRow.waitFor({ timeout: 15_000 });
    await photoRow.waitFor({ timeout: 15_000 });
    await shot('3-offered');

    await pdfRow.getByRole('button', { name: 'Đưa vào hồ sơ' }).click();
    await page
      .getByTestId('digitise-line-0')
      .getByText(/Đã số hóa \(2 trang/)
      .waitFor();
    await pdfRow.waitFor({ state: 'detached' });
    const lastLine = documents - 1;
    if (lastLine > 0) await photoRow.getByLabel(/Giấy tờ cho tệp/).selectOption(String(lastLine));
    await photoRow.getByRole('button', { name: 'Đưa vào hồ sơ' }).click();
    await page
      .getByTestId(`digitise-line-${lastLine}`)
      .getByText(/Đã số hóa \(1 trang/)
      .waitFor();
    // The papers in between were only shown: exempt, with the reason.
    for (let line = 1; line < lastLine; line++) {
      const row = page.getByTestId(`digitise-line-${line}`);
      await row.getByRole('button', { name: 'Không số hóa…' }).click();
      await row.getByLabel('Trường hợp không phải số hóa').selectOption('shownOnly');
      await row.getByLabel('Lý do không số hóa').fill('Bản chính chỉ xuất trình để đối chiếu');
      await row.getByLabel('Lý do không số hóa').press('Enter');
      await row.getByText(/Không số hóa: Giấy tờ chỉ xuất trình/).waitFor();
    }
    await page
      .getByTestId('digitise-line-0')
      .getByText(/máy chủ đã nhận/)
      .waitFor({ timeout: 30_000 });
    await page
      .getByTestId(`digitise-line-${lastLine}`)
      .getByText(/máy chủ đã nhận/)
      .waitFor({ timeout: 30_000 });
    await page.getByText('Chưa có tệp mới').waitFor();
    await shot('4-digitised');

    // A PDF from the scanner is kept byte for byte; the photo became a one-page PDF.
    const stored = (sha: string) => join(server.dataDir, 'attachments', sha.slice(0, 2), sha);
    expect(readFileSync(stored(sha256(pdf))).equals(Buffer.from(pdf))).toBe(true);
    const all = readdirSync(join(server.dataDir, 'attachments'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /^[0-9a-f]{64}$/.test(e.name));
    expect(all).toHaveLength(2);
    const photoPdf = join(all.find((e) => e.name !== sha256(pdf))!.parentPath, all.find((e) => e.name !== sha256(pdf))!.name);
    expect(execFileSync('pdfinfo', [photoPdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1/);
    execFileSync('pdftoppm', ['-png', '-r', '40', photoPdf, join(OUT, 'digitise-folder-photo')]);
    const share = darkShare(join(OUT, 'digitise-folder-photo-1.png'));
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.5);

    // The link is a dossier fact: the server holds one documentDigitised per line, in the state it
    // serves every counter, and its projection counts the dossier as fully digitised.
    const reader = await enrolPusher(server.url, 'quay-doc', 'Quầy đọc');
    let snapshot: PullResponse['dossiers'][number] | undefined;
    for (let tries = 0; tries < 60 && Object.keys(snapshot?.state.digitisation ?? {}).length < documents; tries++) {
      if (tries > 0) await new Promise((r) => setTimeout(r, 500));
      snapshot = (await api<PullResponse>(server.url, '/v1/pull?after=0', reader.device.credential)).dossiers.find((d) => d.code === code);
    }
    expect(snapshot?.state.documentCount).toBe(documents);
    expect(digitisationProgress(snapshot!.state)).toMatchObject({ complete: true, digitised: lastLine > 0 ? 2 : 1, exempt: Math.max(0, lastLine - 1) });
    expect(snapshot!.state.digitisation?.[0]).toMatchObject({ kind: 'copy', sha256: sha256(pdf), pages: 2, source: 'scanner' });
    const trail = await api<{ events: { event: DossierEvent }[] }>(server.url, `/v1/dossiers/${snapshot!.id}/events`, reader.device.credential);
    const facts = trail.events.map((e) => e.event).filter((e) => e.type === 'documentDigitised');
    expect(facts.map((e) => e.payload.line).sort()).toEqual(Array.from({ length: documents }, (_, i) => i));
    expect(new Set(facts.map((e) => e.counterId))).toEqual(new Set(['quay-5']));

    // The dossier counts as fully digitised in the period's report.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await signInAs(page, DEMO_STAFF.supervisor);
    await page.keyboard.press('F6');
    await page.getByRole('tab', { name: /Báo cáo, sổ theo dõi/ }).click();
    await page.getByRole('button', { name: /Lập báo cáo/ }).click();
    const rates = page.getByTestId('digitisation-rates');
    await rates.waitFor();
    expect(await rates.locator('tr.total').innerText()).toMatch(/Tổng cộng\s+1\s+1\s+100/);
    await page.getByText('Tính trên hồ sơ tiếp nhận tại mọi quầy của Trung tâm.', { exact: false }).waitFor();
    await expect(page.getByText(/tại quầy này/).count()).resolves.toBe(0);
    await shot('5-report');
  });
});

async function enrol(serverUrl: string): Promise<string> {
  const code = await enrolmentCode(serverUrl, 'Q9', 'Quầy số hóa');
  const r = await fetch(new URL('/v1/enrol', serverUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceName: 'e2e' }) });
  return ((await r.json()) as { credential: string }).credential;
}
