// What the card offers on any counter besides the desk's own actions: the slip (Mẫu 01) and each
// fee receipt printed again (reprint.ts), and digitising the papers later, when the reception's
// capture was skipped or the papers came back with the result.
import { useState } from 'react';
import { formatReceiptNumber } from '../../../shared/codes';
import type { DossierRow } from '../../db';
import type { DeskContext } from '../../desk/context';
import { useNames } from '../../kiosk/names';
import { useAltShortcut } from '../../ui/useShortcut';
import { useDossierTrail } from './DossierCard';
import { DigitisePanel } from './digitise/DigitisePanel';
import { isServerCopy } from './find';
import { receivedOf } from '../../desk/context';
import { feeCollections, receiptReprint, slipReprint, type Reprint } from './reprint';

export function CardPrints({ ctx, row }: { ctx: DeskContext; row: DossierRow }) {
  const trail = useDossierTrail(row);
  const names = useNames();
  const [note, setNote] = useState<string>();
  const [digitising, setDigitising] = useState(false);
  const events = trail?.events ?? [];
  const received = receivedOf(events);
  // Digitising records a fact against the local projection: not from a server copy.
  const mayDigitise = !isServerCopy(row) && received !== undefined && received.payload.documents.length > 0;

  async function print(reprint: Reprint) {
    if (!reprint.ok) return setNote(reprint.message);
    const queued = await ctx.print(reprint.doc, { role: reprint.role, copies: 1 });
    setNote(queued.ok ? `Đã gửi in: ${reprint.what}.` : queued.message);
  }
  const printSlip = () => void print(slipReprint(ctx, row, events, names));
  useAltShortcut('g', printSlip, trail !== undefined);
  useAltShortcut('s', () => setDigitising(true), mayDigitise);

  return (
    <>
      <button type="button" className="secondary" onClick={printSlip} disabled={!trail}>
        In lại giấy hẹn (Mẫu 01) <kbd>Alt+G</kbd>
      </button>
      {feeCollections(events).map((fee) => (
        <button key={fee.id} type="button" className="secondary" onClick={() => void print(receiptReprint(ctx, row.state, fee, events, names))}>
          In lại biên lai số {formatReceiptNumber(fee.payload.receipt.number)}
        </button>
      ))}
      {mayDigitise && !digitising ? (
        <button type="button" className="secondary" onClick={() => setDigitising(true)}>
          Số hóa giấy tờ <kbd>Alt+S</kbd>
        </button>
      ) : null}
      {note ? (
        <span className="muted" role="status" data-testid="card-print-note">
          {note}
        </span>
      ) : null}
      {digitising && received ? <DigitisePanel dossierId={row.id} checklist={received.payload.documents.map((d) => ({ name: d.name }))} /> : null}
    </>
  );
}
