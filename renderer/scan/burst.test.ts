import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dossierBarcodeKey, formatBatchCode, formatDossierCode } from '../../shared/codes';
import { agencyCode, codeDate, sequence } from '../../shared/codes/testArbitraries';
import { BurstDetector, DEFAULT_BURST_CONFIG, keyDisposition, resolveBurstConfig, type KeyFacts } from './burst';
import { play, timed, type TimedKey } from './testing/keyStream';

const GAP = DEFAULT_BURST_CONFIG.maxGapMs;

const dossierCode = fc.tuple(agencyCode, codeDate, fc.integer({ min: 1, max: 9999 })).map(([agency, date, seq]) => formatDossierCode({ agency, date, seq }));
const batchCode = fc.tuple(codeDate, fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 })).map(([date, counter, batchNumber]) => formatBatchCode({ date, counter, batchNumber }));
const barcodeKey = fc.tuple(fc.integer({ min: 0, max: 99 }), codeDate, sequence).map(([agencyIndex, date, seq]) => dossierBarcodeKey({ agencyIndex, date, seq }));
const anyCode = fc.oneof(dossierCode, batchCode, barcodeKey);

/** What people type into fields at the counter: names with diacritics, digits, punctuation, spaces. */
const humanText = fc.string({ unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĐHN0123456789.-/ ,'), minLength: 1, maxLength: 30 });
const scannerGap = fc.integer({ min: 0, max: GAP });
const humanGap = fc.integer({ min: GAP + 1, max: 600 });

function scannerKeys(text: string, start: number, gaps: number[]): TimedKey[] {
  return timed([...text, 'Enter'], start, (i) => gaps[i % gaps.length] ?? 5);
}

describe('BurstDetector', () => {
  test('the official 25-character code typed at scanner speed is one scan, and nothing reaches the field', () => {
    const code = '000.00.15.H41-260112-0001';
    const result = play(
      new BurstDetector(),
      timed([...code, 'Enter'], 1000, () => 8),
    );
    expect(result.scans).toEqual([code]);
    expect(result.field).toBe('');
    expect(result.passedNamedKeys).toEqual([]);
    expect(result.consumed).toBe(code.length + 1);
  });

  test('property: any dossier code, batch code or barcode key at scanner speed is read exactly, whatever came before', () => {
    fc.assert(
      fc.property(humanText, anyCode, fc.array(scannerGap, { minLength: 1, maxLength: 8 }), humanGap, (typed, code, gaps, pause) => {
        const human = timed(typed, 0, () => 150);
        const scanStart = human.at(-1)!.at + pause;
        const result = play(new BurstDetector(), [...human, ...scannerKeys(code, scanStart, gaps)]);
        expect(result.scans).toEqual([code]);
        expect(result.field).toBe(typed);
      }),
      { numRuns: 300 },
    );
  });

  test('property: in a text field, where a burst’s first key goes in at once, scans still leave nothing and typing loses nothing', () => {
    const gaps = fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(humanText, gaps, anyCode, fc.array(scannerGap, { minLength: 1, maxLength: 8 }), humanGap, (typed, gapList, code, scanGaps, pause) => {
        const human = timed(typed, 0, (i) => gapList[i % gapList.length]!);
        const result = play(new BurstDetector(), [...human, ...scannerKeys(code, human.at(-1)!.at + pause, scanGaps)], { letThrough: true });
        expect(result.scans).toEqual([code]);
        expect(result.field).toBe(typed);
      }),
      { numRuns: 300 },
    );
  });

  test('in a text field a key after a pause goes in at once; a Backspace right after it erases it in the field', () => {
    const detector = new BurstDetector();
    expect(detector.feed('a', 0, true)).toEqual({ release: '', consume: false });
    expect(detector.feed('Backspace', 3, true)).toEqual({ release: '', consume: false });
    expect(detector.feed('â', 5, true)).toEqual({ release: '', consume: false });
    expect(detector.feed('n', 8, true)).toEqual({ release: '', consume: true });
    expect(detector.expire(100)).toEqual({ release: 'n', consume: false });
  });

  test('property: a person typing at any speed, without the scanner terminator, never loses or reorders a key', () => {
    const gaps = fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(humanText, gaps, (typed, gapList) => {
        const result = play(
          new BurstDetector(),
          timed(typed, 0, (i) => gapList[i % gapList.length]!),
        );
        expect(result.scans).toEqual([]);
        expect(result.field).toBe(typed);
      }),
      { numRuns: 300 },
    );
  });

  test('property: a person typing at human speed and pressing Enter is never a scan; Enter still reaches the form', () => {
    fc.assert(
      fc.property(humanText, fc.array(humanGap, { minLength: 1, maxLength: 10 }), (typed, gapList) => {
        const result = play(
          new BurstDetector(),
          timed([...typed, 'Enter'], 0, (i) => gapList[i % gapList.length]!),
        );
        expect(result.scans).toEqual([]);
        expect(result.field).toBe(typed);
        expect(result.passedNamedKeys).toEqual(['Enter']);
      }),
      { numRuns: 300 },
    );
  });

  test('property: judged by key timestamps alone (the timer late or never run), typing is still typing and scans still scans', () => {
    fc.assert(
      fc.property(humanText, fc.array(humanGap, { minLength: 1, maxLength: 10 }), anyCode, (typed, gapList, code) => {
        const human = timed([...typed, 'Enter'], 0, (i) => gapList[i % gapList.length]!);
        const result = play(new BurstDetector(), [...human, ...scannerKeys(code, human.at(-1)!.at + 100, [3])], { timer: false });
        expect(result.scans).toEqual([code]);
        expect(result.field).toBe(typed);
        expect(result.passedNamedKeys).toEqual(['Enter']);
      }),
      { numRuns: 300 },
    );
  });

  test('a fast roll of fewer than the minimum characters then Enter is typing: released in order, Enter passes', () => {
    const result = play(
      new BurstDetector(),
      timed(['1', '2', '3', 'Enter'], 0, () => 10),
    );
    expect(result).toMatchObject({ scans: [], field: '123', passedNamedKeys: ['Enter'] });
  });

  test('a scan the scanner itself paused in is never read as two: the officer is told to scan again (misread), nothing of it stays in the field, its Enter stopped', () => {
    const code = '000.00.15.H41-260112-0001';
    for (const letThrough of [false, true]) {
      for (const timer of [false, true]) {
        for (const cutAt of [6, 12, 20]) {
          // The tail is at times long enough to pass for a code of its own ('1-260112-0001'): it is not one.
          const keys = [...timed(code.slice(0, cutAt), 0, () => 5), ...timed([...code.slice(cutAt), 'Enter'], 5 * cutAt + GAP + 20, () => 5)];
          const result = play(new BurstDetector(), keys, { letThrough, timer });
          expect({ letThrough, timer, cutAt, ...result }).toMatchObject({ letThrough, timer, cutAt, scans: [], misreads: [code], field: '', passedNamedKeys: [] });
        }
      }
    }
    // Scanned again whole right after, the code is read.
    const again = play(new BurstDetector(), [...timed('000.00.15', 0, () => 5), ...timed([...code, 'Enter'], 200, () => 5)]);
    expect(again).toMatchObject({ scans: [code], misreads: [] });
    // A person's Enter long after the cut is theirs.
    const late = play(new BurstDetector(), [...timed('000.00', 0, () => 5), { key: 'Enter', at: 2_000 }]);
    expect(late).toMatchObject({ scans: [], misreads: [], field: '000.00', passedNamedKeys: ['Enter'] });
  });

  test('a burst settled before its next key arrived is rejoined by that key when their stamps are within the gap (keys late on a loaded page): one scan, the settled keys taken back', () => {
    const code = '000.00.15.H41-260112-0001';
    for (const cutAfter of [1, 2, 3, 4, 8, 24]) {
      for (const inField of [false, true]) {
        const detector = new BurstDetector();
        const keys = timed([...code, 'Enter'], 1000, () => 4);
        let field = '';
        const scans: string[] = [];
        const apply = (step: { release: string; scan?: string; retract?: number; consume: boolean }, key?: string) => {
          field = field.slice(0, field.length - (step.retract ?? 0)) + step.release;
          if (step.scan !== undefined) scans.push(step.scan);
          if (key !== undefined && !step.consume && key !== 'Enter') field += key;
        };
        keys.forEach(({ key, at }, i) => {
          // The timer fired while key `cutAfter` was still on its way: it settled the keys before it.
          if (i === cutAfter) apply(detector.expire(detector.deadline()!));
          apply(detector.feed(key, at, inField), key);
        });
        expect({ cutAfter, inField, scans, field: inField ? field : '' }).toEqual({ cutAfter, inField, scans: [code], field: '' });
      }
    }
  });

  test('an input method’s burst settled by the timer is never taken for a scan cut short; a key after a real pause is a new burst', () => {
    const detector = new BurstDetector();
    timed(['Backspace', 'ư', 'ờ', 'n', 'g'], 0, () => 2).forEach(({ key, at }) => detector.feed(key, at, true));
    expect(detector.expire(detector.deadline()!).release).toBe('ờng');
    expect(detector.takeCutScan()).toBeUndefined();
    expect(detector.feed('Enter', 500)).toEqual({ release: '', consume: false });

    const scanner = new BurstDetector();
    timed('BG-2601', 0, () => 4).forEach(({ key, at }) => scanner.feed(key, at));
    scanner.expire(scanner.deadline()!);
    expect(scanner.takeCutScan()).toBe('BG-2601');
    expect(scanner.takeCutScan()).toBeUndefined();
  });

  test('a named key inside a burst (an arrow, Tab) releases what was withheld before it acts', () => {
    const detector = new BurstDetector();
    expect(detector.feed('A', 0)).toEqual({ release: '', consume: true });
    expect(detector.feed('B', 5)).toEqual({ release: '', consume: true });
    expect(detector.feed('ArrowLeft', 10)).toEqual({ release: 'AB', consume: false });
    expect(detector.pending()).toBe('');
  });

  test('Backspace inside a burst edits the withheld text as the field would have', () => {
    const result = play(
      new BurstDetector(),
      timed(['B', 'G', 'x', 'Backspace', '-', '2', '6', '0', '1', 'Enter'], 0, () => 4),
    );
    expect(result.scans).toEqual(['BG-2601']);
  });

  test('whitespace never starts a burst and ends one, but for a space inside a citizen card’s QR (names, addresses)', () => {
    const detector = new BurstDetector();
    expect(detector.feed(' ', 0)).toEqual({ release: '', consume: false });
    detector.feed('x', 100);
    expect(detector.feed(' ', 105)).toEqual({ release: 'x', consume: false });
    const card = '040090001234||Nguyễn Văn An|01011990|Nam|Phường Vinh Phú, tỉnh Nghệ An|04102024||||';
    const result = play(
      new BurstDetector(),
      timed([...card, 'Enter'], 1000, () => 3),
    );
    expect(result.scans).toEqual([card]);
    expect(result.field).toBe('');
  });

  test('expire before the deadline does nothing; after it, releases', () => {
    const detector = new BurstDetector();
    detector.feed('9', 100);
    expect(detector.deadline()).toBe(100 + GAP);
    expect(detector.expire(100 + GAP - 1)).toEqual({ release: '', consume: false });
    expect(detector.expire(100 + GAP)).toEqual({ release: '9', consume: false });
    expect(detector.deadline()).toBeUndefined();
  });

  test('a scan is underway once four keys came within the gap and a terminator is still to come', () => {
    const detector = new BurstDetector();
    timed('000', 0, () => 4).forEach(({ key, at }) => detector.feed(key, at));
    expect(detector.scanUnderway()).toBe(false);
    detector.feed('.', 12);
    expect(detector.scanUnderway()).toBe(true);
    detector.feed('Enter', 16);
    expect(detector.scanUnderway()).toBe(false);

    const person = new BurstDetector();
    timed('Tran', 0, () => GAP + 1).forEach(({ key, at }) => person.feed(key, at));
    expect(person.scanUnderway()).toBe(false);

    const silenceEnds = new BurstDetector({ terminator: 'none' });
    timed('041260112000', 0, () => 4).forEach(({ key, at }) => silenceEnds.feed(key, at));
    expect(silenceEnds.scanUnderway()).toBe(false);
  });

  test('a configured prefix and suffix are stripped; keys that do not start the prefix are never withheld', () => {
    const config = { prefix: '~', suffix: '#' };
    const scanned = play(
      new BurstDetector(config),
      timed([...'~000.00.15.H41-260112-0001#', 'Enter'], 0, () => 3),
    );
    expect(scanned.scans).toEqual(['000.00.15.H41-260112-0001']);

    const detector = new BurstDetector(config);
    const typed = timed([...'000.00.15.H41-260112-0001', 'Enter'], 0, () => 3);
    const steps = typed.map(({ key, at }) => detector.feed(key, at));
    expect(steps.every((s) => !s.consume && s.scan === undefined)).toBe(true);

    const noSuffix = play(
      new BurstDetector(config),
      timed([...'~000.00.15.H41-260112-0001', 'Enter'], 0, () => 3),
    );
    expect(noSuffix).toMatchObject({ scans: [], field: '~000.00.15.H41-260112-0001', passedNamedKeys: ['Enter'] });
  });

  test('a broken prefix start is released and the key that broke it may start a new burst', () => {
    const detector = new BurstDetector({ prefix: '~~' });
    detector.feed('~', 0);
    expect(detector.feed('1', 2)).toEqual({ release: '~', consume: false });
    detector.feed('~', 100);
    expect(detector.feed('~', 102)).toEqual({ release: '', consume: true });
    expect(detector.pending()).toBe('~~');
  });

  test('terminator Tab: Tab ends the scan and Enter is an ordinary key', () => {
    const result = play(
      new BurstDetector({ terminator: 'Tab' }),
      timed([...'BG-260112-07-01', 'Tab'], 0, () => 5),
    );
    expect(result.scans).toEqual(['BG-260112-07-01']);
    const enter = play(
      new BurstDetector({ terminator: 'Tab' }),
      timed([...'BG-260112-07-01', 'Enter'], 0, () => 5),
    );
    expect(enter).toMatchObject({ scans: [], field: 'BG-260112-07-01', passedNamedKeys: ['Enter'] });
  });

  test('terminator none: a long fast burst ends by silence; a short one is typing', () => {
    const long = play(
      new BurstDetector({ terminator: 'none' }),
      timed('041260112000', 0, () => 5),
    );
    expect(long).toMatchObject({ scans: ['041260112000'], field: '' });
    const short = play(
      new BurstDetector({ terminator: 'none' }),
      timed('04126', 0, () => 5),
    );
    expect(short).toMatchObject({ scans: [], field: '04126' });
    const detector = new BurstDetector({ terminator: 'none' });
    timed('041260112000', 0, () => 5).forEach(({ key, at }) => detector.feed(key, at));
    expect(detector.feed('x', 500)).toEqual({ release: '', consume: true, scan: '041260112000' });
  });

  test('a runaway burst longer than maxLength is released rather than taken for a code', () => {
    const result = play(
      new BurstDetector({ maxLength: 8 }),
      timed([...'1234567890', 'Enter'], 0, () => 2),
    );
    expect(result.scans).toEqual([]);
    expect(result.field).toBe('1234567890');
  });

  test('configuration is checked', () => {
    expect(() => resolveBurstConfig({ maxGapMs: 0 })).toThrow(RangeError);
    expect(() => resolveBurstConfig({ minLength: 0 })).toThrow(RangeError);
    expect(() => resolveBurstConfig({ prefix: 'a b' })).toThrow(RangeError);
    expect(() => resolveBurstConfig({ minLength: 10, maxLength: 5 })).toThrow(RangeError);
    expect(resolveBurstConfig({ prefix: ']C1' }).prefix).toBe(']C1');
  });
});

describe('keyDisposition', () => {
  const facts = (over: Partial<KeyFacts>): KeyFacts => ({ key: 'a', isComposing: false, repeat: false, ctrlKey: false, altKey: false, metaKey: false, altGraph: false, ...over });

  test('bare modifiers are ignored, shortcuts, auto-repeat and IME composition interrupt, the rest is timed', () => {
    expect(keyDisposition(facts({ key: 'Shift' }))).toBe('ignore');
    expect(keyDisposition(facts({ key: 'CapsLock' }))).toBe('ignore');
    expect(keyDisposition(facts({ key: 'c', ctrlKey: true }))).toBe('interrupt');
    expect(keyDisposition(facts({ key: 'v', metaKey: true }))).toBe('interrupt');
    expect(keyDisposition(facts({ key: '0', repeat: true }))).toBe('interrupt');
    expect(keyDisposition(facts({ key: 'Process', isComposing: true }))).toBe('interrupt');
    expect(keyDisposition(facts({ key: '@', ctrlKey: true, altKey: true, altGraph: true }))).toBe('feed');
    expect(keyDisposition(facts({ key: 'H' }))).toBe('feed');
    expect(keyDisposition(facts({ key: 'Enter' }))).toBe('feed');
  });
});
