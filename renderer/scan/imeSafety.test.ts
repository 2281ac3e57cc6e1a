import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dossierBarcodeKey, formatBatchCode, formatDossierCode, classifyScan } from '../../shared/codes';
import { codeDate, sequence } from '../../shared/codes/testArbitraries';
import { BurstDetector, keyDisposition } from './burst';
import { IME_SAFE_LETTERS, imeUnsafeCharacters, looksRewrittenByIme } from './imeSafety';
import { keystrokeText, typeThroughIme, type ImeDelivery, type ImeKeyEvent, type ImeMethod } from './testing/vietnameseIme';

const METHODS: ImeMethod[] = ['telex', 'vni'];
const DELIVERIES: ImeDelivery[] = ['keystrokes', 'composition'];

/** Feeds IME output to the detector the way detector.ts does: disposition first, then timing; 6 ms apart. */
function scanThroughDetector(events: ImeKeyEvent[]): string[] {
  const detector = new BurstDetector();
  const scans: string[] = [];
  let at = 0;
  for (const event of [...events, { key: 'Enter', isComposing: false }]) {
    at += 6;
    const disposition = keyDisposition({ key: event.key, isComposing: event.isComposing, repeat: false, ctrlKey: false, altKey: false, metaKey: false, altGraph: false });
    const step = disposition === 'feed' ? detector.feed(event.key, at) : disposition === 'interrupt' ? detector.interrupt() : undefined;
    if (step?.scan !== undefined) scans.push(step.scan);
  }
  return scans;
}

const safeAgency = fc.tuple(fc.stringMatching(/^\d{3}\.\d{2}\.\d{2}$/), fc.constantFrom(...IME_SAFE_LETTERS), fc.stringMatching(/^\d{2}$/)).map(([head, letter, tail]) => `${head}.${letter}${tail}`);
const codes = fc.oneof(
  fc.tuple(safeAgency, codeDate, sequence).map(([agency, date, seq]) => formatDossierCode({ agency, date, seq })),
  fc.tuple(codeDate, fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 })).map(([date, counter, batchNumber]) => formatBatchCode({ date, counter, batchNumber })),
  fc.tuple(fc.integer({ min: 0, max: 99 }), codeDate, sequence).map(([agencyIndex, date, seq]) => dossierBarcodeKey({ agencyIndex, date, seq })),
);

describe('scanning through a Vietnamese input method', () => {
  test.each(METHODS.flatMap((m) => DELIVERIES.map((d) => [m, d] as const)))('%s by %s: the Nghệ An code and a batch code arrive untouched and are read exactly', (method, delivery) => {
    for (const code of ['000.00.15.H41-260112-0001', '000.00.00.H41-260112-123456', 'BG-260112-07-01', '412601120001']) {
      const events = typeThroughIme(code, method, delivery);
      expect(events.every((e) => !e.isComposing && e.key !== 'Backspace')).toBe(true);
      expect(scanThroughDetector(events)).toEqual([code]);
    }
  });

  test('property: every code in the safe alphabet, in either case, passes Telex and VNI unchanged', () => {
    fc.assert(
      fc.property(codes, fc.boolean(), fc.constantFrom(...METHODS), fc.constantFrom(...DELIVERIES), (code, capsLock, method, delivery) => {
        const typed = capsLock ? code.toLowerCase() : code;
        expect(imeUnsafeCharacters(typed)).toEqual([]);
        const scans = scanThroughDetector(typeThroughIme(typed, method, delivery));
        expect(scans).toEqual([typed]);
        expect(classifyScan(scans[0]!).kind).not.toBe('unknown');
      }),
      { numRuns: 400 },
    );
  });

  test('strings with vowels are mangled: Unikey rewrites them, a composing IME hides them from the detector', () => {
    const telex = typeThroughIme('BAAS-260112', 'telex');
    expect(telex.some((e) => e.key === 'Backspace')).toBe(true);
    expect(keystrokeText(telex)).toBe('BẤ-260112');
    expect(scanThroughDetector(telex)).toEqual(['BẤ-260112']);
    expect(looksRewrittenByIme('BẤ-260112')).toBe(true);

    // A vowel as the agency letter breaks under VNI: the digits after it are tone and shape keys.
    const vni = typeThroughIme('000.00.15.A41-260112-0001', 'vni');
    expect(scanThroughDetector(vni)).toEqual(['000.00.15.Á-260112-0001']);
    expect(imeUnsafeCharacters('000.00.15.A41-260112-0001')).toEqual(['A']);

    expect(scanThroughDetector(typeThroughIme('DD-260112-01', 'telex'))).toEqual(['Đ-260112-01']);
    expect(scanThroughDetector(typeThroughIme('BG-260112-W1', 'telex'))).toEqual(['BG-260112-Ư1']);

    const composed = typeThroughIme('BAO-260112-0001', 'telex', 'composition');
    expect(composed.filter((e) => e.isComposing).map((e) => e.key)).toEqual(['Process', 'Process']);
    // The consonant before the composition is released to the field; the scan that remains is cut short.
    expect(scanThroughDetector(composed)).toEqual(['-260112-0001']);
  });

  test('the unsafe letters are exactly the vowels, D and W; brackets are unsafe too', () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const unsafe = [...letters].filter((l) => imeUnsafeCharacters(l).length > 0).join('');
    expect(unsafe).toBe('ADEIOUWY');
    expect(imeUnsafeCharacters(']C1')).toEqual([']']);
    for (const letter of letters) {
      const telex = typeThroughIme(`${letter}${letter}`, 'telex');
      const vni = [...'123456789'].map((d) => typeThroughIme(`${letter}${d}`, 'vni'));
      const rewritten = telex.some((e) => e.key === 'Backspace') || typeThroughIme(letter, 'telex')[0]!.key !== letter || vni.some((ev) => ev.some((e) => e.key === 'Backspace'));
      const vowelTakesTone = 'AEIOUY'.includes(letter) && typeThroughIme(`${letter}s`, 'telex').some((e) => e.key === 'Backspace');
      expect(rewritten || vowelTakesTone, letter).toBe(unsafe.includes(letter));
    }
  });

  test('looksRewrittenByIme spots marked letters and đ, not codes', () => {
    expect(looksRewrittenByIme('000.00.15.H41-260112-0001')).toBe(false);
    expect(looksRewrittenByIme('BG-260112-07-01')).toBe(false);
    expect(looksRewrittenByIme('đ')).toBe(true);
    expect(looksRewrittenByIme('ươ')).toBe(true);
  });

  test('places the tone where Unikey does, so what the typing tests type reads as an officer’s Vietnamese', () => {
    const typed = (telex: string) => keystrokeText(typeThroughIme(telex, 'telex'));
    const words: [string, string][] = [
      ['caasp laij giaays pheps lais xe', 'cấp lại giấy phép lái xe'],
      ['hoaf xoays thuyr quys gias', 'hòa xoáy thủy quý giá'],
      ['Nguyeenx nguowif giuwax hoanf', 'Nguyễn người giữa hoàn'],
    ];
    for (const [telex, shown] of words) expect(typed(telex)).toBe(shown);
  });
});
