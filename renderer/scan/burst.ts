// The timing core of the keyboard-wedge detector, free of the DOM so it can be tested with plain
// numbers: feed it `(event.key, event.timeStamp)` and it says whether to let the key act, to
// withhold it, to put withheld text back, or that a scan just ended.
import { classifyScan, looksLikeCitizenCard } from '../../shared/codes';

export type BurstTerminator = 'Enter' | 'Tab' | 'none';

export type BurstConfig = {
  /** Longest pause between two keys of one scan. Scanners type a key every 1–15 ms; people need 60+. */
  maxGapMs: number;
  /** Fewest characters of a scan (prefix and suffix not counted). */
  minLength: number;
  /** A burst longer than this is a stuck key or a runaway device, never a code. */
  maxLength: number;
  /** Characters the scanner is set to type before each code ('' = none). */
  prefix: string;
  /** Characters the scanner is set to type after each code, before the terminator ('' = none). */
  suffix: string;
  /** The key that ends a scan; 'none' = the scan ends when the keys stop for `maxGapMs`. */
  terminator: BurstTerminator;
};

export const DEFAULT_BURST_CONFIG: Readonly<BurstConfig> = {
  maxGapMs: 35,
  minLength: 6,
  maxLength: 512,
  prefix: '',
  suffix: '',
  terminator: 'Enter',
};

/** Keys in a row, each within the gap, that no person types: four keys in under a tenth of a second. */
const MACHINE_RUN = 4;

/** How long a scan cut short waits for the rest of it (its keys' stamps), before it is given up as misread. */
export const CUT_SCAN_WAIT_MS = 1_000;

// What dossier codes, batch codes, slip keys and the card's QR are made of; an input method's burst
// always carries a Vietnamese letter, so it is never taken for a scan cut short.
const CODE_CHARACTER = /^[0-9A-Za-z.\-/|]$/;

/**
 * What to do after one key (or one silence):
 * - `release`: withheld characters to put back where the typist meant them, before anything else;
 * - `consume`: stop this key (preventDefault) because it is withheld or belongs to a scan;
 * - `scan`: the code a scanner just finished typing;
 * - `retract`: how many characters just before the caret to take back first: the burst's first key,
 *   let through into a text field, turned out to be the start of a scan.
 * - `misread`: a scan that could not be read whole (its start settled, its end came after a real
 *   pause): what was read of it, for the officer to be told to scan again.
 */
export type BurstStep = { release: string; consume: boolean; scan?: string; retract?: number; misread?: string };

const PASS: BurstStep = { release: '', consume: false };

/** One character as `KeyboardEvent.key` reports it (a code point), not a named key like 'Enter'. */
export function isCharacterKey(key: string): boolean {
  const points = [...key];
  return points.length === 1 && key !== ' ' && !/\s/u.test(key);
}

export function resolveBurstConfig(partial: Partial<BurstConfig> = {}): BurstConfig {
  const config = { ...DEFAULT_BURST_CONFIG, ...partial };
  if (!(config.maxGapMs > 0)) throw new RangeError(`maxGapMs must be positive, got ${config.maxGapMs}`);
  if (!Number.isInteger(config.minLength) || config.minLength < 1) throw new RangeError(`minLength must be a positive integer, got ${config.minLength}`);
  if (config.maxLength < config.minLength) throw new RangeError(`maxLength ${config.maxLength} is below minLength ${config.minLength}`);
  for (const [name, text] of [
    ['prefix', config.prefix],
    ['suffix', config.suffix],
  ] as const) {
    if ([...text].some((ch) => !isCharacterKey(ch))) throw new RangeError(`${name} may hold only visible characters, got ${JSON.stringify(text)}`);
  }
  return config;
}

/**
 * A scanner burst is `prefix + code + suffix + terminator`, every key within `maxGapMs` of the one
 * before. Keys that could still start or continue such a burst are withheld; as soon as the burst
 * cannot be a scan (a slow key, a key that does not fit, no terminator) the withheld characters are
 * released in order, so a person typing never loses a keystroke.
 */
