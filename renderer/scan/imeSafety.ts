// Counters run a Vietnamese input method (Unikey, EVKey: Telex or VNI) all day, and a keyboard-wedge
// scanner types through it like a keyboard. What each method rewrites, and so what a code may hold:
// - Telex: a vowel followed by s f r x j z (tones), aa ee oo (â ê ô), aw ow uw and a lone w (ă ơ ư),
//   dd (đ), and [ ] { } (ư ơ Ư Ơ);
// - VNI: a vowel followed by a digit 1–8 (tones, â ê ô ơ ư ă), and d followed by 9 (đ).
// A word is the letters typed since the last non-letter, so digits, '.' and '-' end it. Hence the
// safe alphabet: digits, '.', '-', and the consonants other than D and W. The dossier code
// (`000.00.15.H41-260112-0001`), the batch code (`BG-260112-07-01`) and the numeric barcode key
// stay inside it as long as the agency's level letter (H for a province) is one of those consonants.

export const IME_SAFE_LETTERS = 'BCFGHJKLMNPQRSTVXZ';
export const IME_SAFE_CHARACTERS = `0123456789.-${IME_SAFE_LETTERS}`;

const SAFE = new Set(IME_SAFE_CHARACTERS);

/** The distinct characters of `code` that Telex or VNI may rewrite (letters compared upper-case). */
export function imeUnsafeCharacters(code: string): string[] {
  const unsafe = new Set<string>();
  for (const ch of code) if (!SAFE.has(ch.toUpperCase())) unsafe.add(ch);
  return [...unsafe];
}

/** True when a scan carries what a code never has but a Vietnamese input method writes: đ or a marked letter. */
export function looksRewrittenByIme(text: string): boolean {
  return /[đĐ]/u.test(text) || /[\u0300-\u036f]/u.test(text.normalize('NFD'));
}

export const IME_REWRITE_HINT = 'Mã vừa quét đã bị bộ gõ tiếng Việt (Unikey/EVKey) sửa thành chữ có dấu. Hãy chuyển bộ gõ sang chế độ gõ tiếng Anh (chữ E) rồi quét lại.';
