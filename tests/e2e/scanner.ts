// A keyboard-wedge scanner for end-to-end tests and benchmarks. `page.keyboard.type(…, { delay: 5 })`
// awaits a round trip per key, and on a loaded 2-core machine that put 30–200 ms between keys (slower
// than a person), so the key events go out over the DevTools protocol without waiting for each
// other, stamped `gapMs` apart as a real scanner's would be, Shift included.
// Two ways to send them:
// - at once (the tests): no key waits on the test process. The browser may still deliver them
//   late on a loaded machine (70 ms apart was seen), as it would a real scanner's; the detector
//   waits for a scan already underway (detector.ts);
// - `paced`, each at its own moment (the scan benchmark): sent all at once, the keys' round trips
//   piled up in the page and the browser right when the scan's Enter is measured, which a scanner
//   never does (the outbound median went from 7.2 to 5.3 ms paced). Keys held up within a burst's
//   first four can still split it; the benchmark scans again when that happens.
import type { CDPSession, Page } from 'playwright-core';

export type KeyEventParams = { key: string; code: string; windowsVirtualKeyCode: number; text?: string; shift: boolean };

const SHIFTED_SYMBOLS: Record<string, [code: string, keyCode: number]> = { '~': ['Backquote', 192], '#': ['Digit3', 51], '|': ['Backslash', 220] };
const SYMBOLS: Record<string, [code: string, keyCode: number]> = { '.': ['Period', 190], '-': ['Minus', 189], ',': ['Comma', 188], '/': ['Slash', 191], ' ': ['Space', 32] };
// Windows' VK_PACKET: a key carrying one Unicode character, as Unikey/EVKey and scanners in Unicode mode send.
const VK_PACKET = 231;

export const NAMED: Record<string, KeyEventParams> = {
  Enter: { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r', shift: false },
  Tab: { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, shift: false },
  Shift: { key: 'Shift', code: 'ShiftLeft', windowsVirtualKeyCode: 16, shift: true },
  Backspace: { key: 'Backspace', code: 'Backspace', windowsVirtualKeyCode: 8, shift: false },
};

export function keyOf(ch: string): KeyEventParams {
  if (/^\d$/.test(ch)) return { key: ch, code: `Digit${ch}`, windowsVirtualKeyCode: 48 + Number(ch), text: ch, shift: false };
  if (/^[a-z]$/i.test(ch)) return { key: ch, code: `Key${ch.toUpperCase()}`, windowsVirtualKeyCode: ch.toUpperCase().charCodeAt(0), text: ch, shift: ch !== ch.toLowerCase() };
  const symbol = SYMBOLS[ch] ?? SHIFTED_SYMBOLS[ch];
  if (!symbol && [...ch].length === 1 && ch.codePointAt(0)! > 0x7f) return { key: ch, code: '', windowsVirtualKeyCode: VK_PACKET, text: ch, shift: false };
  if (!symbol) throw new Error(`no key for ${ch}`);
  return { key: ch, code: symbol[0], windowsVirtualKeyCode: symbol[1], text: ch, shift: ch in SHIFTED_SYMBOLS };
}

export interface ScanOptions {
  /** 'none': the scanner's last keys never come (what is left of a scan whose end was lost). */
  terminator?: 'Enter' | 'Tab' | 'none';
  gapMs?: number;
  /** Each key sent at its own moment, `gapMs` after the last, rather than all at once. */
  paced?: boolean;
  /**
   * The keys from the `afterKeys`-th on reach the browser `ms` late, stamped when the scanner typed
   * them: what a loaded machine does to a scanner's keys on their way to the page.
   */
  stall?: { afterKeys: number; ms: number };
  /** The scanner itself stops `ms` before the `afterKeys`-th key: its stamps say so too. */
  pause?: { afterKeys: number; ms: number };
}

/** Types `typed` then the terminator as a keyboard-wedge scanner does: every key `gapMs` after the last. */
export async function scan(page: Page, typed: string, { terminator = 'Enter', gapMs = 4, paced = false, stall, pause }: ScanOptions = {}): Promise<void> {
  const cdp = await sessionOf(page);
  const start = await afterLastKey(page);
  let at = start / 1000;
  const sends: Promise<unknown>[] = [];
  const send = (type: 'keyDown' | 'rawKeyDown' | 'keyUp', { key, code, windowsVirtualKeyCode, text }: KeyEventParams, shiftHeld: boolean) => {
    const params = { type, key, code, windowsVirtualKeyCode, modifiers: shiftHeld ? 8 : 0, timestamp: at, ...(type === 'keyDown' && text ? { text, unmodifiedText: text } : {}) };
    sends.push(cdp.send('Input.dispatchKeyEvent', params));
  };
  const keys = [...typed].map(keyOf);
  for (const [i, key] of (terminator === 'none' ? keys : [...keys, NAMED[terminator]!]).entries()) {
    const wait = start + i * gapMs - Date.now();
    if (paced && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (i === stall?.afterKeys) await new Promise((resolve) => setTimeout(resolve, stall.ms));
    if (i === pause?.afterKeys) {
      await new Promise((resolve) => setTimeout(resolve, pause.ms));
      at += pause.ms / 1000;
    }
    if (key.shift) send('rawKeyDown', NAMED.Shift!, true);
    send(key.text ? 'keyDown' : 'rawKeyDown', key, key.shift);
    send('keyUp', key, key.shift);
    if (key.shift) send('keyUp', NAMED.Shift!, false);
    at += gapMs / 1000;
  }
  lastKeyStamped(page, at * 1000 - gapMs);
  await Promise.all(sends);
}

/** When the last key sent to each page was stamped (ms since the epoch), by the scanner or the typist. */
const lastStamp = new WeakMap<Page, number>();

/**
 * Waits until the last key sent to `page` is due and answers the time to stamp the next one from:
 * a scanner cannot start a code before it has finished typing the last one, nor while the officer
 * is still typing, and key stamps never go back in time.
 */
export async function afterLastKey(page: Page): Promise<number> {
  const previousEnd = lastStamp.get(page) ?? 0;
  if (Date.now() <= previousEnd) await new Promise((resolve) => setTimeout(resolve, previousEnd - Date.now() + 1));
  return Date.now();
}

export function lastKeyStamped(page: Page, at: number): void {
  lastStamp.set(page, at);
}

// One DevTools session per page for all its scans: attaching and detaching one per scan made the
// page's renderer set up and tear down a DevTools agent around every scan, right when it is measured.
const sessions = new WeakMap<Page, Promise<CDPSession>>();

export function sessionOf(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}
