import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { ScannedFile } from '../../../../shared/host';
import { jpegPagesToPdf } from '../../../../shared/attachments/pdf';
import { pdfPageCount } from './capture';
import { mergeOffered, scannedFileBlob, settleScannedFile } from './scanFolder';

const file = (seq: number, name = `scan-${seq}.pdf`): ScannedFile => ({ seq, name, size: 10, mediaType: 'application/pdf', at: `2026-03-02T03:00:0${seq}.000Z` });

describe('files offered from the scanner folder', () => {
  it('adds fresh files in number order, once, and drops those put into a dossier or set aside', () => {
    let shown = mergeOffered([], [file(2), file(1)]);
    expect(shown.map((f) => f.seq)).toEqual([1, 2]);
    shown = mergeOffered(shown, [file(2), file(3)]);
    expect(shown.map((f) => f.seq)).toEqual([1, 2, 3]);
    settleScannedFile(file(2));
    expect(mergeOffered(shown, []).map((f) => f.seq)).toEqual([1, 3]);
    // A panel opened later for the next dossier is not offered it again.
    expect(mergeOffered([], [file(1), file(2), file(3)]).map((f) => f.seq)).toEqual([1, 3]);
    // After the host restarts its numbers, a different file with an old number is still offered.
    expect(mergeOffered([], [file(2, 'scan-moi.pdf')]).map((f) => f.name)).toEqual(['scan-moi.pdf']);
  });

  it('turns the host answer back into the bytes and type the import path reads', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 255, 128]);
    const blob = scannedFileBlob({ ...file(1), base64: Buffer.from(bytes).toString('base64') });
    expect(blob.type).toBe('application/pdf');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
  });

  it('counts the pages of a PDF it is given', () => {
    const jpeg = { bytes: new Uint8Array(createCanvas(10, 14).toBuffer('image/jpeg', 70)), width: 10, height: 14 };
    expect(pdfPageCount(jpegPagesToPdf([jpeg, jpeg, jpeg], 'Tờ khai'))).toBe(3);
    expect(pdfPageCount(new TextEncoder().encode('%PDF-1.5 nén'))).toBe(1);
  });
});
