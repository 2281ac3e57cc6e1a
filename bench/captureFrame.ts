// A synthetic camera frame: a slightly tilted white A4 sheet with dark text-like bars on a dark desk.
import { createCanvas } from '@napi-rs/canvas';
import type { RgbaImage } from '../shared/attachments';

export function renderFrameForBench(width: number, height: number): RgbaImage {
  const c = createCanvas(width, height);
  const g = c.getContext('2d');
  g.fillStyle = '#2a2a2a';
  g.fillRect(0, 0, width, height);
  g.save();
  g.translate(width / 2, height / 2);
  g.rotate(0.05);
  const h = height * 0.9;
  const w = h / Math.SQRT2;
  g.fillStyle = '#f2f2ee';
  g.fillRect(-w / 2, -h / 2, w, h);
  g.fillStyle = '#111';
  for (let y = -h / 2 + 40; y < h / 2 - 40; y += 22) g.fillRect(-w / 2 + 30, y, w - 60 - ((y * 7) % 80), 9);
  g.restore();
  return { width, height, data: new Uint8ClampedArray(g.getImageData(0, 0, width, height).data) };
}
