// Trả kết quả: scan the slip or search, check the card, hand the result over (desk, authorised
// person, post), or take a correction request for a result already handed over. A dossier found
// only on the server is shown read-only: its control sheet prints, nothing is recorded on it here.
import { useEffect, useState } from 'react';
import { DossierCard } from '../dossier/DossierCard';
import { DossierSearch } from '../dossier/DossierSearch';
import { isServerCopy } from '../dossier/find';
import { useAltShortcut } from '../../ui/useShortcut';
import { ControlSheetButton } from '../dossier/ControlSheetButton';
import { CardPrints } from '../dossier/CardPrints';
import { heldAtAnotherCenter } from '../dossier/card';
import { CorrectionForm } from './CorrectionForm';
import { Outcome, type ActionReport } from '../../desk/Outcome';
import { ReturnForm } from './ReturnForm';
import { useDesk } from '../../desk/useDesk';
import { useOpenDossier } from '../dossier/useOpenDossier';
import type { DossierRow } from '../../db';
import { WaitingResults } from './WaitingResults';
import './return.css';

type Panel = 'none' | 'return' | 'correction';

export function ReturnScreen() {
  const { setup, ctx, server } = useDesk({ leases: 'receipt' });
  const { row, open, reload } = useOpenDossier();
  const [panel, setPanel] = useState<Panel>('none');
  const [report, setReport] = useState<ActionReport>();
  const [listed, setListed] = useState(false);

  useEffect(() => {
    setPanel('none');
  }, [row?.id]);
  // Actions need the dossier in the local database (events are recorded against its projection).
  const status = row && !isServerCopy(row) ? row.state.status : undefined;
  // Across boundaries the result is returned only where it is held: elsewhere the desk says where it is.
  const elsewhere = row && ctx ? heldAtAnotherCenter(row.state, ctx.counter.agencyCode, ctx.centerName) : undefined;
  const returnable = status === 'resultReady' && elsewhere === undefined;
  useAltShortcut('t', () => setPanel('return'), returnable);
  useAltShortcut('d', () => setPanel('correction'), status === 'returned');

  if (!setup || !ctx) return <p className="muted">Đang tải danh mục…</p>;
  const openRow = (r: DossierRow | undefined) => {
    setReport(undefined);
    open(r);
  };
  const done = (r: ActionReport) => {
    setReport(r);
    setPanel('none');
    void reload();
  };

  return (
    <div className="desk">
      <DossierSearch agencyTable={setup.agencyTable} procedures={setup.catalogue.index} onOpen={openRow} onListed={setListed} />
      <Outcome report={report} />
      {row ? (
        <DossierCard row={row} departmentName={setup.departmentName}>
          {returnable ? (
            <button type="button" className="primary" onClick={() => setPanel('return')}>
              Trả kết quả <kbd>Alt+T</kbd>
            </button>
          ) : null}
          {status === 'resultReady' && elsewhere ? (
            <p className="banner warn" role="alert" data-testid="held-elsewhere">
              {elsewhere}
            </p>
          ) : null}
          {status === 'returned' ? (
            <button type="button" className="secondary" onClick={() => setPanel('correction')}>
              Yêu cầu đính chính <kbd>Alt+D</kbd>
            </button>
          ) : null}
          <ControlSheetButton ctx={ctx} server={server} row={row} shortcut="k" />
          <CardPrints ctx={ctx} row={row} />
          {panel === 'return' && returnable ? <ReturnForm ctx={ctx} dossierId={row.id} state={row.state} onDone={done} onCancel={() => setPanel('none')} /> : null}
          {panel === 'correction' ? <CorrectionForm ctx={ctx} server={server} dossierId={row.id} state={row.state} onDone={done} onCancel={() => setPanel('none')} /> : null}
        </DossierCard>
      ) : listed || !ctx ? null : (
        <WaitingResults ownCenter={ctx.counter.agencyCode} onOpen={openRow} />
      )}
    </div>
  );
}