export class BurstDetector {
  readonly config: BurstConfig;
  private held: string[] = [];
  // The first of the held keys may have been let through into a text field: a person's key is never
  // late, and a scan takes it back (`retract`).
  private leaked = 0;
  private lastAt = 0;
  // The last burst the timer settled before another key came, kept so a key stamped right after it
  // (late on a loaded page, not typed late) rejoins it. `scan`: it came at scanner speed for longer
  // than a person types, in code characters, and no terminator ended it: a scan cut short.
  private cut: { keys: string[]; lastAt: number; scan: boolean } | undefined;

  constructor(config: Partial<BurstConfig> = {}) {
    this.config = resolveBurstConfig(config);
  }

  /** When the withheld keys must be settled if no other key comes; undefined when none are withheld. */
  deadline(): number | undefined {
    return this.held.length > 0 ? this.lastAt + this.config.maxGapMs : undefined;
  }

  /**
   * The withheld keys came at scanner speed for longer than a person ever types (`MACHINE_RUN`
   * keys, each within the gap) and a terminator is still to come: the burst is a scan in progress.
   * A silence now is more likely the keys being held up on their way to the page than the end of
   * the burst. With terminator 'none' the silence is what ends a scan, so this is never true.
   */
  scanUnderway(): boolean {
    return this.config.terminator !== 'none' && this.held.length >= MACHINE_RUN;
  }

  /** Characters withheld right now (prefix included). */
  pending(): string {
    return this.held.join('');
  }

  /** `mayLetThrough`: the key goes to a text field, where a key let through can be taken back. */
  feed(key: string, at: number, mayLetThrough = false): BurstStep {
    this.rejoinCut(at);
    const settled = this.held.length > 0 && at - this.lastAt > this.config.maxGapMs ? this.settle() : PASS;
    const step = this.take(key, at, mayLetThrough);
    const retract = (settled.retract ?? 0) + (step.retract ?? 0);
    return {
      release: settled.release + step.release,
      consume: step.consume,
      ...(settled.scan !== undefined ? { scan: settled.scan } : step.scan !== undefined ? { scan: step.scan } : {}),
      ...(retract > 0 ? { retract } : {}),
      ...(step.misread !== undefined ? { misread: step.misread } : {}),
    };
  }

  /** No key came before the deadline: a terminator-less scan ends here, anything else is released. */
  expire(now: number): BurstStep {
    const deadline = this.deadline();
    if (deadline === undefined || now < deadline) return PASS;
    return this.settle();
  }

  /** A key that can never be part of a scan (a shortcut, an IME composition): give everything back. */
  interrupt(): BurstStep {
    this.cut = undefined;
    return this.release();
  }

  /** A scan cut short and not continued (see `cut`): forgets it and answers what was read of it. */
  takeCutScan(): string | undefined {
    const cut = this.cut?.scan ? this.cut : undefined;
    this.cut = undefined;
    return cut?.keys.join('');
  }

  /**
   * A key stamped within the gap of the burst the timer settled was typed in that burst: it only
   * reached the page late. The burst is held again, its keys counted as let through (they are in
   * the field already), so a scan takes them back and a release does not type them twice.
   */
  private rejoinCut(at: number): void {
    const cut = this.cut;
    if (!cut || this.held.length > 0) return;
    if (at - cut.lastAt <= this.config.maxGapMs) {
      this.cut = undefined;
      this.held = [...cut.keys];
      this.leaked = cut.keys.length;
      this.lastAt = cut.lastAt;
    } else if (!cut.scan || at - cut.lastAt > CUT_SCAN_WAIT_MS) this.cut = undefined;
  }

