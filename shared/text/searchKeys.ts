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
 * The digits of a code after its agency part ("…-260112-0004" → "2601120004", the slip key's tail),
 * from each position to the end, at least MIN_CODE_PART long: any contiguous part of the date and
 * sequence is the start of one of them.
 */
export function codeSearchKeys(code: string | undefined): string[] {
  const tail = codeTailDigits(code);
  const keys: string[] = [];
  for (let i = 0; i + MIN_CODE_PART <= tail.length; i++) keys.push(tail.slice(i));
  return keys;
}

/** "000.00.15.H41-260112-0004" → "2601120004"; '' when the code has no dated part. */
export function codeTailDigits(code: string | undefined): string {
  const dash = code?.indexOf('-') ?? -1;
  return dash < 0 || !code ? '' : code.slice(dash + 1).replace(/\D/g, '');
}
