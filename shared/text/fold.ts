/** What staff type when they search: lower case, no Vietnamese diacritics, single spaces. "Nguyễn  ĐỨC" → "nguyen duc". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
