/** The same letters without Vietnamese diacritics, case and spacing kept (an SMS in plain ASCII). "Đức" → "Duc". */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** What staff type when they search: lower case, no Vietnamese diacritics, single spaces. "Nguyễn  ĐỨC" → "nguyen duc". */
export function foldVietnamese(text: string): string {
  return stripDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();
}
