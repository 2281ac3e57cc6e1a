// A scan no screen asked for (outside a batch) opens that dossier's card (renderer/features/dossier),
// closed with Esc. Mounted once by the shell.
import { useEffect, useRef, useState } from 'react';
import { useKiosk } from '../../kiosk/kiosk';
import type { DossierRow } from '../../db';
import { acknowledgeScan, useScanFallback } from '../../scan';
import { DossierCard } from '../dossier/DossierCard';
import { resolveScan } from './resolve';
import { useHandoffSetup } from './useHandoffSetup';
import './handoff.css';

type Shown = { kind: 'dossier'; row: DossierRow } | { kind: 'message'; message: string };

export function ScanFallback() {
  const { db } = useKiosk();
  const { setup } = useHandoffSetup();
  const [shown, setShown] = useState<Shown>();
  const dialog = useRef<HTMLDivElement>(null);

  useScanFallback((scan) => {
    if (!setup) return;
    if (scan.classification.kind === 'batchCode') {
      acknowledgeScan('notADossierCode');
      setShown({ kind: 'message', message: `${scan.classification.parts.code} là mã lô bàn giao: vào Bàn giao (F3) › Xác nhận đã giao rồi quét lại.` });
      return;
    }
    void resolveScan(db, scan.classification, setup.agencyTable).then((found) => {
      acknowledgeScan(found.kind === 'dossier' ? 'accepted' : found.kind);
      setShown(found.kind === 'dossier' ? { kind: 'dossier', row: found.row } : { kind: 'message', message: found.message });
    });
  });

  useEffect(() => {
    if (!shown) return;
    dialog.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setShown(undefined);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shown]);

  if (!shown) return null;
  return (
    <div className="scan-card-backdrop" onClick={() => setShown(undefined)}>
      <div ref={dialog} className="scan-card" role="dialog" aria-modal="true" aria-label="Hồ sơ vừa quét" tabIndex={-1} data-testid="scanned-dossier" onClick={(e) => e.stopPropagation()}>
        {shown.kind === 'dossier' ? <DossierCard row={shown.row} departmentName={setup?.departmentName} /> : <p role="alert">{shown.message}</p>}
        <button type="button" className="link" onClick={() => setShown(undefined)}>
          Đóng <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
