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

/** A context whose pixels can be read back, for thresholding to 1 bit. */
export interface PixelCanvas2D extends Canvas2D {
  getImageData(x: number, y: number, width: number, height: number): { data: ArrayLike<number> };
}

/** Makes a context of the given size, white or transparent; the painter fills it white first. */
export type CanvasFactory = (widthPx: number, heightPx: number) => PixelCanvas2D;

/** The family the renderer asks for; the host registers Noto Sans under it (assets/fonts). */
export const PRINT_FONT_FAMILY = 'Noto Sans';
