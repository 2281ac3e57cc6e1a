// The scan loop of an open batch, shared by the outbound and inbound panels (and the scan
// benchmark): each scan goes to `handle`, which writes durably; only then do the row and the
// verdict (sound and colour) reach the screen.
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ScanClassification } from '../../../shared/codes';
import type { DossierRow, MotCuaDb } from '../../db';
import { useScans } from '../../scan';
import type { HandoffBatch } from './batch';
import type { ScanVerdict } from './outbound';
import type { ShownVerdict } from './ScanFeedback';
import { createScanSession, type ScanSession } from './scanTransaction';

/** The panel's own scan session (scanTransaction.ts), kept for as long as the panel is shown. */
export function useScanSession(db: MotCuaDb): ScanSession {
  const session = useRef<ScanSession>(undefined);
  if (session.current?.db !== db) session.current = createScanSession(db);
  return session.current;
}

export type BatchScanHandler = (classification: ScanClassification) => Promise<ScanVerdict>;

export function useBatchScanning(handle: BatchScanHandler | undefined, onBatch: (batch: HandoffBatch) => void) {
  const [rows, setRows] = useState<Map<string, DossierRow>>(new Map());
  const [verdict, setVerdict] = useState<ShownVerdict>();
  const [error, setError] = useState<string>();
  useScans(
    (scan) => {
      if (!handle) return;
      handle(scan.classification)
        .then((v) => {
          const dossier = v.dossier;
          // Rendered right here, in the task where the write completed: a scheduled render waits
          // behind whatever else the page queued (frames, other database replies) on a busy machine.
          flushSync(() => {
            if (dossier && v.outcome === 'accepted') setRows((m) => new Map(m).set(dossier.id, dossier));
            onBatch(v.batch);
            setVerdict((last) => ({
              outcome: v.outcome,
              message: v.message,
              ...(v.label ? { label: v.label } : {}),
              ...(v.aboutForm ? { aboutForm: true as const } : {}),
              serial: (last?.serial ?? 0) + 1,
            }));
          });
        })
        .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    },
    { enabled: handle !== undefined },
  );
  return { rows, setRows, verdict, setVerdict, error, setError };
}
