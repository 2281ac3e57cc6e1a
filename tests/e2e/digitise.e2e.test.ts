// Digitising in Chromium with a fake document camera: a generated video of a white page with
// text-like bars on a dark desk. The real capture code (renderer/features/digitise) finds and squares
// the page twice, writes a two-page PDF, keeps it in IndexedDB and uploads it in chunks to the real
// server; a file from the watched scanner folder goes the same way. pdfinfo / pdftoppm check the PDF.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WatchFolder } from '../../electron/services/watch-folder';
import { enrolmentCode, startServer } from './app';
import { launchChromium } from './chromium';
import type { Started } from './processes';

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
import { captureFrame, pagesToPdf } from '${ROOT}renderer/features/digitise/capture';
import { dossierAttachments, pumpUploads, saveCapture } from '${ROOT}renderer/features/digitise/store';
import { fetchTransport, webCryptoSha256 } from '${ROOT}renderer/features/digitise/transport';
const toB64 = (b) => { let s = ''; for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000)); return btoa(s); };
const fromB64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
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
  async scanned(b64) {
    const record = await saveCapture(db, webCryptoSha256, fromB64(b64), capture(1, 'scanner', 2));
    return record.sha256;
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

  it('captures, keeps, uploads once, and the PDF has two non-blank pages; a watched-folder file follows', async () => {
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

    // The office scanner saves into the watched folder; the host offers the file once it settles.
    const folder = new WatchFolder(join(work, 'scans'), { settleMs: 200 });
    await mkdir(folder.dir, { recursive: true });
    folder.start();
    await copyFile(pdfFile, join(folder.dir, 'scan-0001.pdf'));
    let offered = folder.list(0);
    for (let i = 0; i < 100 && offered.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      offered = folder.list(0);
    }
    folder.stop();
    expect(offered.map((f) => f.name)).toEqual(['scan-0001.pdf']);
    const scanned = await folder.read(offered[0]!.seq);
    const scannedSha = await page.evaluate((b64) => (window as unknown as { digitise: { scanned(b: string): Promise<string> } }).digitise.scanned(b64), scanned.base64);
    // The same bytes as the camera capture: one address, so the server stores it once.
    expect(scannedSha).toBe(shot.sha256);

    const token = await enrol(server.url);
    const uploaded = await page.evaluate(([url, t]) => (window as unknown as { digitise: { upload(u: string, t: string): Promise<{ failed: unknown[]; confirmed: number; states: string[] }> } }).digitise.upload(url!, t!), [server.url, token]);
    expect(uploaded.failed).toEqual([]);
    expect(uploaded.states).toEqual(['confirmed', 'confirmed']);
    const stored = join(server.dataDir, 'attachments', shot.sha256.slice(0, 2), shot.sha256);
    expect(existsSync(stored)).toBe(true);
    expect(readFileSync(stored).equals(readFileSync(pdfFile))).toBe(true);
  });
});

async function enrol(serverUrl: string): Promise<string> {
  const code = await enrolmentCode(serverUrl, 'Q9', 'Quầy số hóa');
  const r = await fetch(new URL('/v1/enrol', serverUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceName: 'e2e' }) });
  return ((await r.json()) as { credential: string }).credential;
}
