// Vietnamese typed through Unikey/EVKey in real Chromium with the scanner detector running: the
// officer's Telex keys 3 and 20 ms apart, the method's Backspaces and composed letters 1–5 ms apart
// as packet keys, as text input and as compositions, on an idle and on a loaded machine. Every
// field must end with exactly the text typed: nothing lost, doubled or reordered, and no scan.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium';
import { openFixturePage, scanItems, serveScanFixture, type ScanFixture } from './scanFixture';
import { scan } from './scanner';
import { loadMachine, telexResult, typeTelex, type LetterDelivery } from './typist';

const NAME = 'Nguyeenx Vawn An';
const REASON = 'Thur tucj khoong thuoocj thaamr quyeenf';
const ADDRESS = 'Phuwowngf Vinh Phus, tinhr Ngheej An';

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

const state = (page: Page, testId: string) => page.getByTestId(testId).innerText();

/** Types each text into its field at each speed, waiting until the field settles, and returns what the fields and React hold. */
async function typeEverything(page: Page, delivery: LetterDelivery): Promise<string[]> {
  const seen: string[] = [];
  for (const gapMs of [3, 20]) {
    for (const [field, telex] of [
      ['name', NAME],
      ['reason', REASON],
      ['name', ADDRESS],
    ] as const) {
      await page.getByTestId(field).fill('');
      await page.getByTestId(field).focus();
      await typeTelex(page, telex, { gapMs, delivery });
      await expect.poll(() => page.getByTestId(field).inputValue(), { timeout: 5000 }).toBe(telexResult(telex));
      // Held keys still due would show up after the poll; the detector's longest wait is under a second.
      await page.waitForTimeout(700);
      seen.push(`${gapMs}|${await page.getByTestId(field).inputValue()}|${await state(page, `${field}-state`)}`);
    }
  }
  return seen;
}

const expected = [3, 20].flatMap((gapMs) => [NAME, REASON, ADDRESS].map((telex) => `${gapMs}|${telexResult(telex)}|${telexResult(telex)}`));

describe('typing Vietnamese through Unikey with the scanner detector on', () => {
  test('the replay itself: without the detector every field shows exactly the text typed', async () => {
    const { page, errors } = await openFixturePage(browser, fixture, '?detector=off');
    for (const delivery of ['packet', 'insertText', 'composition'] as const) expect(await typeEverything(page, delivery)).toEqual(expected);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const delivery of ['packet', 'insertText', 'composition'] as const) {
    for (const loaded of [false, true]) {
      test(`letters as ${delivery}${loaded ? ', machine loaded' : ''}: every field ends with exactly the text typed, and no scan`, async () => {
        const { page, errors } = await openFixturePage(browser, fixture);
        const unload = loaded ? await loadMachine(page) : undefined;
        try {
          expect(await typeEverything(page, delivery)).toEqual(expected);
        } finally {
          await unload?.();
        }
        expect(await scanItems(page, 'screen-scans')).toEqual([]);
        expect(await scanItems(page, 'fallback-scans')).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }

  test('scans between words typed through Unikey, machine loaded: the field holds the words, the screen gets the scans', async () => {
    const { page, errors } = await openFixturePage(browser, fixture);
    const unload = await loadMachine(page);
    try {
      await page.getByTestId('name').focus();
      await typeTelex(page, 'Nguyeenx ', { gapMs: 20, delivery: 'insertText' });
      await scan(page, '000.00.15.H41-260112-0001', { gapMs: 3 });
      await typeTelex(page, 'Vawn ', { gapMs: 3, delivery: 'packet' });
      await scan(page, 'BG-260112-07-01', { gapMs: 1 });
      await typeTelex(page, 'An', { gapMs: 10, delivery: 'composition' });
      await expect.poll(() => page.getByTestId('name').inputValue(), { timeout: 5000 }).toBe('Nguyễn Văn An');
      await expect.poll(() => scanItems(page, 'screen-scans'), { timeout: 5000 }).toEqual(['keyboard|000.00.15.H41-260112-0001|dossierCode', 'keyboard|BG-260112-07-01|batchCode']);
    } finally {
      await unload();
    }
    await page.waitForTimeout(700);
    expect(await state(page, 'name-state')).toBe('Nguyễn Văn An');
    expect(await state(page, 'submits')).toBe('0');
    expect(errors).toEqual([]);
    await page.close();
  });
});

const CARD = '040090001234||Nguyễn Văn An|01011990|Nam|Phường Vinh Phú, tỉnh Nghệ An|04102024||||';

describe('a scan goes where the officer means', () => {
  test('a postal tracking number scanned into "Số hiệu bưu gửi" (data-scan="text") is typed there, the form not submitted', async () => {
    const { page, errors } = await openFixturePage(browser, fixture);
    await page.getByTestId('tracking').focus();
    await scan(page, 'EA123456789VN');
    await expect.poll(() => state(page, 'tracking-state'), { timeout: 5000 }).toBe('EA123456789VN');
    await scan(page, '000.00.15.H41-260112-0001', { gapMs: 2 });
    await expect.poll(() => state(page, 'tracking-state'), { timeout: 5000 }).toBe('EA123456789VN000.00.15.H41-260112-0001');
    await page.waitForTimeout(700);
    expect(await scanItems(page, 'screen-scans')).toEqual([]);
    expect(await state(page, 'submits')).toBe('0');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('in a name field (data-scan="typing") fast typing ending in Enter is typing, Enter included; a dossier code scanned there still reaches the screen', async () => {
    const { page, errors } = await openFixturePage(browser, fixture);
    await page.getByTestId('name').focus();
    await scan(page, 'TRANVANAN', { gapMs: 3 });
    await expect.poll(() => state(page, 'name-state'), { timeout: 5000 }).toBe('TRANVANAN');
    await expect.poll(() => state(page, 'submits'), { timeout: 5000 }).toBe('1');
    await scan(page, '000.00.15.H41-260112-0001', { gapMs: 3 });
    await expect.poll(() => scanItems(page, 'screen-scans'), { timeout: 5000 }).toEqual(['keyboard|000.00.15.H41-260112-0001|dossierCode']);
    await page.waitForTimeout(700);
    expect(await state(page, 'name-state')).toBe('TRANVANAN');
    expect(await state(page, 'submits')).toBe('1');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the citizen’s card QR, typed by a wedge scanner in Unicode mode, reaches the screen whole from any field, machine loaded', async () => {
    const { page, errors } = await openFixturePage(browser, fixture);
    const unload = await loadMachine(page);
    try {
      for (const field of ['tracking', 'name', 'reason']) {
        await page.getByTestId(field).focus();
        await scan(page, CARD, { gapMs: 2 });
      }
      await scan(page, '040090001234||Nguyễn Văn An|01011990', { gapMs: 2 });
      await expect
        .poll(() => scanItems(page, 'screen-scans'), { timeout: 5000 })
        .toEqual([...[1, 2, 3].map(() => `keyboard|${CARD}|citizenCard`), 'keyboard|040090001234||Nguyễn Văn An|01011990|unknown']);
    } finally {
      await unload();
    }
    for (const field of ['tracking', 'name', 'reason']) expect(await state(page, `${field}-state`)).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});