  private take(key: string, at: number, mayLetThrough: boolean): BurstStep {
    const { config } = this;
    if (key === config.terminator) {
      const code = this.completeCode();
      const cut = this.cut?.scan ? this.cut : undefined;
      this.cut = undefined;
      // After a scan cut short, only a whole code of its own is a scan: what ends the cut one is its tail.
      if (cut && this.held.length > 0 && (code === undefined || classifyScan(code).kind === 'unknown')) {
        // The end of a scan cut short, after a real pause in the scanner's own keys: neither half is the
        // code. Both are taken back from the field (they went in at its caret), and the Enter is the scanner's.
        const misread = cut.keys.join('') + this.held.join('');
        const retract = cut.keys.length + this.leaked;
        this.clear();
        return { release: '', consume: true, misread, retract };
      }
      if (code === undefined) return this.release();
      return { release: '', consume: true, scan: code, ...this.clear() };
    }
    // An input method rewriting a letter sends Backspace then the new letter within the burst;
    // a person's Backspace that fast is equally an edit of what was just typed.
    if (key === 'Backspace' && this.held.length > config.prefix.length) {
      this.held.pop();
      this.lastAt = at;
      if (this.held.length >= this.leaked) return { release: '', consume: true };
      // The key it erases is in the field already: the Backspace goes there too.
      this.leaked = this.held.length;
      return { release: '', consume: false };
    }
    // The citizen's card QR holds names and addresses; anywhere else a space ends the burst, which
    // keeps a word just typed through the input method apart from a scan right after it.
    if (!isCharacterKey(key) && !(key === ' ' && looksLikeCitizenCard(this.held.slice(config.prefix.length).join('')))) {
      this.cut = undefined;
      return this.release();
    }
    if (this.fits(key)) return { release: '', consume: this.hold(key, at, mayLetThrough) };
    const released = this.release();
    if (this.fits(key)) return { release: released.release, consume: this.hold(key, at, mayLetThrough) };
    return released;
  }

  /** Holds `key`; answers whether to stop it, or false when it opens a burst and may go through. */
  private hold(key: string, at: number, mayLetThrough: boolean): boolean {
    const first = this.held.length === 0;
    this.held.push(key);
    this.lastAt = at;
    if (!first || !mayLetThrough) return true;
    this.leaked = 1;
    return false;
  }

  /** Forgets the held keys; answers how many of them are in the field already. */
  private clear(): { retract?: number } {
    const leaked = this.leaked;
    this.held = [];
    this.leaked = 0;
    return leaked > 0 ? { retract: leaked } : {};
  }

  private fits(key: string): boolean {
    const { prefix, maxLength, suffix } = this.config;
    const position = this.held.length;
    if (position < prefix.length) return key === prefix[position];
    return position - prefix.length < maxLength + suffix.length;
  }

  /** The code if the withheld keys are a whole scan (terminator aside), otherwise undefined. */
  private completeCode(): string | undefined {
    const { prefix, suffix, minLength } = this.config;
    const text = this.held.join('');
    if (text.length < prefix.length + suffix.length || !text.startsWith(prefix) || !text.endsWith(suffix)) return undefined;
    const code = text.slice(prefix.length, text.length - suffix.length);
    return [...code].length >= minLength ? code : undefined;
  }

  /** The burst ends without its terminator (a silence, or a key after one): kept as `cut` in case it was cut short. */
  private settle(): BurstStep {
    if (this.config.terminator === 'none') {
      const code = this.completeCode();
      if (code !== undefined) return { release: '', consume: false, scan: code, ...this.clear() };
    }
    const keys = [...this.held];
    const scan = this.scanUnderway() && keys.slice(this.config.prefix.length).every((k) => CODE_CHARACTER.test(k));
    const step = this.release();
    this.cut = { keys, lastAt: this.lastAt, scan };
    return step;
  }

  private release(): BurstStep {
    const text = this.held.slice(this.leaked).join('');
    this.held = [];
    this.leaked = 0;
    return { release: text, consume: false };
  }
}

/** The parts of a `KeyboardEvent` the detector looks at before timing it. */
export type KeyFacts = {
  key: string;
  isComposing: boolean;
  repeat: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** AltGr types characters on many layouts and reports itself as Ctrl+Alt on Windows. */
  altGraph: boolean;
};

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'CapsLock', 'NumLock', 'ScrollLock', 'Fn', 'FnLock', 'Hyper', 'Super', 'Symbol', 'SymbolLock']);

/**
 * - 'ignore': a bare modifier (scanners press Shift for capitals): neither a character nor a pause;
 * - 'interrupt': cannot be part of a scan: a shortcut, auto-repeat of a held key, or a key an
 *   in-browser input method is composing ('Process'); withheld text goes back first;
 * - 'feed': time it.
 */
export function keyDisposition(facts: KeyFacts): 'ignore' | 'interrupt' | 'feed' {
  if (MODIFIER_KEYS.has(facts.key)) return 'ignore';
  if (facts.isComposing || facts.key === 'Process' || facts.key === 'Dead' || facts.repeat) return 'interrupt';
  if (facts.metaKey || ((facts.ctrlKey || facts.altKey) && !facts.altGraph)) return 'interrupt';
  return 'feed';
}
