// The official forms on their sheets, printed to PDF through Chromium with the bundled font and read
// back as text: the register on A4 landscape with whole dates and titles, letters on one A5 page
// even with a long procedure name, and what heads and closes each letter.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apology,
  defaultSheetPaper,
  handoverRecord,
  REGISTER_COLUMNS,
  registerBook,
  renderDocumentHtml,
  stopProcessing,
  supplementRequest,
  type PrintDocument,
  type RegisterData,
} from '../../shared/documents';
import { DEFAULT_FONT_DIR, renderThermalNode } from '../../electron/services/printing/nodeCanvas';
import { rasterToPng } from '../../electron/services/printing/png';
import { decodeSymbol } from './decode';
import { AGENCY, APOLOGY, BARCODE_KEY, HANDOVER, SLIP, STOP, SUPPLEMENT } from './fixtures';

const OUT = 'test-artifacts/printing/sheets';
const CHROMIUM = '/usr/bin/chromium';
const LONG_PROCEDURE =
  'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với tổ chức, cơ sở tôn giáo, cá nhân nước ngoài, người Việt Nam định cư ở nước ngoài thực hiện dự án đầu tư';

const REGISTER: RegisterData = {
  agency: AGENCY,
  field: 'Đất đai',
  year: 2026,
  book: '01/2026',
  rows: [1, 2, 3].map((n) => ({
    seq: 35 + n,
    dossierCode: `000.00.15.H41-261207-00${10 + n}`,
    procedureName: n === 2 ? LONG_PROCEDURE : SLIP.procedureName,
    applicantName: 'Nguyễn Thị Hồng Nhung',
    addressPhone: 'Số 12, đường Lê Hồng Phong, TP Vinh, 0912345678',
    decidingAgency: 'Văn phòng Đăng ký đất đai tỉnh Nghệ An',
    receivedAt: '2026-12-07T01:05:00.000Z',
    appointmentAt: '2026-12-28T02:00:00.000Z',
    returnedAt: n === 1 ? '2026-12-24T03:00:00.000Z' : undefined,
    collectedHow: n === 1 ? 'Bưu chính công ích' : undefined,
  })),
};

