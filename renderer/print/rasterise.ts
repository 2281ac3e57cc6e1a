// Browser-side glue: the shared layout drawn on an OffscreenCanvas (or a canvas element), turned
// into the host's RasterJob, and the delivery function the print queue uses.
import type { HtmlJob, KioskHost, PrintOutcome, PrinterConfig, RasterJob } from '../../shared/host';
import type { CanvasFactory, PixelCanvas2D } from '../../shared/documents/canvas';
import { PRINT_FONT_FAMILY } from '../../shared/documents/canvas';
import { defaultSheetPaper, renderDocumentHtml } from '../../shared/documents/html';
import type { PrintDocument } from '../../shared/documents/model';
import type { MonoRaster } from '../../shared/documents/thermalRender';
import { rasterToRgba, renderThermalRaster, toRasterJob } from '../../shared/documents/thermalRender';
import { HostCallError } from '../host';
import type { DeliverCopy } from './queue';

export const browserCanvasFactory: CanvasFactory = (width, height) => {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  if (typeof OffscreenCanvas !== 'undefined') {
    const ctx = new OffscreenCanvas(w, h).getContext('2d', { willReadFrequently: true });
    if (ctx) return ctx as unknown as PixelCanvas2D;
  }
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('Trình duyệt không tạo được vùng vẽ để in phiếu.');
  return ctx as unknown as PixelCanvas2D;
};

/** The bundled print faces' URLs (Vite's fingerprinted assets, the same files fonts.css names). */
export interface PrintFontUrls {
  regular: string;
  bold?: string;
  italic?: string;
}

const PRINT_FACES = [
  { key: 'regular', weight: '400', style: 'normal', spec: `24px "${PRINT_FONT_FAMILY}"` },
  { key: 'bold', weight: '700', style: 'normal', spec: `bold 24px "${PRINT_FONT_FAMILY}"` },
  { key: 'italic', weight: '400', style: 'italic', spec: `italic 24px "${PRINT_FONT_FAMILY}"` },
] as const;

// Faces fetched again in place of fonts.css's faces whose first fetch failed.
const refetched = new Map<string, FontFace>();

/**
 * Text measured before the font arrived would be laid out with a fallback face: wait for all three.
 * A face is fetched from the machine's local web host the first time a screen or a print uses it;
 * if the host was away just then (restarting), the browser keeps that face failed for the life of
 * the page and never fetches it again. Such a face is fetched anew from `urls`, and while it cannot
 * be, the error is the host's being away (HOST_UNREACHABLE), so the print queue keeps the job and
 * tries again instead of failing it.
 */
export async function ensurePrintFonts(urls?: PrintFontUrls): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const missing: string[] = [];
  await Promise.all(
    PRINT_FACES.map(async (face) => {
      if (refetched.get(face.key)?.status === 'loaded') return;
      try {
        await document.fonts.load(face.spec, 'Ệ');
        return;
      } catch {
        // The face failed to load; fetched again below when its URL is known.
      }
      const url = urls?.[face.key];
      if (url && typeof FontFace !== 'undefined') {
        const previous = refetched.get(face.key);
        if (previous) document.fonts.delete(previous);
        const fresh = new FontFace(PRINT_FONT_FAMILY, `url("${url}")`, { weight: face.weight, style: face.style });
        refetched.set(face.key, fresh);
        document.fonts.add(fresh);
        try {
          await fresh.load();
          return;
        } catch {
          // Still away: tried again at the job's next attempt.
        }
      }
      missing.push(face.key);
    }),
  );
  if (missing.length > 0) {
    throw new HostCallError('HOST_UNREACHABLE', `Chưa tải được phông chữ để in (${missing.join(', ')}) từ dịch vụ máy cục bộ; lệnh in sẽ được thử lại khi dịch vụ chạy trở lại.`);
  }
}

export async function rasteriseForPrinter(doc: PrintDocument, printer: PrinterConfig, fonts?: PrintFontUrls): Promise<MonoRaster> {
  if (printer.paper !== '58mm' && printer.paper !== '80mm') throw new RangeError(`Máy in "${printer.name}" không phải máy in phiếu cuộn.`);
  await ensurePrintFonts(fonts);
  return renderThermalRaster(doc, printer.paper, browserCanvasFactory);
}

export async function thermalJob(doc: PrintDocument, printer: PrinterConfig, jobId: string, fonts?: PrintFontUrls): Promise<RasterJob> {
  return toRasterJob(await rasteriseForPrinter(doc, printer, fonts), { jobId, printerId: printer.id, cut: true });
}

/** Prints a sheet through the browser's print dialog from a hidden frame (the web build's path). */
export function printHtmlInFrame(html: string): Promise<PrintOutcome> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'position:fixed;width:0;height:0;border:0;visibility:hidden';
    frame.srcdoc = html;
    frame.onload = () => {
      const win = frame.contentWindow;
      if (!win) {
        frame.remove();
        resolve({ ok: false, retryable: true, status: { state: 'error', message: 'Không mở được trang in. Hãy thử lại.' } });
        return;
      }
      win.addEventListener('afterprint', () => {
        frame.remove();
        resolve({ ok: true, bytes: html.length });
      });
      win.focus();
      win.print();
    };
    document.body.append(frame);
  });
}

/**
 * The queue's delivery: thermal printers get a RasterJob through the host; sheet printers get the
 * HTML through the host, and where the host cannot print HTML (the web build), the print dialog.
 */
export function hostDelivery(host: Pick<KioskHost, 'printers'>, fontUrls?: PrintFontUrls): DeliverCopy {
  return async (doc, printer, jobId) => {
    if (printer.paper === '58mm' || printer.paper === '80mm') return host.printers.printRaster(await thermalJob(doc, printer, jobId, fontUrls));
    const paper = printer.paper === 'A4' || printer.paper === 'A5' ? printer.paper : defaultSheetPaper(doc);
    const html = renderDocumentHtml(doc, paper, fontUrls ? { fonts: fontUrls } : {});
    const job: HtmlJob = { jobId, printerId: printer.id, html, paper };
    const outcome = await host.printers.printHtml(job);
    if (outcome.ok || outcome.retryable) return outcome;
    return printHtmlInFrame(html);
  };
}

/** Draws a raster onto a visible canvas dot for dot: the preview shows exactly what will print. */
export function drawRasterPreview(canvas: HTMLCanvasElement, raster: MonoRaster): void {
  canvas.width = raster.widthDots;
  canvas.height = raster.heightDots;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.putImageData(new ImageData(rasterToRgba(raster) as Uint8ClampedArray<ArrayBuffer>, raster.widthDots, raster.heightDots), 0, 0);
}
