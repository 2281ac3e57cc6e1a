import type { Department } from './model';
import { foldVietnamese } from './search';

/** 'Sở Tài chính' → 'so-tai-chinh': the same agency always gets the same id, on every counter. */
export function departmentSlug(name: string): string {
  return foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Known short forms are acronyms with 'và' as '&' ('Sở NN&MT'); short names are kept whole. */
export function departmentShortName(name: string, maxLength = 20): string {
  if (name.length <= maxLength) return name;
  const words = name.split(/[\s,]+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const head = words[0] === 'Sở' || words[0] === 'Ban' ? `${words.shift()} ` : '';
  const letters = words.map((w) => {
    if (w === 'và') return '&';
    if (w.length > 1 && w === w.toUpperCase()) return w;
    return (w[0] ?? '').toUpperCase();
  });
  return head + letters.join('');
}

export type AgencyCell = {
  /** The department the dossier is sent to. */
  name: string;
  /** The full cell when it carries more than the name (authority, source remarks), else ''. */
  note: string;
};

/**
 * Reads the department out of an agency cell such as
 * "Chủ tịch UBND tỉnh (thẩm quyền); Sở Tư pháp (thực hiện)" → "Sở Tư pháp".
 * Rules, in order: text after ' — ' is a remark; agencies are separated by ';' and the one marked
 * "(thực hiện)" is the one that handles the dossier, else the first; text in parentheses is a remark;
 * of alternatives written 'A / B' the first is taken; "Sở X tỉnh <province>" is "Sở X".
 */
export function readAgencyCell(cell: string, provinceName: string): AgencyCell | null {
  const text = cell.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  const main = splitTopLevel(text, ' — ')[0] ?? '';
  const agencies = splitTopLevel(main, ';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const handling = agencies.find((a) => parenthesised(a).some((p) => foldVietnamese(p).includes('thuc hien'))) ?? agencies[0] ?? '';
  let name = removeParentheses(handling);
  name = (name.split(' / ')[0] ?? '').trim();
  const provinceSuffix = ` tỉnh ${provinceName}`;
  if (provinceName !== '' && name.endsWith(provinceSuffix)) {
    const base = name.slice(0, -provinceSuffix.length);
    name = base.startsWith('Sở ') ? base : `${base} tỉnh`;
  }
  if (departmentSlug(name) === '') return null;
  return { name, note: name === text ? '' : text };
}

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function parenthesised(text: string): string[] {
  const groups: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') {
      if (depth === 0) start = i + 1;
      depth++;
    } else if (text[i] === ')' && depth > 0) {
      depth--;
      if (depth === 0) groups.push(text.slice(start, i));
    }
  }
  return groups;
}

function removeParentheses(text: string): string {
  let out = '';
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Departments named by the procedures, one per id, in first-seen order. */
export function collectDepartments(procedures: readonly { departmentId: string; departmentName: string }[]): Department[] {
  const byId = new Map<string, Department>();
  for (const p of procedures) {
    if (p.departmentId === '' || byId.has(p.departmentId)) continue;
    byId.set(p.departmentId, { id: p.departmentId, name: p.departmentName, shortName: departmentShortName(p.departmentName) });
  }
  return [...byId.values()];
}
