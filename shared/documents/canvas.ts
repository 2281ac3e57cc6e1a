// The smallest 2D-context shape the thermal renderer needs. A browser CanvasRenderingContext2D,
// an OffscreenCanvas context and @napi-rs/canvas's context all satisfy it, so layout and drawing
// are written once and run in the kiosk and under Node alike.

export interface Canvas2D {
  font: string;
  /** `unknown` so browser contexts (string | gradient | pattern) fit; we only ever set colour strings. */
  fillStyle: unknown;
  textAlign: string;
  textBaseline: string;
  fillRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
}

/** Advance width plus the ink's extent around the drawing point, as every canvas TextMetrics has. */
export interface TextInkMetrics {
  width: number;
  actualBoundingBoxLeft: number;
  actualBoundingBoxRight: number;
  actualBoundingBoxAscent: number;
  actualBoundingBoxDescent: number;
}

/** A context whose pixels can be cleared and read back, for thresholding to 1 bit. */
export interface PixelCanvas2D extends Canvas2D {
  measureText(text: string): TextInkMetrics;
  clearRect(x: number, y: number, width: number, height: number): void;
  getImageData(x: number, y: number, width: number, height: number): { data: ArrayLike<number> };
}

/** Makes a transparent context of the given size. */
export type CanvasFactory = (widthPx: number, heightPx: number) => PixelCanvas2D;

/** The family the renderer asks for; the host registers Noto Sans under it (assets/fonts). */
export const PRINT_FONT_FAMILY = 'Noto Sans';
