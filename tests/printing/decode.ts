// Reads barcodes back from a printed PNG with a real decoder (ZXing), as the return desk's scanner would.
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource, type Result } from '@zxing/library';
import { pngToRgba } from '../../electron/services/printing/png';

type SymbolFormat = 'CODE_128' | 'QR_CODE';

function luminanceOf(png: Buffer): { width: number; height: number; luminance: Uint8ClampedArray } {
  const { width, height, data } = pngToRgba(png);
  const luminance = new Uint8ClampedArray(width * height);
  for (let i = 0; i < width * height; i++) luminance[i] = (data[i * 4]! * 299 + data[i * 4 + 1]! * 587 + data[i * 4 + 2]! * 114) / 1000;
  return { width, height, luminance };
}

function decodeLuminance(luminance: Uint8ClampedArray, width: number, height: number, format: SymbolFormat): Result {
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [format === 'QR_CODE' ? BarcodeFormat.QR_CODE : BarcodeFormat.CODE_128]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  // Hints go to decode() itself: decode without them resets the reader to every format.
  return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height))), hints);
}

export function decodeSymbol(png: Buffer, format: SymbolFormat): string {
  const { width, height, luminance } = luminanceOf(png);
  return decodeLuminance(luminance, width, height, format).getText();
}

/**
 * Every QR code on the page (a receipt carries its lookup QR and a transfer's VietQR): each one
 * found is painted white, from its finder patterns' centres outwards, and the page read again.
 */
export function decodeAllQrCodes(png: Buffer, max = 4): string[] {
  const { width, height, luminance } = luminanceOf(png);
  const found: string[] = [];
  for (let i = 0; i < max; i++) {
    let result: Result;
    try {
      result = decodeLuminance(luminance, width, height, 'QR_CODE');
    } catch {
      break;
    }
    found.push(result.getText());
    const points = result.getResultPoints();
    const xs = points.map((p) => p.getX());
    const ys = points.map((p) => p.getY());
    // Finder centres sit 3.5 modules inside the symbol; a quarter of their span is at least that for any version.
    const margin = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) * 0.25 + 4;
    const [x0, x1] = [Math.max(0, Math.floor(Math.min(...xs) - margin)), Math.min(width, Math.ceil(Math.max(...xs) + margin))];
    const [y0, y1] = [Math.max(0, Math.floor(Math.min(...ys) - margin)), Math.min(height, Math.ceil(Math.max(...ys) + margin))];
    for (let y = y0; y < y1; y++) luminance.fill(255, y * width + x0, y * width + x1);
  }
  return found;
}
