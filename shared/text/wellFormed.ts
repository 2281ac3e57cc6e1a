// Text a database can store and a screen can show. PostgreSQL refuses a NUL in text and jsonb and a
// lone UTF-16 surrogate cannot become UTF-8, so either would end a request in an error deep in a
// write; control characters are never typed by staff and hide text in logs and on printouts.
// Tab, line feed and carriage return are the only controls free text may hold (identifiers have
// their own patterns in the schemas).

export type TextFault = 'nul' | 'control' | 'surrogate' | 'noncharacter';

// Without the `u` flag the class works on UTF-16 code units, so a surrogate without its pair is seen.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's whole job
const FAULTY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a string, or undefined when it is well formed. */
export function textFault(text: string): TextFault | undefined {
  const m = FAULTY.exec(text);
  if (!m) return undefined;
  const c = m[0].charCodeAt(0);
  if (c === 0) return 'nul';
  if (c >= 0xd800 && c <= 0xdfff) return 'surrogate';
  if (c >= 0xfffe) return 'noncharacter';
  return 'control';
}

export const TEXT_FAULT_LABELS: Record<TextFault, string> = {
  nul: 'ký tự NUL (mã 0)',
  control: 'ký tự điều khiển không in được',
  surrogate: 'ký tự Unicode hỏng (nửa cặp surrogate)',
  noncharacter: 'ký tự Unicode không hợp lệ (U+FFFE/U+FFFF)',
};

/** Deepest nesting of arrays and objects a request may have; real bodies stay under 8. */
export const MAX_NESTING = 32;

export interface BadText {
  /** JSON Pointer of the string (or of the object key) at fault, e.g. `/payload/applicant/name`. */
  path: string;
  /** `nesting`: not a text fault, the value is nested deeper than MAX_NESTING. */
  fault: TextFault | 'nesting';
  /** The `id` of the innermost object around it that has one (an event, an audit entry), if any. */
  ownerId?: string;
}

const pointer = (segment: string | number) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`;

/**
 * The first faulty string or object key in a parsed JSON value, walked without recursion so a deeply
 * nested body cannot exhaust the stack.
 */
export function findBadText(value: unknown, basePath = ''): BadText | undefined {
  const stack: { value: unknown; path: string; ownerId: string | undefined; depth: number }[] = [{ value, path: basePath, ownerId: undefined, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, path, ownerId, depth } = stack.pop()!;
    if (depth > MAX_NESTING && v !== null && typeof v === 'object') return { path, fault: 'nesting', ...(ownerId !== undefined ? { ownerId } : {}) };
    if (typeof v === 'string') {
      const fault = textFault(v);
      if (fault) return { path, fault, ...(ownerId !== undefined ? { ownerId } : {}) };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: path + pointer(i), ownerId, depth: depth + 1 });
    } else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const id = typeof o.id === 'string' && textFault(o.id) === undefined ? o.id : ownerId;
      const keys = Object.keys(o);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const fault = textFault(key);
        if (fault) return { path: path + pointer(key), fault, ...(id !== undefined ? { ownerId: id } : {}) };
        stack.push({ value: o[key], path: path + pointer(key), ownerId: id, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/** "Trường /entries/0/detail của mục 7b1c… chứa ký tự NUL (mã 0)…": what a refusal says. */
export function badTextMessage(bad: BadText, owner = 'mục'): string {
  const where = bad.ownerId !== undefined ? ` của ${owner} ${bad.ownerId}` : '';
  if (bad.fault === 'nesting') return `Trường ${bad.path || '(gốc)'}${where} lồng nhau quá ${MAX_NESTING} tầng. Dữ liệu chưa được ghi.`;
  return `Trường ${bad.path || '(gốc)'}${where} chứa ${TEXT_FAULT_LABELS[bad.fault]}. Hãy nhập lại nội dung này; dữ liệu chưa được ghi.`;
}
