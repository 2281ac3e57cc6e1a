// The seven 2025 forms (TT 03/2025/TT-VPCP) on both rolls and on their sheets, with images kept in
// test-artifacts/printing/forms-2025 to be looked at; the 2018 set is rendered once to prove it stays selectable.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentOptions, FormSet, PrintDocument, RegisterData } from '../../shared/documents';
import { apology, appointmentSlip, controlSheet, defaultSheetPaper, legalBasis, refusal, registerBook, renderDocumentHtml, stopProcessing, supplementRequest } from '../../shared/documents';
import { DEFAULT_FONT_DIR, renderThermalNode } from '../../electron/services/printing/nodeCanvas';
import { rasterToPng } from '../../electron/services/printing/png';
import { AGENCY, APOLOGY, BARCODE_KEY, CONTROL, DOSSIER_CODE, REFUSAL, SLIP, STOP, SUPPLEMENT } from './fixtures';

const OUT = 'test-artifacts/printing/forms-2025';
const CHROMIUM = '/usr/bin/chromium';

const REGISTER: RegisterData = {
  agency: AGENCY,
  field: 'Đất đai',
  year: 2026,
  book: '01/2026',
  rows: [
    {
      seq: 36,
      dossierCode: '000.00.15.H41-260112-0001',
      procedureName: SLIP.procedureName,
      applicantName: 'Nguyễn Thị Hồng Nhung',
      addressPhone: 'TP Vinh, 0912345678',
      decidingAgency: 'Sở Nông nghiệp và Môi trường',
      receivedAt: SLIP.receivedAt,
      appointmentAt: SLIP.appointmentAt,
      returnedAt: '2026-01-30T03:00:00.000Z',
      collectedHow: 'Tại quầy',
    },
    {
      seq: 37,
      dossierCode: '000.00.15.H41-260112-0002',
      procedureName: 'Đăng ký biến động quyền sử dụng đất',
      applicantName: 'Võ Đình Ước',
      addressPhone: 'Nghi Lộc, 0987654321',
      decidingAgency: 'Văn phòng Đăng ký đất đai',
      receivedAt: SLIP.receivedAt,
      appointmentAt: SLIP.appointmentAt,
    },
  ],
};

/** The seven forms of one set (the 2018 set has no stop notice, so six there). */
function forms(options: DocumentOptions): { form: string; doc: PrintDocument }[] {
  const set = options.formSet ?? '2025';
  const list: { form: string; doc: () => PrintDocument }[] = [
    { form: '01', doc: () => appointmentSlip({ ...SLIP, applicant: { ...SLIP.applicant, representative: 'Lê Văn Tâm' } }, options) },
    { form: '02', doc: () => supplementRequest(SUPPLEMENT, options, BARCODE_KEY) },
    { form: '03', doc: () => refusal(REFUSAL, options) },
    { form: '04', doc: () => apology(APOLOGY, options, BARCODE_KEY) },
    {
      form: '05',
      doc: () =>
        stopProcessing(
          {
            ...STOP,
            requestedBy: 'Lê Văn Tâm (người được ủy quyền)',
            requestedAt: '2026-01-14T02:30:00.000Z',
            feeNote: 'Thủ tục không quy định hoàn trả: lệ phí đã nộp không được hoàn lại.',
            papersReturn: 'Quầy trả kết quả, Trung tâm Phục vụ Hành chính công tỉnh',
          },
          options,
        ),
    },
    { form: '06', doc: () => controlSheet(CONTROL, options) },
    { form: '07', doc: () => registerBook(REGISTER, options) },
  ];
  return (set === '2025' ? list : list.filter((f) => f.form !== '05')).map((f) => ({ form: f.form, doc: f.doc() }));
}

describe.each(['58mm', '80mm'] as const)('2025 forms on a %s roll', (paper) => {
  it.each(forms({ layout: 'thermal' }).map((f) => f.form))('form %s renders with ink, its legal basis and within the head width', async (form) => {
    const doc = forms({ layout: 'thermal' }).find((f) => f.form === form)!.doc;
    expect(doc.formSet).toBe('2025');
    expect(JSON.stringify(doc.blocks)).toContain('Nghị định số 118/2025/NĐ-CP');
    const raster = renderThermalNode(doc, paper);
    expect(raster.widthDots).toBe(paper === '58mm' ? 384 : 576);
    const black = raster.bits.reduce((n, b) => n + (b ? 1 : 0), 0);
    expect(black / raster.bits.length).toBeGreaterThan(0.03);
    await mkdir(OUT, { recursive: true });
    await writeFile(join(OUT, `mau-${form}-${paper}.png`), rasterToPng(raster));
  });
});

describe.skipIf(!existsSync(CHROMIUM))('2025 and 2018 forms on their sheets through Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });
  afterAll(() => browser?.close());
  const fontUrl = (file: string) => pathToFileURL(join(DEFAULT_FONT_DIR, file)).href;

  async function printSheet(doc: PrintDocument, name: string): Promise<{ pages: number; widthPt: number; png: string }> {
    const paper = defaultSheetPaper(doc);
    const html = renderDocumentHtml(doc, paper, { fonts: { regular: fontUrl('NotoSans-Regular.ttf'), bold: fontUrl('NotoSans-Bold.ttf'), italic: fontUrl('NotoSans-Italic.ttf') } });
    await mkdir(OUT, { recursive: true });
    const htmlFile = join(OUT, `${name}-${paper}.html`);
    await writeFile(htmlFile, html);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(htmlFile).href);
    await page.evaluate(() => document.fonts.ready);
    const pdfFile = join(OUT, `${name}-${paper}.pdf`);
    await page.pdf({ path: pdfFile, preferCSSPageSize: true, printBackground: true });
    await page.close();
    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    // A first-page image to look at, as staff would see the sheet.
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfFile, join(OUT, `${name}-${paper}`)]);
    return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), widthPt: Math.round(Number(/Page size:\s+([\d.]+) x/.exec(info)![1])), png: `${name}-${paper}.png` };
  }

  it.each(forms({ layout: 'sheet' }).map((f) => f.form))('2025 form %s prints on one or two pages of its sheet', async (form) => {
    const doc = forms({ layout: 'sheet' }).find((f) => f.form === form)!.doc;
    const result = await printSheet(doc, `mau-${form}`);
    expect(result.pages).toBeGreaterThanOrEqual(1);
    expect(result.pages).toBeLessThanOrEqual(2);
    // The register lies on A4 landscape (842 pt wide); the other forms stand on A5.
    expect(result.widthPt).toBe(form === '07' ? 842 : 420);
    const text = execFileSync('pdftotext', [join(OUT, `mau-${form}-${defaultSheetPaper(doc)}.pdf`), '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, ' ')).toContain('118/2025/NĐ-CP');
  });

  it.each(['2018'] as FormSet[])('the %s set stays selectable and names its own circular', async (formSet) => {
    for (const { form, doc } of forms({ layout: 'sheet', formSet })) {
      expect(doc.formSet).toBe('2018');
      await printSheet(doc, `tt2018-${form}`);
    }
    expect(legalBasis('2018', 'register')).toBe('Mẫu số 06 – Thông tư số 01/2018/TT-VPCP');
    expect(DOSSIER_CODE).toMatch(/H41/);
  });
});
