// What the keyboard-wedge detector adds to ordinary typing, in Chromium: from a key's keydown to
// its character in the field (the field's `input` event), for an officer typing a name and a phone
// number at 120 ms a key, on the detector's test page with the detector off and on. Issue 15's
// target is under 1 ms added at the 95th percentile. The page is tests/e2e/fixtures/scan.
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/e2e/chromium';
import { openFixturePage, serveScanFixture } from '../tests/e2e/scanFixture';
import { summarise } from './stats';
import type { BenchFigure } from './types';

const TEXT = 'Tran Thi Hoa 0912345678 ';
const ROUNDS = Number(process.env.TYPING_BENCH_ROUNDS ?? 8);

// Installed before the page's own scripts, so its keydown listener runs before the detector's.
const PROBE = () => {
  const pending: number[] = [];
  const samples: number[] = [];
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.isTrusted && [...event.key].length === 1) pending.push(event.timeStamp);
    },
    { capture: true },
  );
  document.addEventListener(
    'input',
    (event) => {
      const now = performance.now();
      for (const _ of (event as InputEvent).data ?? '') {
        const at = pending.shift();
        if (at !== undefined) samples.push(now - at);
      }
    },
    { capture: true },
  );
  (window as unknown as { typingSamples: number[] }).typingSamples = samples;
};

async function typingLatency(page: Page): Promise<number[]> {
  await page.getByTestId('reason').focus();
  for (let round = 0; round < ROUNDS; round++) await page.keyboard.type(TEXT, { delay: 120 });
  await page.waitForTimeout(1000);
  const samples = await page.evaluate(() => (window as unknown as { typingSamples: number[] }).typingSamples);
  const typed = await page.getByTestId('reason').inputValue();
  if (typed !== TEXT.repeat(ROUNDS)) throw new Error(`the field holds ${JSON.stringify(typed)}, not what was typed`);
  return samples;
}

export default async function typingBench(): Promise<BenchFigure[]> {
  const fixture = await serveScanFixture();
  const browser = await launchChromium();
  try {
    const measure = async (query: string) => {
      const context = await browser.newContext();
      await context.addInitScript(PROBE);
      const { page } = await openFixturePage(context, fixture, query);
      try {
        return summarise(await typingLatency(page));
      } finally {
        await context.close();
      }
    };
    const off = await measure('?detector=off');
    const on = await measure('');
    const round = (n: number) => Math.round(n * 100) / 100;
    return [
      { name: 'typing at 120 ms a key: keydown → character in the field, detector off', median: round(off.median), p95: round(off.p95), unit: 'ms' },
      {
        name: 'typing at 120 ms a key: keydown → character in the field, detector on (ratio = p95 ÷ p95 off)',
        median: round(on.median),
        p95: round(on.p95),
        unit: 'ms',
        ratio: round(on.p95 / Math.max(off.p95, 0.01)),
      },
    ];
  } finally {
    await browser.close();
    await fixture.close();
  }
}
