// The keys a dossier is found by when an officer types part of a name or part of a code. Each is a
// list for a multi-entry index, so a part is found by one index range (startsWith), never a scan.
import { foldVietnamese } from './fold';

/**
 * The folded name from each word to its end: "Nguyễn Thu Hà" → "nguyen thu ha", "thu ha", "ha".
 * A query matches where one of these starts with it: the full name's start, or any word's start
 * with the words after it ("thu ha", "Hà").
 */
export function nameSearchKeys(name: string): string[] {
  const words = foldVietnamese(name)
    .split(' ')
    .filter((w) => w !== '');
  return words.map((_, i) => words.slice(i).join(' '));
}

/** Shortest part of a code worth indexing: two digits match nearly every dossier. */
export const MIN_CODE_PART = 3;

/**
 * What a code is found by, typed in part: its date and sequence digits ("…-260112-0004" →
 * "2601120004": the date, the date and number, the slip key after its agency index), the same
 * without the year ("01120004": day and month as written on the slip) and its sequence from each
 * position, at least MIN_CODE_PART long ("0004", "004"). Few keys per
 * dossier: each is an index entry written for every dossier a counter holds.
 */
export function codeSearchKeys(code: string | undefined): string[] {
  const tail = codeTailDigits(code);
  if (tail === '') return [];
  const seq = code!.slice(code!.lastIndexOf('-') + 1).replace(/\D/g, '');
  const keys = [tail, tail.slice(2)];
  for (let i = 0; i + MIN_CODE_PART <= seq.length; i++) if (seq.slice(i) !== tail) keys.push(seq.slice(i));
  return keys;
}

/** "000.00.15.H41-260112-0004" → "2601120004"; '' when the code has no dated part. */
export function codeTailDigits(code: string | undefined): string {
  const dash = code?.indexOf('-') ?? -1;
  return dash < 0 || !code ? '' : code.slice(dash + 1).replace(/\D/g, '');
}
