// A minimal PDF writer for scanned pages: each page is one JPEG shown full-page through DCTDecode,
// so the JPEG bytes go in untouched (no re-encoding, no dependency). Pages are sized to A4 at the
// image's aspect ratio, which is what readers and printers expect of a scanned document.

export interface JpegPage {
  bytes: Uint8Array;
  width: number;
  height: number;
}

const A4_WIDTH_PT = 595.28;

/** Width and height from a JPEG's SOF marker; throws on anything that is not a baseline/progressive JPEG. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number; components: number } {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new RangeError('Tệp không phải ảnh JPEG.');
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) {
      i++;
      continue;
    }
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return {
        height: (bytes[i + 5]! << 8) | bytes[i + 6]!,
        width: (bytes[i + 7]! << 8) | bytes[i + 8]!,
        components: bytes[i + 9]!,
      };
    }
    i += 2 + length;
  }
  throw new RangeError('Ảnh JPEG không có khung ảnh (SOF).');
}

const ascii = (s: string): Uint8Array => {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
};

/** One PDF holding the pages in order. */
export function jpegPagesToPdf(pages: readonly JpegPage[], title = 'Tài liệu số hóa'): Uint8Array {
  if (pages.length === 0) throw new RangeError('Tài liệu số hóa cần ít nhất một trang.');
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (chunk: Uint8Array) => {
    parts.push(chunk);
    length += chunk.length;
  };
  const object = (id: number, body: Uint8Array[] | string) => {
    offsets[id] = length;
    push(ascii(`${id} 0 obj\n`));
    if (typeof body === 'string') push(ascii(body));
    else body.forEach(push);
    push(ascii('\nendobj\n'));
  };
  push(ascii('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'));
  const pageIds = pages.map((_, i) => 3 + i * 3);
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  pages.forEach((page, i) => {
    const size = jpegSize(page.bytes);
    const colour = size.components === 1 ? '/DeviceGray' : '/DeviceRGB';
    const w = A4_WIDTH_PT;
    const h = Math.round((A4_WIDTH_PT * size.height * 100) / size.width) / 100;
    const [pageId, imageId, contentId] = [pageIds[i]!, pageIds[i]! + 1, pageIds[i]! + 2];
    object(pageId, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${imageId} 0 R >> >> /Contents ${contentId} 0 R >>`);
    object(imageId, [
      ascii(`<< /Type /XObject /Subtype /Image /Width ${size.width} /Height ${size.height} /ColorSpace ${colour} /BitsPerComponent 8 /Filter /DCTDecode /Length ${page.bytes.length} >>\nstream\n`),
      page.bytes,
      ascii('\nendstream'),
    ]);
    const draw = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
    object(contentId, `<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`);
  });
  const infoId = 3 + pages.length * 3;
  object(infoId, `<< /Title ${pdfTextString(title)} /Producer (MotCua Counter) >>`);
  const xref = length;
  let table = `xref\n0 ${infoId + 1}\n0000000000 65535 f \n`;
  for (let id = 1; id <= infoId; id++) table += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  push(ascii(`${table}trailer\n<< /Size ${infoId + 1} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Vietnamese titles need UTF-16BE with a BOM, written as a hex string. */
function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}
