// Preview of a slip as the printer will print it: the same 1-bit raster the host receives, shown
// dot for dot (scaled only by CSS), so what staff see is exactly what comes out.
import { useEffect, useRef, useState } from 'react';
import type { PrinterConfig } from '../../shared/host';
import { renderDocumentHtml } from '../../shared/documents/html';
import type { PrintDocument } from '../../shared/documents/model';
import { drawRasterPreview, rasteriseForPrinter } from './rasterise';

export function PrintPreview({ document: doc, printer }: { document: PrintDocument; printer: PrinterConfig }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [error, setError] = useState<string | undefined>();
  const sheet = printer.paper === 'A4' || printer.paper === 'A5' ? printer.paper : undefined;
  useEffect(() => {
    if (sheet) return;
    let cancelled = false;
    rasteriseForPrinter(doc, printer)
      .then((raster) => {
        if (!cancelled && canvas.current) drawRasterPreview(canvas.current, raster);
      })
      .catch((e: unknown) => !cancelled && setError((e as Error).message));
    return () => {
      cancelled = true;
    };
  }, [doc, printer, sheet]);
  if (sheet) {
    return <iframe title={`Xem trước: ${doc.title}`} srcDoc={renderDocumentHtml(doc, sheet)} style={{ width: '100%', height: '80vh', border: '1px solid #ccc', background: '#fff' }} />;
  }
  if (error) return <p role="alert">Không xem trước được bản in: {error}</p>;
  return <canvas ref={canvas} aria-label={`Xem trước: ${doc.title}`} style={{ width: '100%', imageRendering: 'pixelated', background: '#fff' }} />;
}
