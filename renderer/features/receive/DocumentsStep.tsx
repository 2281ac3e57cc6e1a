// Step 3: the checklist with the counts the catalogue asks for; short lines are listed for Mẫu 02.
import { documentShortfall, tickDocument, type DocumentLine, type FieldErrors } from './form';
import { FieldError } from '../../ui/Field';

function Count({ label, value, onValue, disabled }: { label: string; value: number; onValue(n: number): void; disabled: boolean }) {
  return (
    <input type="number" min={0} max={99} aria-label={label} value={value} disabled={disabled} onChange={(e) => onValue(Math.max(0, Math.floor(Number(e.target.value) || 0)))} className="count" />
  );
}

export function DocumentsStep(props: { documents: DocumentLine[]; sets: number; errors: FieldErrors; onChange(documents: DocumentLine[]): void; onSets(n: number): void }) {
  const { documents } = props;
  const update = (i: number, line: DocumentLine) => props.onChange(documents.map((d, j) => (j === i ? line : d)));
  const need = (n: number | null) => (n === null ? '—' : String(n));
  return (
    <div className="step-body">
      <table className="doc-table checklist">
        <thead>
          <tr>
            <th>Đã nhận</th>
            <th>Thành phần hồ sơ</th>
            <th>Yêu cầu</th>
            <th>Bản chính</th>
            <th>Bản sao chứng thực</th>
            <th>Bản sao</th>
            <th>Tình trạng</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d, i) => {
            const short = documentShortfall(d);
            return (
              <tr key={d.name} className={short ? 'short' : 'complete'}>
                <td>
                  <input type="checkbox" aria-label={`Đã nhận: ${d.name}`} checked={d.received} onChange={(e) => update(i, tickDocument(d, e.target.checked))} />
                </td>
                <td>{d.name}</td>
                <td className="num">
                  {need(d.requiredOriginals)} chính · {need(d.requiredCopies)} sao
                </td>
                <td>
                  <Count label={`Số bản chính: ${d.name}`} value={d.originals} disabled={!d.received} onValue={(originals) => update(i, { ...d, originals })} />
                </td>
                <td>
                  <Count label={`Số bản sao chứng thực: ${d.name}`} value={d.certifiedCopies} disabled={!d.received} onValue={(certifiedCopies) => update(i, { ...d, certifiedCopies })} />
                </td>
                <td>
                  <Count label={`Số bản sao: ${d.name}`} value={d.copies} disabled={!d.received} onValue={(copies) => update(i, { ...d, copies })} />
                </td>
                <td className={short ? 'status short' : 'status ok'}>{short ?? 'Đủ'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FieldError id="documents" error={props.errors.documents} />
      <label className="field narrow" htmlFor="sets">
        <span>Số bộ hồ sơ</span>
        <input id="sets" type="number" min={1} max={20} value={props.sets} onChange={(e) => props.onSets(Math.max(1, Math.floor(Number(e.target.value) || 1)))} />
      </label>
    </div>
  );
}
