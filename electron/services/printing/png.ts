// 1-bit rasters to and from PNG (pngjs), for the virtual printer's job images and test artifacts.
import { PNG } from 'pngjs';
import type { MonoRaster } from '../../../shared/documents/thermalRender';
import { rasterToRgba, thresholdRgba } from '../../../shared/documents/thermalRender';

export function rasterToPng(raster: MonoRaster): Buffer {
  const png = new PNG({ width: raster.widthDots, height: Math.max(1, raster.heightDots) });
  png.data = Buffer.from(rasterToRgba(raster).buffer);
  return PNG.sync.write(png, { colorType: 0, bitDepth: 8 });
}

export function pngToRgba(file: Buffer): { width: number; height: number; data: Uint8Array } {
  const png = PNG.sync.read(file);
  return { width: png.width, height: png.height, data: png.data };
}

export function pngToRaster(file: Buffer): MonoRaster {
  const { width, height, data } = pngToRgba(file);
  return thresholdRgba(data, width, height, 128);
}
