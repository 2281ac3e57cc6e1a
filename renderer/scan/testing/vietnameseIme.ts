// A model of how Vietnamese input methods hand a scanner's keystrokes to the page, for the tests that
// prove our codes pass through untouched. Two ways methods deliver text:
// - 'keystrokes' (Unikey, EVKey on Windows): the method rewrites a letter by sending Backspace and
//   the new letter, as plain key events; no composition events at all;
// - 'composition' (IBus, the Windows built-in Vietnamese keyboard): a word that may take marks is
//   composed; its keys reach the page as 'Process' keydowns between compositionstart/compositionend,
//   and a consonant-only word never opens a composition.
// The tone goes where Unikey puts it by default (old style: hòa, thủy), so a name typed through the
// model reads as the officer's would (lái, giấy, không «laí», «giâý»).

export type ImeMethod = 'telex' | 'vni';
export type ImeDelivery = 'keystrokes' | 'composition';
export type ImeKeyEvent = { key: string; isComposing: boolean };

type Letter = { base: string; shape?: string; tone?: string };

const VOWELS = new Set('aeiouy');
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';
const HORN = '\u031B';
const STROKE = 'stroke';
const TELEX_TONES: Record<string, string> = { s: '\u0301', f: '\u0300', r: '\u0309', x: '\u0303', j: '\u0323' };
const VNI_TONES: Record<string, string> = { '1': '\u0301', '2': '\u0300', '3': '\u0309', '4': '\u0303', '5': '\u0323' };

function render(letter: Letter): string {
  if (letter.shape === STROKE) return letter.base === 'D' ? 'Đ' : 'đ';
  return (letter.base + (letter.shape ?? '') + (letter.tone ?? '')).normalize('NFC');
}

const isLetter = (ch: string) => /^[a-z]$/i.test(ch);
const isVowel = (letter: Letter) => VOWELS.has(letter.base.toLowerCase());

/**
 * The vowel that takes the tone: one with a mark of its own (ê, ơ, â, ư; in ươ the ơ); else the last
 * vowel when a consonant closes the word (hoàn); else the middle of three (xoáy) and the first of two
 * (lái, hòa). The u of qu and the i of gi open the word with the consonant when a vowel follows.
 */
function toneVowel(word: Letter[]): number {
  const lower = (i: number) => word[i]?.base.toLowerCase();
  let vowels = word.flatMap((letter, i) => (isVowel(letter) ? [i] : []));
  if (vowels.length > 1 && vowels[0] === 1 && ((lower(0) === 'q' && lower(1) === 'u') || (lower(0) === 'g' && lower(1) === 'i'))) vowels = vowels.slice(1);
  const marked = vowels.filter((i) => word[i]!.shape !== undefined && word[i]!.shape !== STROKE);
  if (marked.length > 0) return marked.at(-1)!;
  const last = vowels.at(-1) ?? -1;
  if (last < word.length - 1 || vowels.length === 1) return last;
  // Open: the middle of three, the first of two, both the one before the last.
  return vowels.at(-2)!;
}

/** Finds the letter a modifier key acts on, and the change it makes, or undefined when the key is typed as is. */
function modify(word: Letter[], key: string, method: ImeMethod): { index: number; letter: Letter; next?: Letter } | undefined {
  const lower = key.toLowerCase();
  const lastVowel = word.findLastIndex(isVowel);
  const last = word.length - 1;
  const at = (index: number, change: Partial<Letter>) => (index >= 0 ? { index, letter: { ...word[index]!, ...change } } : undefined);
  const base = (index: number) => word[index]?.base.toLowerCase();

  const tone = (method === 'telex' ? TELEX_TONES : VNI_TONES)[lower];
  if (tone && lastVowel >= 0) return at(toneVowel(word), { tone });
  if (method === 'telex') {
    if (lower === 'z' && lastVowel >= 0) return at(toneVowel(word), { tone: '' });
    if ('aeo'.includes(lower) && base(last) === lower && !word[last]!.shape) return at(last, { shape: CIRCUMFLEX });
    if (lower === 'd' && base(last) === 'd') return at(last, { shape: STROKE });
    if (lower === 'w' && base(last) === 'a') return at(last, { shape: BREVE });
    // uo + w is ươ (người), both horned at once.
    if (lower === 'w' && base(last) === 'o' && base(last - 1) === 'u') return { index: last - 1, letter: { ...word[last - 1]!, shape: HORN }, next: { ...word[last]!, shape: HORN } };
    if (lower === 'w' && (base(last) === 'o' || base(last) === 'u')) return at(last, { shape: HORN });
    return undefined;
  }
  const find = (bases: string) => word.findLastIndex((l) => bases.includes(l.base.toLowerCase()));
  if (lower === '6') return at(find('aeo'), { shape: CIRCUMFLEX });
  if (lower === '7') return at(find('ou'), { shape: HORN });
  if (lower === '8') return at(find('a'), { shape: BREVE });
  if (lower === '9') return at(find('d'), { shape: STROKE });
  return undefined;
}

/** Telex keys that write a letter of their own: a lone w, and the bracket shortcuts. */
function telexStandalone(key: string): Letter | undefined {
  if (key === 'w' || key === '[') return { base: 'u', shape: HORN };
  if (key === 'W' || key === '{') return { base: 'U', shape: HORN };
  if (key === ']') return { base: 'o', shape: HORN };
  if (key === '}') return { base: 'O', shape: HORN };
  return undefined;
}

/** The key events a page receives when `text` is typed (by a person or a scanner) through the method. */
export function typeThroughIme(text: string, method: ImeMethod, delivery: ImeDelivery = 'keystrokes'): ImeKeyEvent[] {
  const events: ImeKeyEvent[] = [];
  let word: Letter[] = [];
  let composing = false;
  const emit = (key: string) => events.push({ key: composing ? 'Process' : key, isComposing: composing });

  for (const key of text) {
    const change = word.length > 0 ? modify(word, key, method) : undefined;
    const standalone = method === 'telex' && !change ? telexStandalone(key) : undefined;
    if (change) {
      const tail = word.slice(change.index);
      word[change.index] = change.letter;
      if (change.next) word[change.index + 1] = change.next;
      if (delivery === 'composition') composing = true;
      if (composing) emit(key);
      else {
        for (let i = 0; i < tail.length; i++) emit('Backspace');
        for (const letter of word.slice(change.index)) emit(render(letter));
      }
      continue;
    }
    if (standalone || isLetter(key)) {
      const letter = standalone ?? { base: key };
      word.push(letter);
      if (delivery === 'composition' && (isVowel(letter) || standalone)) composing = true;
      if (composing) emit(key);
      else emit(render(letter));
      continue;
    }
    // Anything else ends the word: the composition (if any) is committed through an input event.
    composing = false;
    word = [];
    emit(key);
  }
  return events;
}

/** What a text field shows after keystroke-delivered events: Backspace removes, characters add. */
export function keystrokeText(events: ImeKeyEvent[]): string {
  let shown: string[] = [];
  for (const event of events) {
    if (event.key === 'Backspace') shown = shown.slice(0, -1);
    else shown.push(event.key);
  }
  return shown.join('');
}
