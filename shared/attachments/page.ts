// Finding the page in a camera frame and squaring it. A document camera sees a light sheet on a
// darker desk, so a global threshold (Otsu), the largest bright connected region and its four
// extreme corners are enough; a perspective warp then maps that quadrilateral onto an A4 rectangle.

export interface Point {
  x: number;
  y: number;
}

/** Corners in order: top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point];

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** 150 dpi A4 keeps text legible for reading while a page stays near 100–200 KB as JPEG. */
export const A4_PAGE_PX = { width: 1240, height: 1754 } as const;

export function toGray(img: RgbaImage): Uint8Array {
  const out = new Uint8Array(img.width * img.height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) {
    out[i] = (img.data[p]! * 77 + img.data[p + 1]! * 150 + img.data[p + 2]! * 29) >> 8;
  }
  return out;
}

export function otsuThreshold(gray: Uint8Array): number {
  const hist = new Array<number>(256).fill(0);
  for (const v of gray) hist[v]!++;
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * hist[t]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 127;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = gray.length - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const between = wB * wF * (sumB / wB - (sum - sumB) / wF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/** The largest 4-connected region brighter than the threshold, as pixel indices' bounding corners. */
function largestBrightRegion(gray: Uint8Array, width: number, height: number, threshold: number): { quad: Quad; size: number } | undefined {
  const label = new Int32Array(gray.length);
  const stack: number[] = [];
  let bestSize = 0;
  let bestQuad: Quad | undefined;
  let next = 0;
  for (let start = 0; start < gray.length; start++) {
    if (label[start] !== 0 || gray[start]! <= threshold) continue;
    next++;
    label[start] = next;
    stack.push(start);
    let size = 0;
    let tl = { x: 0, y: 0, s: Infinity };
    let br = { x: 0, y: 0, s: -Infinity };
    let tr = { x: 0, y: 0, s: -Infinity };
    let bl = { x: 0, y: 0, s: Infinity };
    while (stack.length > 0) {
      const i = stack.pop()!;
      size++;
      const x = i % width;
      const y = (i - x) / width;
      if (x + y < tl.s) tl = { x, y, s: x + y };
      if (x + y > br.s) br = { x, y, s: x + y };
      if (x - y > tr.s) tr = { x, y, s: x - y };
      if (x - y < bl.s) bl = { x, y, s: x - y };
      const around = [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, y > 0 ? i - width : -1, y < height - 1 ? i + width : -1];
      for (const j of around) {
        if (j >= 0 && label[j] === 0 && gray[j]! > threshold) {
          label[j] = next;
          stack.push(j);
        }
      }
    }
    if (size > bestSize) {
      bestSize = size;
      bestQuad = [
        { x: tl.x, y: tl.y },
        { x: tr.x + 1, y: tr.y },
        { x: br.x + 1, y: br.y + 1 },
        { x: bl.x, y: bl.y + 1 },
      ];
    }
  }
  return bestQuad ? { quad: bestQuad, size: bestSize } : undefined;
}

function quadArea(q: Quad): number {
  let a = 0;
  for (let i = 0; i < 4; i++) {
    const p = q[i]!;
    const n = q[(i + 1) % 4]!;
    a += p.x * n.y - n.x * p.y;
  }
  return Math.abs(a) / 2;
}

/**
 * The page's corners in a grayscale frame, or undefined when no page-like region covers at least
 * `minShare` of the frame (the officer then captures the whole frame or repositions the sheet).
 */
export function findPage(gray: Uint8Array, width: number, height: number, minShare = 0.15): Quad | undefined {
  const region = largestBrightRegion(gray, width, height, otsuThreshold(gray));
  if (!region) return undefined;
  if (quadArea(region.quad) < minShare * width * height) return undefined;
  return region.quad;
}

/** Solves A·x = b (8×8) by Gaussian elimination with partial pivoting. */
function solve8(a: number[][], b: number[]): number[] {
  const n = 8;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    if (Math.abs(m[pivot]![c]!) < 1e-12) throw new RangeError('Bốn góc trang thẳng hàng, không nắn được trang.');
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** The homography taking the output rectangle's corners (0,0)…(w,h) onto the quad in the source. */
export function rectToQuadHomography(w: number, h: number, q: Quad): number[] {
  const src: Point[] = [
    { x: 0, y: 0 },
    { x: w, y: 0 },
    { x: w, y: h },
    { x: 0, y: h },
  ];
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = src[i]!;
    const { x: u, y: v } = q[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  return [...solve8(a, b), 1];
}

export function mapPoint(hm: readonly number[], x: number, y: number): Point {
  const d = hm[6]! * x + hm[7]! * y + hm[8]!;
  return { x: (hm[0]! * x + hm[1]! * y + hm[2]!) / d, y: (hm[3]! * x + hm[4]! * y + hm[5]!) / d };
}

/** The quad of `src` squared onto an out.width × out.height image (bilinear sampling). */
export function warpToRect(src: RgbaImage, quad: Quad, outWidth: number, outHeight: number): RgbaImage {
  const hm = rectToQuadHomography(outWidth, outHeight, quad);
  const data = new Uint8ClampedArray(outWidth * outHeight * 4);
  const maxX = src.width - 1;
  const maxY = src.height - 1;
  for (let y = 0; y < outHeight; y++) {
    for (let x = 0; x < outWidth; x++) {
      const p = mapPoint(hm, x + 0.5, y + 0.5);
      const sx = Math.min(maxX, Math.max(0, p.x - 0.5));
      const sy = Math.min(maxY, Math.max(0, p.y - 0.5));
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const x1 = Math.min(maxX, x0 + 1);
      const y1 = Math.min(maxY, y0 + 1);
      const fx = sx - x0;
      const fy = sy - y0;
      const o = (y * outWidth + x) * 4;
      for (let c = 0; c < 4; c++) {
        const top = src.data[(y0 * src.width + x0) * 4 + c]! * (1 - fx) + src.data[(y0 * src.width + x1) * 4 + c]! * fx;
        const bottom = src.data[(y1 * src.width + x0) * 4 + c]! * (1 - fx) + src.data[(y1 * src.width + x1) * 4 + c]! * fx;
        data[o + c] = top * (1 - fy) + bottom * fy;
      }
    }
  }
  return { width: outWidth, height: outHeight, data };
}

/** Scales corners found on a downscaled frame back to the full frame. */
export function scaleQuad(q: Quad, factor: number): Quad {
  return q.map((p) => ({ x: p.x * factor, y: p.y * factor })) as Quad;
}

/** The whole frame, for when no page is found. */
export function fullFrame(width: number, height: number): Quad {
  return [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
}
