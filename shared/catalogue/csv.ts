/** RFC 4180 CSV, with the tolerances spreadsheet exports need (BOM, bare LF or CR, ';' or tab delimiters). */

export type CsvSyntaxError = {
  /** 1-based record number where the broken field starts (the header is record 1). */
  row: number;
  /** 1-based physical line where the broken field starts. */
  line: number;
  message: string;
};

export type CsvParseResult = {
  /** Every complete record before any syntax error. */
  rows: string[][];
  error?: CsvSyntaxError;
};

const BOM = '\uFEFF';

/** Picks the delimiter from the header line: Excel in some locales saves ';'-separated "CSV". */
export function detectDelimiter(text: string): string {
  const firstLine = text.replace(BOM, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => ({ d, n: countOutsideQuotes(firstLine, d) }));
  counts.sort((a, b) => b.n - a.n);
  const best = counts[0];
  return best && best.n > 0 ? best.d : ',';
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let n = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === delimiter && !inQuotes) n++;
  }
  return n;
}

export function parseCsv(text: string, delimiter: string = detectDelimiter(text)): CsvParseResult {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let record: string[] = [];
  let field = '';
  let line = 1;
  let i = 0;
  // A quote that does not start a field is kept literally, as spreadsheets do.
  while (i < src.length) {
    const ch = src[i];
    if (ch === '"' && field === '') {
      const startLine = line;
      i++;
      let closed = false;
      while (i < src.length) {
        const c = src[i];
        if (c === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && src[i + 1] !== '\n')) line++;
        field += c;
        i++;
      }
      if (!closed) {
        return {
          rows,
          error: {
            row: rows.length + 1,
            line: startLine,
            message: `Dòng ${rows.length + 1}: ô bắt đầu bằng dấu ngoặc kép (") nhưng không có dấu đóng; kiểm tra lại ô này trong tệp.`,
          },
        };
      }
      // Text between a closing quote and the next delimiter is appended rather than rejected.
      continue;
    }
    if (ch === delimiter) {
      record.push(field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      record.push(field);
      rows.push(record);
      record = [];
      field = '';
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      continue;
    }
    field += ch;
    i++;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    rows.push(record);
  }
  return { rows };
}

/** Writes rows as RFC 4180 CSV with CRLF, quoting only fields that need it. */
export function formatCsv(rows: readonly (readonly string[])[], delimiter = ','): string {
  const needsQuotes = new RegExp(`["\\r\\n${delimiter === '\t' ? '\\t' : delimiter}]`);
  const quote = (f: string) => (needsQuotes.test(f) || /^\s|\s$/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return rows.map((r) => r.map(quote).join(delimiter)).join('\r\n') + (rows.length > 0 ? '\r\n' : '');
}
