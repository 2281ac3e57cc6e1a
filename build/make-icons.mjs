// Draws the app icon (a door, "một cửa", on the red and gold of official signage) at every size the
// installers want, and packs the Windows .ico. Run: node build/make-icons.mjs — the outputs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';

const here = dirname(fileURLToPath(import.meta.url));

function drawIcon(size) {
  const canvas = createCanvas(size, size);
  const g = canvas.getContext('2d');
  const u = size / 256;
  g.fillStyle = '#b71c1c';
  g.beginPath();
  g.roundRect(8 * u, 8 * u, 240 * u, 240 * u, 44 * u);
  g.fill();
  // The door: an arched opening with a leaf ajar and a knob.
  g.fillStyle = '#ffc62b';
  g.beginPath();
  g.moveTo(72 * u, 212 * u);
  g.lineTo(72 * u, 112 * u);
  g.arc(128 * u, 112 * u, 56 * u, Math.PI, 0);
  g.lineTo(184 * u, 212 * u);
  g.closePath();
  g.fill();
  g.fillStyle = '#7f0000';
  g.beginPath();
  g.moveTo(92 * u, 212 * u);
  g.lineTo(92 * u, 116 * u);
  g.arc(128 * u, 116 * u, 36 * u, Math.PI, 0);
  g.lineTo(164 * u, 212 * u);
  g.closePath();
  g.fill();
  g.fillStyle = '#ffc62b';
  g.beginPath();
  g.moveTo(92 * u, 212 * u);
  g.lineTo(92 * u, 116 * u);
  g.lineTo(140 * u, 128 * u);
  g.lineTo(140 * u, 222 * u);
  g.closePath();
  g.fill();
  g.fillStyle = '#7f0000';
  g.beginPath();
  g.arc(128 * u, 172 * u, 6 * u, 0, Math.PI * 2);
  g.fill();
  // The step in front of the door.
  g.fillStyle = '#ffc62b';
  g.fillRect(56 * u, 212 * u, 144 * u, 14 * u);
  return canvas.toBuffer('image/png');
}

/** ICO = 6-byte header + one 16-byte entry per image + the PNG files themselves (allowed since Vista). */
function packIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2);
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

function write(path, bytes) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  console.log(`${path} (${bytes.length} B)`);
}

for (const size of [16, 32, 48, 64, 128, 256, 512]) write(join(here, 'icons', `${size}x${size}.png`), drawIcon(size));
write(join(here, 'icon.png'), drawIcon(512));
write(join(here, 'icon.ico'), packIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: drawIcon(size) }))));
