// The keyboard-wedge detector in real Chromium, with a React-controlled field. People type through
// `page.keyboard.type(…, { delay: 120 })`. The scanner is a virtual HID device on the DevTools
// protocol: `page.keyboard.type(…, { delay: 5 })` awaits a round trip per key, and on a loaded
// 2-core box that put 30–200 ms between keys (slower than a person), so the scanner's key events
// are sent back to back, stamped 4 ms apart as a real scanner's would be, Shift included.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium';
import { openFixturePage, scanItems as items, serveScanFixture, type ScanFixture } from './scanFixture';
import { scan } from './scanner';

const OFFICIAL_CODE = '000.00.15.H41-260112-0001';
const BATCH_CODE = 'BG-260112-07-01';
const BARCODE_KEY = '412601120001';

let fixture: ScanFixture;
let browser: Browser;

beforeAll(async () => {
  fixture = await serveScanFixture();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await fixture?.close();
});

const openPage = (query = '') => openFixturePage(browser, fixture, query);
const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();

/** Waits for withheld keys to settle (gap + grace + the detector's allowance for a busy page). */
const settle = (page: Page) => page.waitForTimeout(600);

describe('keyboard-wedge scanner detection in Chromium', () => {
  test('a person typing in a React field is never taken for a scan and loses no character, Enter included', async () => {
    const { page, errors } = await openPage();
    await page.getByTestId('name').click();
    await page.keyboard.type('Tran Van An 0912345678', { delay: 120 });
    await page.keyboard.press('Backspace');
    await page.keyboard.type('9', { delay: 120 });
    await settle(page);
    expect(await page.getByTestId('name').inputValue()).toBe('Tran Van An 0912345679');
    expect(await text(page, 'name-state')).toBe('Tran Van An 0912345679');

    await page.getByTestId('name').fill('');
    await page.keyboard.type(OFFICIAL_CODE, { delay: 120 });
    await page.keyboard.press('Enter');
    await settle(page);
    expect(await text(page, 'name-state')).toBe(OFFICIAL_CODE);
    expect(await text(page, 'submits')).toBe('1');
    expect(await text(page, 'enter-keys')).toBe('1');
    expect(await items(page, 'screen-scans')).toEqual([]);
    expect(await items(page, 'fallback-scans')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a scan while the field has focus never types into it and is read exactly; typing around it survives', async () => {
    const { page, errors } = await openPage();
    await page.getByTestId('name').click();
    await page.keyboard.type('Lê Thị', { delay: 120 });
    await settle(page);
    await scan(page, OFFICIAL_CODE);
    await settle(page);
    await page.keyboard.type(' Hoa', { delay: 120 });
    await scan(page, BATCH_CODE);
    await settle(page);

    expect(await page.getByTestId('name').inputValue()).toBe('Lê Thị Hoa');
    expect(await text(page, 'name-state')).toBe('Lê Thị Hoa');
    expect(await items(page, 'screen-scans')).toEqual([`keyboard|${OFFICIAL_CODE}|dossierCode`, `keyboard|${BATCH_CODE}|batchCode`]);
    expect(await text(page, 'submits')).toBe('0');
    expect(await text(page, 'enter-keys')).toBe('0');
    const gaps = await page.evaluate(() => window.keyGaps);
    expect(median(gaps.filter((g) => g < 60))).toBeCloseTo(4, 0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a scan whose keys are held up on their way to the page (a loaded machine) is still one scan and types nothing', async () => {
    const { page, errors } = await openPage();
    await page.getByTestId('name').click();
    await scan(page, OFFICIAL_CODE, { stall: { afterKeys: 8, ms: 150 } });
    await scan(page, BATCH_CODE, { stall: { afterKeys: 5, ms: 250 } });
    await settle(page);
    expect(await page.getByTestId('name').inputValue()).toBe('');
    expect(await items(page, 'screen-scans')).toEqual([`keyboard|${OFFICIAL_CODE}|dossierCode`, `keyboard|${BATCH_CODE}|batchCode`]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('no scan is lost to keys held up longer than the detector waits: the late keys rejoin it by their stamps, in a field or with nothing focused', async () => {
    const { page, errors } = await openPage();
    await page.getByTestId('name').click();
    await scan(page, OFFICIAL_CODE, { stall: { afterKeys: 12, ms: 700 } });
    await scan(page, BATCH_CODE, { stall: { afterKeys: 2, ms: 500 } });
    await settle(page);
    expect(await page.getByTestId('name').inputValue()).toBe('');
    await page.getByTestId('name').blur();
    await scan(page, BARCODE_KEY, { stall: { afterKeys: 1, ms: 500 } });
    await scan(page, OFFICIAL_CODE, { stall: { afterKeys: 6, ms: 700 } });
    await settle(page);
    expect(await items(page, 'screen-scans')).toEqual([
      `keyboard|${OFFICIAL_CODE}|dossierCode`,
      `keyboard|${BATCH_CODE}|batchCode`,
      `keyboard|${BARCODE_KEY}|barcodeKey`,
      `keyboard|${OFFICIAL_CODE}|dossierCode`,
    ]);
    expect(await page.getByTestId('scan-misread').count()).toBe(0);
    expect(await page.getByTestId('name').inputValue()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a scan that cannot be read whole is never dropped without a word: «Quét lại» is shown, and the next scan takes its place', async () => {
    const { page, errors } = await openPage();
    // The scanner itself stopped half-way (its stamps say so): neither half is a code.
    await scan(page, OFFICIAL_CODE, { pause: { afterKeys: 12, ms: 300 } });
    const notice = page.getByTestId('scan-misread');
    await notice.waitFor({ timeout: 5_000 });
    expect(await notice.innerText()).toMatch(/Quét lại[\s\S]*không đọc được trọn vẹn/);
    await page.screenshot({ path: 'test-artifacts/e2e/scan-misread.png' });
    await scan(page, OFFICIAL_CODE);
    await notice.waitFor({ state: 'detached' });
    // Its end lost altogether, with nothing focused where its start could have gone.
    await scan(page, '000.00.15.H41-26', { terminator: 'none' });
    await notice.waitFor({ timeout: 5_000 });
    await page.keyboard.press('Escape');
    await notice.waitFor({ state: 'detached' });
    // In a name field the same pause leaves nothing of the scan in the field, submits nothing, and says so.
    await page.getByTestId('name').click();
    await scan(page, BATCH_CODE, { pause: { afterKeys: 6, ms: 300 } });
    await notice.waitFor({ timeout: 5_000 });
    await settle(page);
    expect(await page.getByTestId('name').inputValue()).toBe('');
    expect(await text(page, 'submits')).toBe('0');
    expect(await items(page, 'screen-scans')).toEqual([`keyboard|${OFFICIAL_CODE}|dossierCode`]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('scans with nothing focused reach the screen; a dialog takes them while open; with no screen the fallback does', async () => {
    const { page, errors } = await openPage();
    await scan(page, BARCODE_KEY);
    await page.getByTestId('toggle-dialog').click();
    await scan(page, BATCH_CODE);
    await page.getByTestId('toggle-dialog').click();
    await page.getByTestId('toggle-screen').click();
    await scan(page, OFFICIAL_CODE);
    await scan(page, 'NOT-A-CODE-123');
    await settle(page);
    expect(await items(page, 'screen-scans')).toEqual([]);
    expect(await items(page, 'fallback-scans')).toEqual([`keyboard|${OFFICIAL_CODE}|dossierCode`, 'keyboard|NOT-A-CODE-123|unknown']);
    await page.getByTestId('toggle-screen').click();
    await scan(page, OFFICIAL_CODE);
    await settle(page);
    expect(await items(page, 'screen-scans')).toEqual([`keyboard|${OFFICIAL_CODE}|dossierCode`]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a dialog opened over the screen receives its scans, the screen none', async () => {
    const { page } = await openPage();
    await page.getByTestId('toggle-dialog').click();
    await scan(page, BATCH_CODE);
    await settle(page);
    expect(await items(page, 'dialog-scans')).toEqual([`keyboard|${BATCH_CODE}|batchCode`]);
    expect(await items(page, 'screen-scans')).toEqual([]);
    await page.close();
  });

  test('prefix and suffix configuration: stripped from the scan; a burst without the prefix is no scan and reaches the field', async () => {
    const { page, errors } = await openPage('?prefix=%7E&suffix=%23');
    await page.getByTestId('name').click();
    await scan(page, `~${OFFICIAL_CODE}#`);
    await settle(page);
    expect(await items(page, 'screen-scans')).toEqual([`keyboard|${OFFICIAL_CODE}|dossierCode`]);
    expect(await text(page, 'name-state')).toBe('');

    // Without the prefix a fast burst is not a scan: it goes into the field as typed.
    await scan(page, OFFICIAL_CODE);
    await settle(page);
    expect(await text(page, 'name-state')).toBe(OFFICIAL_CODE);
    expect(await items(page, 'screen-scans')).toHaveLength(1);
    expect(await text(page, 'submits')).toBe('1');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('terminator Tab: the scanner Tab is consumed, focus stays in the field', async () => {
    const { page } = await openPage('?terminator=Tab');
    await page.getByTestId('name').click();
    await scan(page, BATCH_CODE, { terminator: 'Tab' });
    await settle(page);
    expect(await items(page, 'screen-scans')).toEqual([`keyboard|${BATCH_CODE}|batchCode`]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('name');
    expect(await text(page, 'name-state')).toBe('');
    await page.close();
  });
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.floor(sorted.length / 2)] ?? NaN) * 10) / 10;
}
