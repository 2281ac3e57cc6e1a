// An officer typing Vietnamese through Unikey/EVKey (Telex), replayed over the DevTools protocol as
// the page would receive it: the officer's own keys `gapMs` apart, and after a key the input method
// rewrites, its burst of Backspaces and composed letters 1–5 ms apart. The composed letters come as
// the methods send them: Unicode packet keys, text input without a key (`insertText`) or a
// composition committed at once. Every event is sent back to back with its own timestamp, like the
// test scanner, so a loaded machine delivers them as it would a real keyboard's.
import type { Page } from 'playwright-core';
import { typeThroughIme } from '../../renderer/scan/testing/vietnameseIme';
import { afterLastKey, keyOf, lastKeyStamped, NAMED, sessionOf, type KeyEventParams } from './scanner';

export type LetterDelivery = 'packet' | 'insertText' | 'composition';

const VK_PACKET = 231;

type Step = { kind: 'key'; key: KeyEventParams; at: number } | { kind: 'text'; text: string; at: number };

/** What a page receives when `telex` is typed through Unikey, with the method's letters sent as `delivery`. */
function telexSteps(telex: string, gapMs: number, delivery: LetterDelivery, start: number): Step[] {
  const steps: Step[] = [];
  let sent = 0;
  let at = start;
  for (let i = 1; i <= telex.length; i++) {
    const events = typeThroughIme(telex.slice(0, i), 'telex');
    const fresh = events.slice(sent).map((e) => e.key);
    sent = events.length;
    at += gapMs;
    if (fresh.length === 1 && fresh[0] === telex[i - 1]) {
      steps.push({ kind: 'key', key: keyOf(fresh[0]!), at });
      continue;
    }
    // The input method swallowed the officer's key and sends its rewrite instead.
    fresh.forEach((key, n) => {
      const stamp = at + (n % 5) + n;
      if (key === 'Backspace') steps.push({ kind: 'key', key: NAMED.Backspace!, at: stamp });
      else if (delivery === 'packet') steps.push({ kind: 'key', key: { key, code: '', windowsVirtualKeyCode: VK_PACKET, text: key, shift: false }, at: stamp });
      else steps.push({ kind: 'text', text: key, at: stamp });
    });
    at += fresh.length * 3;
  }
  return steps;
}

/** The text a field shows once `telex` went through the input method. */
export function telexResult(telex: string): string {
  let shown: string[] = [];
  for (const { key } of typeThroughIme(telex, 'telex')) shown = key === 'Backspace' ? shown.slice(0, -1) : [...shown, key];
  return shown.join('');
}

/** Types `telex` into the focused field through a simulated Unikey, `gapMs` between the officer's keys. */
export async function typeTelex(page: Page, telex: string, { gapMs, delivery }: { gapMs: number; delivery: LetterDelivery }): Promise<void> {
  const cdp = await sessionOf(page);
  const sends: Promise<unknown>[] = [];
  const steps = telexSteps(telex, gapMs, delivery, await afterLastKey(page));
  lastKeyStamped(page, steps.at(-1)?.at ?? 0);
  for (const step of steps) {
    const timestamp = step.at / 1000;
    if (step.kind === 'text' && delivery === 'composition') {
      sends.push(cdp.send('Input.imeSetComposition', { text: step.text, selectionStart: 1, selectionEnd: 1 }));
      sends.push(cdp.send('Input.insertText', { text: step.text }));
    } else if (step.kind === 'text') {
      sends.push(cdp.send('Input.insertText', { text: step.text }));
    } else {
      const { key, code, windowsVirtualKeyCode, text, shift } = step.key;
      const modifiers = shift ? 8 : 0;
      sends.push(
        cdp.send('Input.dispatchKeyEvent', { type: text ? 'keyDown' : 'rawKeyDown', key, code, windowsVirtualKeyCode, modifiers, timestamp, ...(text ? { text, unmodifiedText: text } : {}) }),
      );
      sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode, modifiers, timestamp }));
    }
  }
  await Promise.all(sends);
}

/**
 * A loaded machine: a worker spinning on one core and the page's own thread blocked 40 ms in every
 * 60, so input events queue up and arrive late and in clumps with their original timestamps.
 */
export async function loadMachine(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    const spin = URL.createObjectURL(new Blob(['for (;;) {}'], { type: 'text/javascript' }));
    const worker = new Worker(spin);
    const timer = setInterval(() => {
      const until = performance.now() + 40;
      while (performance.now() < until);
    }, 60);
    (window as unknown as { stopLoad(): void }).stopLoad = () => (worker.terminate(), clearInterval(timer));
  });
  return () => page.evaluate(() => (window as unknown as { stopLoad(): void }).stopLoad());
}
