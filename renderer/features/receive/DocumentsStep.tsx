// Step 3: the checklist with the counts the catalogue asks for. Each line says whether it is
// required, optional ("nếu có") or for some cases only; a conditional line that is not this
// applicant's case is marked "Không áp dụng". An empty checklist is never passed silently: the
// officer lists the papers received or confirms there are none.
import { useState, type KeyboardEvent } from 'react';
import { DOCUMENT_NEED_LABELS } from '../../../shared/catalogue';
import { addedDocument, documentShortfall, tickDocument, type DocumentLine, type ReceiveForm } from './form';

function Count({ label, value, onValue, disabled }: { label: string; value: number; onValue(n: number): void; disabled: boolean }) {
  return (
    <input type="number" min={0} max={99} aria-label={label} value={value} disabled={disabled} onChange={(e) => onValue(Math.max(0, Math.floor(Number(e.target.value) || 0)))} className="count" />
  );
}

/**
 * ↑ and ↓ on a row's «Đã nhận» box go to the box of the row above or below: without them the officer
 * tabbed through the three counts of every row to tick the next paper.
 */
function toNeighbourBox(e: KeyboardEvent<HTMLInputElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const boxes = [...(e.currentTarget.closest('tbody')?.querySelectorAll<HTMLInputElement>('input[data-received-box]') ?? [])];
  const next = boxes[boxes.indexOf(e.currentTarget) + (e.key === 'ArrowDown' ? 1 : -1)];
  if (!next) return;
  e.preventDefault();
  next.focus();
}

function lineStatus(d: DocumentLine): string {
  const short = documentShortfall(d);
  if (short) return short;
  if (d.received) return 'Đủ';
  return d.need === 'optional' ? 'Không nộp (không bắt buộc)' : 'Không áp dụng';
}

export function DocumentsStep(props: { form: ReceiveForm; onChange(form: ReceiveForm): void }) {
  const { form } = props;
  const documents = form.documents;
  const [added, setAdded] = useState('');
  const setDocuments = (next: DocumentLine[]) => props.onChange({ ...form, documents: next });
  const update = (i: number, line: DocumentLine) => setDocuments(documents.map((d, j) => (j === i ? line : d)));
  const need = (n: number | null) => (n === null ? '—' : String(n));
  const add = () => {
    if (added.trim() === '' || documents.some((d) => d.name === added.trim())) return;
    setDocuments([...documents, addedDocument(added)]);
    setAdded('');
  };
  const emptyCatalogue = documents.every((d) => d.extra);
  return (
    <div className="step-body">
      {emptyCatalogue ? (
        <div className="banner warn" role="status" data-testid="empty-checklist">
          Danh mục chưa có thành phần hồ sơ của thủ tục này. Hãy ghi từng giấy tờ người nộp đã đưa (để in trên giấy tiếp nhận), hoặc xác nhận hồ sơ không có giấy tờ nào.
        </div>
      ) : null}
      {documents.length > 0 ? (
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
                <tr key={d.name} className={`${short ? 'short' : 'complete'}${d.askedFor ? ' asked-for' : ''}`} data-need={d.need ?? 'required'}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Đã nhận: ${d.name}`}
                      checked={d.received}
                      autoFocus={i === 0}
                      data-received-box
                      onChange={(e) => update(i, { ...tickDocument(d, e.target.checked), notApplicable: false })}
                      onKeyDown={toNeighbourBox}
                    />
                  </td>
                  <td>
                    {d.name}
                    {d.askedFor ? <span className="asked-tag"> · được yêu cầu bổ sung</span> : null}
                  </td>
                  <td className="num">
                    <span className={`need ${d.need ?? 'required'}`}>{d.extra ? 'Cán bộ ghi' : DOCUMENT_NEED_LABELS[d.need ?? 'required']}</span>
                    <br />
                    {need(d.requiredOriginals)} chính · {need(d.requiredCopies)} sao
                    {d.need === 'conditional' && !d.received ? (
                      <label className="inline not-applicable">
                        <input type="checkbox" aria-label={`Không áp dụng: ${d.name}`} checked={d.notApplicable === true} onChange={(e) => update(i, { ...d, notApplicable: e.target.checked })} />{' '}
                        Không áp dụng
                      </label>
                    ) : null}
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
                  <td className={short ? 'status short' : 'status ok'}>{lineStatus(d)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {documents.length > 0 ? (
        <p className="keys">
          <kbd>Space</kbd> đánh dấu đã nhận, <kbd>↑</kbd> <kbd>↓</kbd> sang giấy tờ trên, dưới, <kbd>Enter</kbd> tiếp tục
        </p>
      ) : null}
      {emptyCatalogue ? (
        <div className="add-document">
          <label className="field" htmlFor="added-document">
            <span>Giấy tờ đã nhận (tên giấy tờ)</span>
            <input
              id="added-document"
              value={added}
              autoFocus={documents.length === 0}
              data-scan="typing"
              onChange={(e) => setAdded(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && added.trim() !== '') {
                  e.preventDefault();
                  add();
                }
              }}
            />
          </label>
          <button type="button" className="secondary" onClick={add}>
            Thêm giấy tờ
          </button>
          {documents.length === 0 ? (
            <label className="inline">
              <input type="checkbox" checked={form.noPapersConfirmed === true} onChange={(e) => props.onChange({ ...form, noPapersConfirmed: e.target.checked })} /> Xác nhận hồ sơ này không có giấy tờ
              nào
            </label>
          ) : null}
        </div>
      ) : null}
      <label className="field narrow" htmlFor="sets">
        <span>Số bộ hồ sơ</span>
        <input id="sets" type="number" min={1} max={20} value={form.sets} onChange={(e) => props.onChange({ ...form, sets: Math.max(1, Math.floor(Number(e.target.value) || 1)) })} />
      </label>
    </div>
  );
}
