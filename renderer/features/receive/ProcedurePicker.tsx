// Search as you type (without diacritics too, or by code prefix); ↑/↓ move, Enter picks.
import { useMemo, useRef, useState } from 'react';
import type { Procedure, ProcedureIndex } from '../../../shared/catalogue';
import { useShortcut } from '../../ui/useShortcut';
import { processingText } from './ProcedureDetails';

export function ProcedurePicker(props: { index: ProcedureIndex; all: Procedure[]; onPick(p: Procedure): void; autoFocus?: boolean; label?: string; error?: string }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => (query.trim() === '' ? props.all.slice(0, 8) : props.index.search(query, 8).map((m) => m.procedure)), [query, props.index, props.all]);
  const pick = (p: Procedure | undefined) => p && props.onPick(p);
  // The list's keys belong to the search box alone, where the officer is typing.
  const search = useRef<HTMLInputElement>(null);
  useShortcut(
    ['ArrowDown', 'ArrowUp', 'Enter'],
    (key) => {
      if (key === 'ArrowDown') setActive((a) => Math.min(results.length - 1, a + 1));
      else if (key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
      else pick(results[active]);
    },
    { scope: search, inFields: true },
  );
  return (
    <div className="picker">
      <label className="field" htmlFor="procedure-search">
        <span>{props.label ?? 'Tìm thủ tục (tên, mã hoặc lĩnh vực; gõ không dấu được)'}</span>
        <input
          ref={search}
          id="procedure-search"
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls="procedure-results"
          aria-invalid={props.error ? true : undefined}
          autoFocus={props.autoFocus}
          value={query}
          placeholder="ví dụ: cap lai giay phep lai xe, 3.000348"
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
        />
        {props.error ? (
          <span className="field-error" role="alert">
            {props.error}
          </span>
        ) : null}
      </label>
      <ul id="procedure-results" role="listbox" aria-label="Kết quả tìm thủ tục" className="results">
        {results.map((p, i) => (
          <li key={p.code} role="option" aria-selected={i === active} className={i === active ? 'active' : ''} onMouseDown={(e) => e.preventDefault()} onClick={() => pick(p)}>
            <strong>{p.name}</strong>
            <span>
              {p.code} · {p.departmentName} · {processingText(p)}
              {p.incomplete.length > 0 ? ' · ⚠ danh mục còn thiếu' : ''}
            </span>
          </li>
        ))}
        {results.length === 0 ? <li className="empty">Không tìm thấy thủ tục nào. Thử gõ ít chữ hơn hoặc gõ mã thủ tục.</li> : null}
      </ul>
      <p className="keys">
        <kbd>↑</kbd> <kbd>↓</kbd> chọn dòng, <kbd>Enter</kbd> chọn thủ tục
      </p>
    </div>
  );
}
