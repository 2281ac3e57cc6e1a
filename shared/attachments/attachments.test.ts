import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleReceived } from '../domain/fixtures';
import { applyEvent } from '../domain/reducer';
import type { DossierEvent, DossierState } from '../domain/types';
import { copyFact, exemptionFact, exemptionProblem, type AttachmentRecord } from './model';
import { digitisationFacts, digitisationRates, digitisationTotal } from './stats';
import { findPage, mapPoint, rectToQuadHomography, toGray, warpToRect, type Quad, type RgbaImage } from './page';
import { jpegPagesToPdf, jpegSize } from './pdf';
import { chunkCount, chunkRange, missingChunks, parseReceivedHeader, toHex } from './protocol';
import { uploadAttachment, type AttachmentTransport } from './upload';

/** A dark desk with a light sheet rotated a little, text-like bars on it. */
function deskFrame(width: number, height: number, quad: Quad): RgbaImage {
  const c = createCanvas(width, height);
  const g = c.getContext('2d');
  g.fillStyle = '#303030';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#f4f4f0';
  g.beginPath();
  quad.forEach((p, i) => (i === 0 ? g.moveTo(p.x, p.y) : g.lineTo(p.x, p.y)));
  g.closePath();
  g.fill();
  const data = g.getImageData(0, 0, width, height).data;
  return { width, height, data: new Uint8ClampedArray(data) };
}

describe('page detection and squaring', () => {
  it('finds the four corners of a tilted sheet within a few pixels', () => {
    fc.assert(
      fc.property(fc.integer({ min: -12, max: 12 }), fc.integer({ min: -12, max: 12 }), (dx, dy) => {
        const quad: Quad = [
          { x: 60 + dx, y: 30 },
          { x: 260, y: 40 + dy },
          { x: 250 - dx, y: 300 },
          { x: 50, y: 290 - dy },
        ];
        const frame = deskFrame(320, 330, quad);
        const found = findPage(toGray(frame), frame.width, frame.height);
        expect(found).toBeDefined();
        found!.forEach((p, i) => {
          expect(Math.abs(p.x - quad[i]!.x)).toBeLessThanOrEqual(4);
          expect(Math.abs(p.y - quad[i]!.y)).toBeLessThanOrEqual(4);
        });
      }),
      { numRuns: 15 },
    );
  });

  it('finds no page in an empty desk', () => {
    const frame = deskFrame(100, 100, [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 1, y: 1 },
      { x: 0, y: 1 },
    ]);
    expect(findPage(toGray(frame), 100, 100)).toBeUndefined();
  });

  it('maps the output rectangle onto the quad and squares the sheet to all-light pixels', () => {
    const quad: Quad = [
      { x: 70, y: 30 },
      { x: 260, y: 45 },
      { x: 245, y: 300 },
      { x: 50, y: 285 },
    ];
    const hm = rectToQuadHomography(124, 175, quad);
    const corner = mapPoint(hm, 124, 175);
    expect(corner.x).toBeCloseTo(245, 6);
    expect(corner.y).toBeCloseTo(300, 6);
    const frame = deskFrame(320, 330, quad);
    const page = warpToRect(frame, findPage(toGray(frame), 320, 330)!, 124, 175);
    const gray = toGray(page);
    const dark = gray.filter((v) => v < 128).length;
    expect(dark / gray.length).toBeLessThan(0.02);
  });
});

describe('PDF of JPEG pages', () => {
  it('reads the JPEG size and writes a PDF that pdfinfo opens with one page per image', () => {
    const pages = [0, 1].map((i) => {
      const c = createCanvas(124, 175);
      const g = c.getContext('2d');
      g.fillStyle = '#fff';
      g.fillRect(0, 0, 124, 175);
      g.fillStyle = '#000';
      g.fillRect(10, 20 + i * 40, 100, 8);
      const bytes = new Uint8Array(c.toBuffer('image/jpeg', 70));
      return { bytes, ...jpegSize(bytes) };
    });
    expect(pages[0]!.width).toBe(124);
    expect(pages[0]!.height).toBe(175);
    const pdf = jpegPagesToPdf(pages, 'Giấy chứng nhận quyền sử dụng đất');
    const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
    writeFileSync(join(dir, 'a.pdf'), pdf);
    const info = execFileSync('pdfinfo', [join(dir, 'a.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+2/);
    expect(info).toContain('Giấy chứng nhận quyền sử dụng đất');
    expect(() => jpegSize(new Uint8Array([1, 2, 3]))).toThrow(/JPEG/);
    expect(() => jpegPagesToPdf([])).toThrow(/ít nhất một trang/);
  });
});

describe('chunk arithmetic', () => {
  it('covers every byte exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 5_000, max: 300_000 }), (size, chunk) => {
        const count = chunkCount(size, chunk);
        let at = 0;
        for (let n = 0; n < count; n++) {
          const r = chunkRange(n, size, chunk);
          expect(r.start).toBe(at);
          at = r.end;
        }
        expect(at).toBe(size);
        expect(() => chunkRange(count, size, chunk)).toThrow();
      }),
    );
    expect(missingChunks([0, 2], 4)).toEqual([1, 3]);
    expect(parseReceivedHeader('0, 2,x,5')).toEqual([0, 2, 5]);
    expect(toHex(new Uint8Array([0, 255, 16]))).toBe('00ff10');
  });
});