describe.skipIf(!existsSync(CHROMIUM))('sheets printed to PDF', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });
  afterAll(() => browser?.close());

  /** Prints the document as the system printer would and answers the PDF's page count, page size and text. */
  async function printed(name: string, doc: PrintDocument): Promise<{ pages: number; size: [number, number]; text: string[] }> {
    const font = (file: string) => pathToFileURL(join(DEFAULT_FONT_DIR, file)).href;
    const html = renderDocumentHtml(doc, defaultSheetPaper(doc), { fonts: { regular: font('NotoSans-Regular.ttf'), bold: font('NotoSans-Bold.ttf'), italic: font('NotoSans-Italic.ttf') } });
    await mkdir(OUT, { recursive: true });
    const htmlFile = join(OUT, `${name}.html`);
    await writeFile(htmlFile, html);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(htmlFile).href);
    await page.evaluate(() => document.fonts.ready);
    const pdf = join(OUT, `${name}.pdf`);
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    await page.close();
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const text = Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-'], { encoding: 'utf8' }));
    return { pages, size: [Math.round(Number(size[1])), Math.round(Number(size[2]))], text };
  }

  it('the register is on A4 landscape, with every date, code and column title whole', async () => {
    for (const formSet of ['2025', '2018'] as const) {
      const { size, text } = await printed(`register-${formSet}`, registerBook(REGISTER, { layout: 'sheet', formSet }));
      expect(size).toEqual([842, 595]);
      const all = text.join('\n');
      for (const whole of ['07/12/2026', '28/12/2026', '24/12/2026', '000.00.15.H41-261207-0011', '000.00.15.H41-261207-0013']) expect(all, whole).toContain(whole);
      // A title may wrap between its words, never inside one ("Ngà y nhậ n").
      const words = new Set(all.split(/\s+/));
      for (const column of REGISTER_COLUMNS) for (const word of column.title.split(' ')) expect(words, `${column.title}: ${word}`).toContain(word);
    }
  });

  it.each([
    ['Mẫu 02', () => supplementRequest({ ...SUPPLEMENT, procedureName: LONG_PROCEDURE }, { layout: 'sheet' }, BARCODE_KEY)],
    ['Mẫu 04', () => apology({ ...APOLOGY, procedureName: LONG_PROCEDURE }, { layout: 'sheet' }, BARCODE_KEY)],
    ['Mẫu 05', () => stopProcessing({ ...STOP, procedureName: LONG_PROCEDURE, papersReturn: 'Trả lại ngay tại Quầy trả kết quả, Trung tâm Phục vụ Hành chính công tỉnh.' }, { layout: 'sheet' })],
  ])('%s with a long procedure name keeps its signature on the page of its text: one A5 page', async (name, build) => {
    const { pages, size } = await printed(`long-${name.replace(' ', '-')}`, build());
    expect(size).toEqual([420, 595]);
    expect(pages).toBe(1);
  });

  it('Mẫu 04 is the deciding agency’s letter under its own name, with its number line, signed by its head', async () => {
    const { text } = await printed('mau-04-header', apology(APOLOGY, { layout: 'sheet' }, BARCODE_KEY));
    const head = text[0]!.split('\n').slice(0, 8).join('\n');
    expect(head).toContain('SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG');
    expect(head).not.toContain('TRUNG TÂM PHỤC VỤ');
    expect(head).toContain('Số: ……/……');
    expect(text[0]).toContain('GIÁM ĐỐC');
    expect(text[0]).toContain('Lê Văn Hải');
  });

  it('the stop notice says once where the papers come back, and is signed for the agency', async () => {
    const { text } = await printed('stop-notice', stopProcessing({ ...STOP, papersReturn: 'Trả lại ngay tại Quầy trả kết quả.' }, { layout: 'sheet' }));
    const all = text.join('\n');
    expect(all.match(/trả lại/gi)).toHaveLength(1);
    expect(all).toContain('Số: ……/……');
    expect(all).toContain('GIÁM ĐỐC');
  });

  it('a handover record between two centers names both and what the batch carries, on its sheet and on a roll', async () => {
    const between = {
      ...HANDOVER,
      fromUnit: 'Trung tâm Phục vụ hành chính công xã Diễn Châu',
      toUnit: 'Trung tâm Phục vụ hành chính công phường Vinh Hưng',
      carried: 'Kết quả giải quyết chuyển giữa các trung tâm',
    };
    const { pages, text } = await printed('handover-between-centers', handoverRecord(between, { layout: 'sheet' }));
    expect(pages).toBe(1);
    const all = text.join('\n').replace(/\s+/g, ' ');
    for (const line of [
      'Từ trung tâm: Trung tâm Phục vụ hành chính công xã Diễn Châu',
      'Đến trung tâm: Trung tâm Phục vụ hành chính công phường Vinh Hưng',
      'Nội dung: Kết quả giải quyết chuyển giữa các trung tâm',
    ]) {
      expect(all).toContain(line);
    }
    // Rasterised as staff see them (looked at: test-artifacts/printing/sheets/handover-between-centers-1.png, …-80mm.png).
    execFileSync('pdftoppm', ['-png', '-r', '110', join(OUT, 'handover-between-centers.pdf'), join(OUT, 'handover-between-centers')]);
    const roll = rasterToPng(renderThermalNode(handoverRecord(between, { layout: 'thermal' }), '80mm'));
    await writeFile(join(OUT, 'handover-between-centers-80mm.png'), roll);
    expect(decodeSymbol(roll, 'QR_CODE')).toBe(HANDOVER.batchCode);
  });
});
