/**
 * Reads an amount of đồng aloud as receipts print it (Nghị định 254/2026: amount in figures and
 * in words). Reading rules, northern usage as in Nghệ An's receipts:
 * - "mười" for the tens digit 1, "mươi" for 2–9 (12 = mười hai, 20 = hai mươi);
 * - units after "mươi": 1 → "mốt", 4 → "tư", 5 → "lăm" (21 hai mươi mốt, 24 hai mươi tư,
 *   25 hai mươi lăm); after "mười" only 5 changes (11 mười một, 14 mười bốn, 15 mười lăm).
 *   Both "tư" and "bốn" are heard after "mươi"; "tư" is chosen, as in most printed receipts;
 * - a zero tens digit inside a group reads "linh" (101 một trăm linh một, 105 một trăm linh năm);
 * - a group after the first one always reads its hundreds, "không trăm" included
 *   (1.005.000 = một triệu không trăm linh năm nghìn); all-zero groups are skipped;
 * - groups: nghìn, triệu, tỷ; above 999 tỷ the tỷ count is itself read (1.000 tỷ = một nghìn tỷ).
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const GROUP_NAMES = ['', 'nghìn', 'triệu'] as const;
const BILLION = 1_000_000_000;

function digit(n: number): string {
  return DIGITS[n] ?? '';
}

/** One group of three digits (1–999); `full` when a higher group was already read. */
function readGroup(value: number, full: boolean): string[] {
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor(value / 10) % 10;
  const units = value % 10;
  const words: string[] = [];
  const hasHundreds = full || hundreds > 0;

  if (hasHundreds) words.push(digit(hundreds), 'trăm');
  if (tens === 0) {
    if (units > 0 && hasHundreds) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(digit(tens), 'mươi');
  }

  if (units === 0) return words;
  if (units === 1 && tens >= 2) words.push('mốt');
  else if (units === 4 && tens >= 2) words.push('tư');
  else if (units === 5 && tens >= 1) words.push('lăm');
  else words.push(digit(units));
  return words;
}

/** Below one tỷ: up to three groups. */
function readBelowBillion(value: number, leading: boolean): string[] {
  const words: string[] = [];
  let full = !leading;
  for (let index = 2; index >= 0; index -= 1) {
    const group = Math.floor(value / 1000 ** index) % 1000;
    if (group === 0) continue;
    words.push(...readGroup(group, full));
    const name = GROUP_NAMES[index];
    if (name) words.push(name);
    full = true;
  }
  return words;
}

function read(value: number, leading: boolean): string[] {
  if (value < BILLION) return readBelowBillion(value, leading);
  const billions = Math.floor(value / BILLION);
  const rest = value % BILLION;
  const words = [...read(billions, leading), 'tỷ'];
  if (rest > 0) words.push(...readBelowBillion(rest, false));
  return words;
}

/** `1250000` → 'Một triệu hai trăm năm mươi nghìn đồng'. Throws RangeError for non-integers and negatives. */
export function amountInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`Amount must be a non-negative safe integer, got ${amount}`);
  }
  const words = amount === 0 ? ['không'] : read(amount, true);
  const sentence = `${words.join(' ')} đồng`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
