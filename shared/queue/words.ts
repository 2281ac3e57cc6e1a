// Numbers read aloud in Vietnamese for the hall's announcements, and the recorded clips that say
// them. Reading rules (northern usage, as the Center's loudspeaker reads a ticket number):
// mười for 10–19, mươi for the tens from 20; the unit 1 after mươi is «mốt», 4 after mươi is «tư»,
// 5 after any ten is «lăm»; a zero ten inside a number is «linh» (một trăm linh năm), a zero hundred
// inside thousands is «không trăm» (một nghìn không trăm hai mươi lăm).

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

/** Every word a number can be read with, and the two phrases of a call: the clips the hall plays. */
export const SPOKEN_WORDS = [...DIGITS, 'mốt', 'tư', 'lăm', 'mười', 'mươi', 'linh', 'trăm', 'nghìn', 'triệu'] as const;
export type SpokenWord = (typeof SPOKEN_WORDS)[number];

export const CALL_PHRASES = { invite: 'Mời công dân có số thứ tự', toCounter: 'đến quầy số' } as const;
export type CallPhrase = keyof typeof CALL_PHRASES;

/** The file name (without extension) of each clip: ASCII, one per word or phrase. */
export const CLIP_FILES: Record<SpokenWord | CallPhrase, string> = {
  không: 'khong',
  một: 'mot',
  hai: 'hai',
  ba: 'ba',
  bốn: 'bon',
  năm: 'nam',
  sáu: 'sau',
  bảy: 'bay',
  tám: 'tam',
  chín: 'chin',
  mốt: 'mot-sac',
  tư: 'tu',
  lăm: 'lam',
  mười: 'muoi-huyen',
  mươi: 'muoi',
  linh: 'linh',
  trăm: 'tram',
  nghìn: 'nghin',
  triệu: 'trieu',
  invite: 'moi-cong-dan',
  toCounter: 'den-quay-so',
};

/** 0–99 inside a group; `inside`: the group follows a higher part, so a lone unit takes «linh». */
function tensAndUnits(n: number, inside: boolean): SpokenWord[] {
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  if (tens === 0) {
    if (unit === 0) return [];
    return inside ? ['linh', DIGITS[unit]!] : [DIGITS[unit]!];
  }
  const words: SpokenWord[] = tens === 1 ? ['mười'] : [DIGITS[tens]!, 'mươi'];
  if (unit === 0) return words;
  if (unit === 5) return [...words, 'lăm'];
  if (unit === 1 && tens >= 2) return [...words, 'mốt'];
  if (unit === 4 && tens >= 2) return [...words, 'tư'];
  return [...words, DIGITS[unit]!];
}

/** 0–999 as one group of a longer number; `inside`: a higher group came before it. */
function group(n: number, inside: boolean): SpokenWord[] {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0 && !inside) return tensAndUnits(rest, false);
  if (hundreds === 0 && rest === 0) return [];
  return [DIGITS[hundreds]!, 'trăm', ...tensAndUnits(rest, true)];
}

/** 1025 → ['một', 'nghìn', 'không', 'trăm', 'hai', 'mươi', 'lăm']; whole numbers 0 – 999 999 999. */
export function numberWords(n: number): SpokenWord[] {
  if (!Number.isInteger(n) || n < 0 || n > 999_999_999) throw new RangeError(`Số ${n} không đọc được: cần số nguyên từ 0 đến 999 999 999.`);
  if (n === 0) return ['không'];
  const millions = Math.floor(n / 1_000_000);
  const thousands = Math.floor(n / 1000) % 1000;
  const units = n % 1000;
  const words: SpokenWord[] = [];
  if (millions) words.push(...group(millions, false), 'triệu');
  if (thousands) words.push(...group(thousands, millions > 0), 'nghìn');
  if (units) words.push(...group(units, millions > 0 || thousands > 0));
  return words;
}

/** 1025 → "một nghìn không trăm hai mươi lăm". */
export function numberInWords(n: number): string {
  return numberWords(n).join(' ');
}

export interface CallAnnouncement {
  /** What the hall screen writes: "Mời công dân có số thứ tự 1025 đến quầy số 3". */
  text: string;
  /** The clips played one after another, by file name. */
  clips: string[];
}

export function callAnnouncement(ticketNumber: number, counterNumber: number): CallAnnouncement {
  const words = (n: number) => numberWords(n).map((w) => CLIP_FILES[w]);
  return {
    text: `${CALL_PHRASES.invite} ${ticketNumber} ${CALL_PHRASES.toCounter} ${counterNumber}`,
    clips: [CLIP_FILES.invite, ...words(ticketNumber), CLIP_FILES.toCounter, ...words(counterNumber)],
  };
}

/** What each clip says, for the script that records them. */
export function clipTexts(): { file: string; text: string }[] {
  return [...SPOKEN_WORDS.map((w) => ({ file: CLIP_FILES[w], text: w })), ...(Object.keys(CALL_PHRASES) as CallPhrase[]).map((p) => ({ file: CLIP_FILES[p], text: CALL_PHRASES[p] }))];
}
