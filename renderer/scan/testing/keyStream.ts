// Plays timed keys through a BurstDetector and keeps what a focused text field would end up showing,
// so tests can check "no keystroke lost, no scan leaked" without a DOM.
import type { BurstDetector, BurstStep } from '../burst';
import { isCharacterKey } from '../burst';

export type TimedKey = { key: string; at: number };
export type Playback = { field: string; scans: string[]; passedNamedKeys: string[]; consumed: number; misreads: string[] };

/**
 * `timer: false` plays a stalled page whose timer never ran between keys: only key timestamps count.
 * `letThrough`: the keys go to a text field, where the detector may let a burst's first key through.
 */
export function play(detector: BurstDetector, keys: TimedKey[], { timer = true, letThrough = false }: { timer?: boolean; letThrough?: boolean } = {}): Playback {
  const out: Playback = { field: '', scans: [], passedNamedKeys: [], consumed: 0, misreads: [] };
  let field: string[] = [];
  const apply = ({ release, scan, retract = 0, misread }: BurstStep) => {
    field = field.slice(0, field.length - retract);
    field.push(...release);
    if (scan !== undefined) out.scans.push(scan);
    if (misread !== undefined) out.misreads.push(misread);
  };
  for (const { key, at } of keys) {
    const due = detector.deadline();
    if (timer && due !== undefined && due < at) {
      // The timer the DOM layer sets fires before a key that comes after the deadline.
      apply(detector.expire(due));
    }
    const step = detector.feed(key, at, letThrough);
    apply(step);
    if (step.consume) out.consumed++;
    else if (key === 'Backspace') field = field.slice(0, -1);
    else if (isCharacterKey(key) || key === ' ') field.push(key);
    else out.passedNamedKeys.push(key);
  }
  const due = detector.deadline();
  if (due !== undefined) apply(detector.expire(due));
  out.field = field.join('');
  return out;
}

/** Keys of `text` spaced `gaps(i)` ms apart from `start`; returns them and the time of the last. */
export function timed(text: string | string[], start: number, gap: (index: number) => number): TimedKey[] {
  const keys: TimedKey[] = [];
  let at = start;
  [...text].forEach((key, index) => {
    if (index > 0) at += gap(index);
    keys.push({ key, at });
  });
  return keys;
}
