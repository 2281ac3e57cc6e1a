// After acceptance: the code big enough to read across the counter, its barcode key, and what was
// queued for printing. With papers to digitise, the focus lands on the digitising offer (Enter does
// not pass it by) and Alt+N starts the next citizen; with nothing to digitise, Enter does.
import { useEffect, useRef } from 'react';
import { formatVietnamDateTime } from '../../../shared/domain';
import { useShortcut } from '../../ui/useShortcut';
import { DigitisePanel } from '../dossier/digitise/DigitisePanel';
import type { Done } from './receiveState';

export function AcceptedView({ done, onNext }: { done: Done; onNext(): void }) {
  const next = useRef<HTMLButtonElement>(null);
  const offer = useRef<HTMLDivElement>(null);
  const digitise = done.kind === 'accepted' && done.documents.length > 0;
  // The code stays in sight: focus does not scroll the page down to the offer.
  useEffect(() => (digitise ? offer.current : next.current)?.focus({ preventScroll: true }), [digitise]);
  useShortcut('Alt+N', onNext);
  return (
    <section className="panel done" aria-label="Kết quả">
      {done.kind === 'accepted' ? (
        <>
          <p className="done-title">Đã tiếp nhận hồ sơ</p>
          <p className="code" data-testid="dossier-code">
            {done.code}
          </p>
          {done.barcodeKey ? (
            <p className="barcode-key">
              Mã vạch số: <span data-testid="barcode-key">{done.barcodeKey}</span>
            </p>
          ) : null}
          <p className="due">
            Hẹn trả kết quả: <strong>{formatVietnamDateTime(done.dueAt)}</strong>
            {done.across?.expected ? ' (dự kiến, tính lại khi cơ quan có thẩm quyền nhận hồ sơ)' : ''}
          </p>
          {done.across ? (
            <p className="due" data-testid="collect-at">
              Trung tâm trả kết quả: <strong>{done.across.collectAt}</strong>
            </p>
          ) : null}
          {done.receipt ? <p>Biên lai: {done.receipt}</p> : null}
        </>
      ) : (
        <>
          <p className="done-title">{done.kind === 'supplement' ? 'Đã lập phiếu yêu cầu bổ sung, hoàn thiện hồ sơ' : 'Đã lập phiếu từ chối tiếp nhận hồ sơ'}</p>
          <p className="reference" data-testid="letter-reference">
            Số phiếu: {done.reference} · {done.applicantName}
          </p>
        </>
      )}
      {done.kind === 'accepted'
        ? done.warnings.map((w) => (
            <p key={w} className="banner warn" role="status">
              {w}
            </p>
          ))
        : null}
      <ul className="prints">
        {done.prints.map((p) => (
          <li key={p.what} className={p.ok ? 'ok' : 'warn'}>
            {p.ok ? `Đã đưa vào hàng đợi in: ${p.what}` : `${p.what}: ${p.message}`}
          </li>
        ))}
      </ul>
      <button ref={next} type="button" className="primary" onClick={onNext}>
        Tiếp nhận hồ sơ mới <kbd>{digitise ? 'Alt+N' : 'Enter'}</kbd>
      </button>
      {/* Digitising the papers just received is the counter's duty (TT 03/2025, Điều 5). */}
      {done.kind === 'accepted' && digitise ? (
        <div ref={offer} tabIndex={-1} className="digitise-offer" role="group" aria-label="Số hóa giấy tờ vừa nhận" data-testid="digitise-offer">
          <p className="hint">Số hóa giấy tờ vừa nhận (Thông tư 03/2025, Điều 5): Tab để chọn cách số hóa từng giấy tờ.</p>
          <DigitisePanel dossierId={done.dossierId} checklist={done.documents.map((name) => ({ name }))} />
        </div>
      ) : null}
    </section>
  );
}
