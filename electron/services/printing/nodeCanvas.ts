// The thermal renderer under Node (tests, benchmarks, the host's own test page): @napi-rs/canvas
// with the bundled Noto Sans registered under the family name the layout asks for.
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CanvasFactory, PixelCanvas2D } from '../../../shared/documents/canvas';
import { PRINT_FONT_FAMILY } from '../../../shared/documents/canvas';
import type { PrintDocument } from '../../../shared/documents/model';
import type { ThermalPaper } from '../../../shared/documents/thermalLayout';
import type { MonoRaster } from '../../../shared/documents/thermalRender';
import { renderThermalRaster } from '../../../shared/documents/thermalRender';

export const DEFAULT_FONT_DIR = fileURLToPath(new URL('../../../assets/fonts/', import.meta.url));
const FONT_FILES = ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'NotoSans-Italic.ttf'];

let registeredFrom: string | undefined;

/** Registers the bundled faces once; throws a clear error when the font files are missing. */
export function registerPrintFonts(fontDir = DEFAULT_FONT_DIR): void {
  if (registeredFrom === fontDir) return;
  for (const file of FONT_FILES) {
    const path = fontDir.endsWith('/') ? fontDir + file : `${fontDir}/${file}`;
    if (!existsSync(path) || !GlobalFonts.registerFromPath(path, PRINT_FONT_FAMILY)) {
      throw new Error(`Không nạp được phông chữ in ${path}. Cài lại ứng dụng hoặc báo bộ phận CNTT.`);
    }
  }
  registeredFrom = fontDir;
}

export const nodeCanvasFactory: CanvasFactory = (width, height) => createCanvas(Math.max(1, width), Math.max(1, height)).getContext('2d') as unknown as PixelCanvas2D;

export function renderThermalNode(doc: PrintDocument, paper: ThermalPaper, fontDir?: string): MonoRaster {
  registerPrintFonts(fontDir);
  return renderThermalRaster(doc, paper, nodeCanvasFactory);
}
