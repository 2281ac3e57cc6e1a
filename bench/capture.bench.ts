// Digitising at reception: a camera frame (1920×1080, a tilted A4 sheet on a dark desk) to one
// squared 150-dpi page in a PDF, and chunked upload of document PDFs to the server on loopback.
// The counter does the same steps in the browser (canvas for pixels and JPEG); here @napi-rs/canvas.
import { createCanvas } from '@napi-rs/canvas';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderFrameForBench } from './captureFrame';
import { buildApp } from '../server/app';
import { openPglite } from '../server/db';
import { migrate } from '../server/migrate';
import { createStaff } from '../server/routes/staff';
import { A4_PAGE_PX, findPage, jpegPagesToPdf, jpegSize, scaleQuad, toGray, warpToRect, fullFrame, type RgbaImage } from '../shared/attachments';
import { CHUNK_SIZE } from '../shared/attachments/protocol';
import { uploadAttachment } from '../shared/attachments/upload';
import { fetchTransport } from '../renderer/features/dossier/digitise/transport';
import { summarise, timeRuns } from './stats';
import type { BenchFigure } from './types';

const JPEG_QUALITY = 70;
const DETECT_WIDTH = 480;

function downscale(frame: RgbaImage, width: number): RgbaImage {
  const c = createCanvas(frame.width, frame.height);
  const g = c.getContext('2d');
  const image = g.createImageData(frame.width, frame.height);
  image.data.set(frame.data);
  g.putImageData(image, 0, 0);
  const small = createCanvas(width, Math.round((frame.height * width) / frame.width));
  small.getContext('2d').drawImage(c, 0, 0, small.width, small.height);
  return { width: small.width, height: small.height, data: new Uint8ClampedArray(small.getContext('2d').getImageData(0, 0, small.width, small.height).data) };
}

function capturePage(frame: RgbaImage): Uint8Array {
  const small = downscale(frame, DETECT_WIDTH);
  const quad = findPage(toGray(small), small.width, small.height);
  const corners = quad ? scaleQuad(quad, frame.width / small.width) : fullFrame(frame.width, frame.height);
  const page = warpToRect(frame, corners, A4_PAGE_PX.width, A4_PAGE_PX.height);
  const c = createCanvas(page.width, page.height);
  const image = c.getContext('2d').createImageData(page.width, page.height);
  image.data.set(page.data);
  c.getContext('2d').putImageData(image, 0, 0);
  return new Uint8Array(c.toBuffer('image/jpeg', JPEG_QUALITY));
}

export default async function run(): Promise<BenchFigure[]> {
  const frame = renderFrameForBench(1920, 1080);
  let jpeg: Uint8Array = new Uint8Array();
  const captureMs = await timeRuns(
    () => {
      jpeg = capturePage(frame);
    },
    10,
    2,
  );
  const pdf = jpegPagesToPdf([{ bytes: jpeg, ...jpegSize(jpeg) }]);
  const figures: BenchFigure[] = [
    { name: 'capture: 1920×1080 frame → squared A4 page (150 dpi, JPEG q70)', ...summarise(captureMs), unit: 'ms' },
    { name: 'capture: bytes per PDF page at 150 dpi', median: pdf.length, p95: pdf.length, unit: 'bytes' },
  ];

  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-att-'));
  process.env.ATTACHMENTS_DIR = join(dir, 'attachments');
  const db = await openPglite();
  await migrate(db);
  await createStaff(db, { username: 'bench', fullName: 'Đo hiệu năng', roles: ['administrator'], password: 'bench-password' });
  const app = await buildApp({ db });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const post = async <T>(path: string, body: unknown, token?: string): Promise<T> => {
      const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };
    const { token } = await post<{ token: string }>('/v1/sessions', { username: 'bench', password: 'bench-password' });
    const { code } = await post<{ code: string }>('/v1/admin/enrolment-codes', { counterId: 'B1', counterName: 'Quầy đo' }, token);
    const { credential } = await post<{ credential: string }>('/v1/enrol', { code, deviceName: 'bench' });
    const transport = fetchTransport(base, credential);
    // A 10-page document of distinct bytes per run, so nothing is deduplicated.
    const size = 10 * pdf.length;
    let seq = 0;
    const uploadMs = await timeRuns(
      async () => {
        const bytes = new Uint8Array(size);
        for (let i = 0; i < size; i += 4096) bytes[i] = (seq + i) & 0xff;
        bytes[0] = seq++ & 0xff;
        bytes[1] = (seq >> 8) & 0xff;
        const sha = createHash('sha256').update(bytes).digest('hex');
        await uploadAttachment(bytes, { sha256: sha, size, mediaType: 'application/pdf', chunkSize: CHUNK_SIZE }, transport);
      },
      10,
      1,
    );
    const s = summarise(uploadMs);
    const mib = size / (1024 * 1024);
    figures.push({ name: `upload: ${(size / 1024).toFixed(0)} KiB document in ${CHUNK_SIZE / 1024} KiB chunks, loopback`, median: mib / (s.median / 1000), p95: mib / (s.p95 / 1000), unit: 'MiB/s' });
  } finally {
    await app.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
