// Browser side of capture: a video frame to a squared A4 JPEG page, pages to one PDF, a file the
// applicant brings to a PDF. Pixels go through shared/attachments/page.ts; JPEG through the canvas.
import { A4_PAGE_PX, findPage, fullFrame, scaleQuad, toGray, warpToRect } from '../../../../shared/attachments/page';
import { jpegPagesToPdf, jpegSize, type JpegPage } from '../../../../shared/attachments/pdf';

/** Page finding runs on a small copy of the frame: the corners need no more, and it is 16× faster. */
const DETECT_WIDTH = 480;
/** Readable text at 150 dpi for about 150–200 KB a page (bench/capture.bench.ts). */
export const JPEG_QUALITY = 0.7;

function canvas2d(width: number, height: number): CanvasRenderingContext2D {
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  return c.getContext('2d', { willReadFrequently: true })!;
}

async function toJpeg(ctx: CanvasRenderingContext2D): Promise<JpegPage> {
  const blob = await new Promise<Blob | null>((resolve) => ctx.canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
  if (!blob) throw new Error('Trình duyệt không tạo được ảnh JPEG của trang.');
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const size = jpegSize(bytes);
  return { bytes, width: size.width, height: size.height };
}

/** The current video frame as one squared page; `found` is false when the whole frame was kept. */
export async function captureFrame(video: HTMLVideoElement): Promise<{ page: JpegPage; found: boolean }> {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (!width || !height) throw new Error('Máy ảnh chưa sẵn sàng: chờ hình hiện lên rồi chụp lại.');
  const full = canvas2d(width, height);
  full.drawImage(video, 0, 0);
  const smallHeight = Math.round((height * DETECT_WIDTH) / width);
  const small = canvas2d(DETECT_WIDTH, smallHeight);
  small.drawImage(video, 0, 0, DETECT_WIDTH, smallHeight);
  const smallPixels = small.getImageData(0, 0, DETECT_WIDTH, smallHeight);
  const quad = findPage(toGray({ width: DETECT_WIDTH, height: smallHeight, data: smallPixels.data }), DETECT_WIDTH, smallHeight);
  const corners = quad ? scaleQuad(quad, width / DETECT_WIDTH) : fullFrame(width, height);
  const frame = full.getImageData(0, 0, width, height);
  const page = warpToRect({ width, height, data: frame.data }, corners, A4_PAGE_PX.width, A4_PAGE_PX.height);
  const out = canvas2d(page.width, page.height);
  const image = out.createImageData(page.width, page.height);
  image.data.set(page.data);
  out.putImageData(image, 0, 0);
  return { page: await toJpeg(out), found: quad !== undefined };
}

export function pagesToPdf(pages: readonly JpegPage[], title: string): Uint8Array {
  return jpegPagesToPdf(pages, title);
}

/** Pages of a PDF, counted from its page objects (not `/Pages`); at least 1 for a PDF whose objects are compressed. */
export function pdfPageCount(pdf: Uint8Array): number {
  return (new TextDecoder('latin1').decode(pdf).match(/\/Type\s*\/Page[^s]/g) ?? []).length || 1;
}

/** A PDF is kept as it is; a photo (JPEG/PNG) becomes a one-page PDF. */
export async function fileToPdf(file: Blob & { name?: string; type: string }, title: string): Promise<Uint8Array> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (file.type === 'application/pdf' || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) return bytes;
  if (!file.type.startsWith('image/')) throw new Error('Chỉ nhận tệp PDF hoặc ảnh (JPEG, PNG).');
  const bitmap = await createImageBitmap(file);
  const ctx = canvas2d(bitmap.width, bitmap.height);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, bitmap.width, bitmap.height);
  ctx.drawImage(bitmap, 0, 0);
  return jpegPagesToPdf([await toJpeg(ctx)], title);
}