describe('uploadAttachment', () => {
  it('sends only the chunks the server lacks and nothing when it holds the file', async () => {
    const bytes = new Uint8Array(10_000).map((_, i) => i % 251);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const sent: number[] = [];
    let stored = false;
    const transport: AttachmentTransport = {
      status: async () => (stored ? { state: 'stored' } : { state: 'partial', received: [0, 2] }),
      putChunk: async (_s, n) => void sent.push(n),
      complete: async (m) => ((stored = true), { sha256: m.sha256, size: m.size, duplicate: false }),
    };
    const manifest = { sha256: sha, size: bytes.length, mediaType: 'application/pdf' as const, chunkSize: 1000 };
    expect(await uploadAttachment(bytes, manifest, transport)).toMatchObject({ sentChunks: 8, sentBytes: 8000 });
    expect(sent).toEqual([1, 3, 4, 5, 6, 7, 8, 9]);
    expect(await uploadAttachment(bytes, manifest, transport)).toMatchObject({ sentChunks: 0, duplicate: true });
  });
});

describe('digitisation of a dossier', () => {
  const att = (line: number, capturedAt: string): AttachmentRecord => ({
    sha256: 'a'.repeat(64),
    dossierId: 'd',
    checklistLine: line,
    documentName: 'x',
    mediaType: 'application/pdf',
    size: 1,
    pages: 1,
    source: 'camera',
    capturedAt,
    capturedBy: 'u',
    upload: 'local',
  });
  it('turns a capture and an exemption into the dossier facts the reducer accepts', () => {
    const received = sampleReceived({ seed: 7 });
    let state: DossierState = (applyEvent(undefined, received) as { ok: true; state: DossierState }).state;
    const exempt = { dossierId: received.dossierId, checklistLine: 2, exemption: 'shownOnly' as const, reason: '  Chỉ xuất trình CCCD ', recordedAt: 't', recordedBy: 'u' };
    const facts = [copyFact({ ...att(0, '1'), dossierId: received.dossierId }), exemptionFact(exempt, 'Bản vẽ thiết kế xây dựng')];
    expect(facts[1]).toEqual({ line: 2, documentName: 'Bản vẽ thiết kế xây dựng', kind: 'exempt', exemption: 'shownOnly', reason: 'Chỉ xuất trình CCCD' });
    facts.forEach((payload, i) => {
      const event = { ...received, id: `00000000-0000-4000-8000-00000000000${i}`, type: 'documentDigitised', payload } as DossierEvent;
      const result = applyEvent(state, event);
      if (!result.ok) throw new Error(result.error.message);
      state = result.state;
    });
    expect(state.digitisation?.[0]).toMatchObject({ kind: 'copy', sha256: 'a'.repeat(64), pages: 1, source: 'camera' });
    const [fact] = digitisationFacts([state]);
    expect(fact).toEqual({ departmentId: 'so-xay-dung', receivedOn: '2026-01-12', complete: false });
    expect(exemptionProblem('classified', 'ngắn')).toMatch(/lý do/);
    expect(exemptionProblem('other', 'đủ dài rồi')).toMatch(/Thông tư 03\/2025/);
    expect(exemptionProblem('classified', 'Tài liệu mật theo công văn 12/CV')).toBeUndefined();
  });
});

describe('digitisation rate', () => {
  it('counts fully digitised over received, per department, within the period only', () => {
    const facts = [
      { departmentId: 'SNNMT', receivedOn: '2026-01-12', complete: true },
      { departmentId: 'SNNMT', receivedOn: '2026-01-13', complete: false },
      { departmentId: 'STP', receivedOn: '2026-01-13', complete: true },
      { departmentId: 'STP', receivedOn: '2026-02-01', complete: false },
    ];
    expect(digitisationRates(facts, '2026-01-01', '2026-01-31')).toEqual([
      { departmentId: 'SNNMT', received: 2, digitised: 1, rate: 0.5 },
      { departmentId: 'STP', received: 1, digitised: 1, rate: 1 },
    ]);
    fc.assert(
      fc.property(fc.array(fc.record({ departmentId: fc.constantFrom('A', 'B'), receivedOn: fc.constantFrom('2026-01-01', '2026-01-02'), complete: fc.boolean() })), (fs) => {
        const rates = digitisationRates(fs, '2026-01-01', '2026-01-02');
        expect(rates.reduce((n, r) => n + r.received, 0)).toBe(fs.length);
        for (const r of rates) expect(r.rate).toBeLessThanOrEqual(1);
        expect(digitisationTotal(rates).digitised).toBe(fs.filter((f) => f.complete).length);
      }),
    );
  });

  it('totals all departments, weighting each by what it received', () => {
    const rates = [
      { departmentId: 'SNNMT', received: 8, digitised: 6, rate: 0.75 },
      { departmentId: 'STP', received: 2, digitised: 0, rate: 0 },
    ];
    // 6 of 10, not the mean of 75 % and 0 %.
    expect(digitisationTotal(rates)).toEqual({ received: 10, digitised: 6, rate: 0.6 });
    expect(digitisationTotal([])).toEqual({ received: 0, digitised: 0, rate: 0 });
  });
});
