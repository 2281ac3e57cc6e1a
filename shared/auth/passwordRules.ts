// What a staff password must be, checked where one is set: the server's account routes and its
// INITIAL_ADMIN_PASSWORD at start. Pure, so a future password form can say the same thing first.
import { stripDiacritics } from '../text/fold';
import { textFault } from '../text/wellFormed';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

// The first guesses of any attacker, and this product's own words; compared without case, diacritics or separators.
const COMMON = [
  '12345678',
  '123456789',
  '1234567890',
  '87654321',
  '11111111',
  '00000000',
  '88888888',
  'password',
  'password1',
  'matkhau',
  'matkhau123',
  'qwertyuiop',
  'qwerty123',
  'abcd1234',
  'abc12345',
  'admin123',
  'administrator',
  'quantri',
  'quantri123',
  'motcua',
  'motcua123',
  'iloveyou',
  'vietnam',
  'hanoi123',
];

const squash = (text: string) =>
  stripDiacritics(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** What is wrong with `password` (Vietnamese, for the administrator), or undefined when it may be used. */
export function passwordProblem(password: string, username?: string): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) return `cần từ ${PASSWORD_MIN_LENGTH} đến ${PASSWORD_MAX_LENGTH} ký tự.`;
  if (textFault(password)) return 'có ký tự điều khiển hoặc ký tự Unicode hỏng; chỉ dùng chữ, số, dấu và khoảng trắng.';
  if (new Set(password).size < 4) return 'quá đơn giản (ít hơn 4 ký tự khác nhau); hãy dùng một câu dễ nhớ gồm nhiều từ.';
  const plain = squash(password);
  if (COMMON.includes(plain)) return 'là mật khẩu phổ biến, dễ bị đoán; hãy chọn mật khẩu khác.';
  if (username && username.length >= 3 && plain.includes(squash(username))) return 'không được chứa tên đăng nhập.';
  return undefined;
}
