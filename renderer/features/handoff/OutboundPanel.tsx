// Center → department (or → another center): open a batch, scan dossiers in (each answered at once),
// remove a mis-scan, close it (events "handed to courier", or "sent to center") and print the handover record.
import { useCallback, useEffect, useState } from 'react';
import type { ScanClassification } from '../../../shared/codes';
import { formatVietnamDateTime } from '../../../shared/domain';
import { useKiosk } from '../../kiosk/kiosk';
import { ManualScanEntry } from '../../ui/ManualScanEntry';
import { useShortcut } from '../../ui/useShortcut';
import { usePrinting } from '../../kiosk/printing';
import type { DossierRow } from '../../db';
import { openBatch, openBatchOf, type HandoffBatch } from './batch';
import { BatchList } from './BatchList';
import { cargoTitle, notHeldHere, otherCenters, scanIntoCenterBatch } from './centers';
import { handoverParties, printHandover } from './handoverPrint';
import { LeaveWarnings } from './LeaveWarnings';
import { OpenBatchForm, type OpenBatchValues } from './OpenBatchForm';
import { closeOutboundBatch, removeFromBatch, scanIntoOutboundBatch, type CloseResult } from './outbound';
import { ScanFeedback } from './ScanFeedback';
import { rememberOpenedBatch } from './scanTransaction';
import { useBatchScanning, useScanSession } from './useBatchScanning';
import type { HandoffSetup } from './useHandoffSetup';

export function OutboundPanel({ setup }: { setup: HandoffSetup }) {
  const { db, credential, officer, eventMeta, host } = useKiosk();
  const printing = usePrinting();
  const [batch, setBatch] = useState<HandoffBatch>();
  const [closed, setClosed] = useState<{ result: CloseResult; print: string }>();
  const session = useScanSession(db);
  const handle = batch
    ? (c: ScanClassification) =>
        batch.centerCode !== undefined
          ? scanIntoCenterBatch(session, batch.id, c, setup.agencyTable, setup.ownCenter, setup.centerName)
          : scanIntoOutboundBatch(session, batch.id, c, setup.agencyTable, setup.departmentName, (row) => notHeldHere(row.state, setup.ownCenter, setup.centerName))
    : undefined;
  const { rows, setRows, verdict, setVerdict, error, setError } = useBatchScanning(handle, setBatch);

  // Reopens the batch left open (a reload, a crash restart) with its rows.
  useEffect(() => {
    void openBatchOf(db, 'toDepartment', credential.counterId).then(async (open) => {
      if (!open) return;
      const found = await db.dossiers.bulkGet(open.dossierIds);
      setRows(new Map(found.flatMap((r) => (r ? [[r.id, r] as const] : []))));
      setBatch(open);
    });
  }, [db, credential.counterId, setRows]);

  const batchId = batch?.id;
  // Stable across scans (the batch id does not change), so the list's rows are not re-rendered.
  const removeAction = useCallback(
    (row: DossierRow) => (
      <button type="button" className="link" onClick={() => batchId && void removeFromBatch(db, batchId, row.id).then(setBatch)} aria-label={`Bỏ ${row.code ?? ''} ra khỏi lô`}>
        Bỏ ra
      </button>
    ),
    [db, batchId],
  );

  const close = useCallback(async () => {
    if (!batch) return;
    setError(undefined);
    try {
      const result = await closeOutboundBatch(db, batch.id, eventMeta, new Date(), setup.ownCenter);
      const print = await printHandover(db, result.batch, { config: setup.config, ...handoverParties(result.batch, setup), officerName: officer.fullName, host, printing });
      setClosed({ result, print });
      setBatch(undefined);
      setRows(new Map());
      setVerdict(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [batch, db, eventMeta, host, setup, officer.fullName, printing, setError, setRows, setVerdict]);

  useShortcut('Ctrl+Enter', () => void close(), { enabled: batch !== undefined });

  const open = async (values: OpenBatchValues) => {
    setClosed(undefined);
    const created = await openBatch(db, { ...values, direction: 'toDepartment', counterId: credential.counterId, officerId: officer.id, counterIndex: credential.counterIndex });
    rememberOpenedBatch(session, created);
    setRows(new Map());
    setBatch(created);
  };

  if (!batch) {
    return (
      <div className="outbound">
        {closed ? <ClosedSummary closed={closed} /> : null}
        <h2>Mở lô chuyển hồ sơ cho bưu điện</h2>
        <OpenBatchForm direction="toDepartment" departments={[...setup.catalogue.departments.values()]} centers={otherCenters(setup.catalogue.centers.values(), setup.ownCenter)} onOpen={open} />
        <LeaveWarnings setup={setup} />
      </div>
    );
  }
  return (
    <div className="outbound">
      <div className="batch-head" data-testid="open-batch">
        <div>
          <span className="batch-code" data-testid="batch-code">
            {batch.id}
          </span>
          <span>
            {batchHeading(batch, setup)} · bưu điện: {batch.courierName}
            {batch.sealNumber ? ` · niêm phong ${batch.sealNumber}` : ''} · mở lúc {formatVietnamDateTime(batch.openedAt)}
          </span>
        </div>
        <strong className="batch-count" data-testid="batch-count">
          {batch.dossierIds.length} hồ sơ
        </strong>
        <button type="button" className="primary" onClick={() => void close()} disabled={batch.dossierIds.length === 0}>
          Đóng lô và in biên bản <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
        </button>
      </div>
      {error ? (
        <p className="banner error" role="alert">
          {error}
        </p>
      ) : null}
      <ScanFeedback
        verdict={verdict}
        idle={
          batch.carried === 'result' ? 'Quét mã hồ sơ trên từng kết quả để đưa vào lô chuyển sang trung tâm công dân nhận kết quả.' : 'Quét mã hồ sơ (mã QR hoặc mã vạch trên bìa hồ sơ) để đưa vào lô.'
        }
      />
      <ManualScanEntry id="out-manual-code" label="Mã hồ sơ hoặc dãy số dưới mã vạch" autoFocus />
      <BatchList testId="batch-list" ids={batch.dossierIds} rows={rows} action={removeAction} />
    </div>
  );
}

/** Who the open batch goes to, and between centers what it carries. */
function batchHeading(batch: HandoffBatch, setup: HandoffSetup): string {
  if (batch.centerCode === undefined) return setup.departmentName(batch.departmentId);
  return `${batch.carried ? `${cargoTitle(batch.carried)} chuyển` : 'Chuyển'} đến ${setup.centerName(batch.centerCode)}`;
}

function ClosedSummary({ closed }: { closed: { result: CloseResult; print: string } }) {
  const { result, print } = closed;
  return (
    <section className="closed-summary" data-testid="closed-summary" role="status">
      <p>
        Đã đóng lô <strong>{result.batch.id}</strong>: giao {result.handed.length} hồ sơ cho bưu điện{result.batch.centerCode !== undefined ? ' chuyển sang trung tâm khác' : ''} lúc{' '}
        {formatVietnamDateTime(result.batch.closedAt!)}.
      </p>
      <p>{print}</p>
      {result.refusals.length > 0 ? (
        <div className="banner error" data-testid="close-refusals">
          <p>{result.refusals.length} hồ sơ không giao được, đã để lại:</p>
          <ul>
            {result.refusals.map((r) => (
              <li key={r.dossierId}>
                {r.dossierCode}: {r.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
