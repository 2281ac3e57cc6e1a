// Department → Center: a results batch. Each result scanned off the bag is recorded at once; a
// supplement request or a refusal by the department is scanned with its items or reasons. From another
// center: each dossier scanned off the bag is recorded as arrived here (its papers or its result).
import { useCallback, useEffect, useState } from 'react';
import type { ScanClassification } from '../../../shared/codes';
import type { ResultOutcome } from '../../../shared/domain';
import { useKiosk } from '../../kiosk/kiosk';
import { usePrinting } from '../../kiosk/printing';
import { ManualScanEntry } from '../../ui/ManualScanEntry';
import { useShortcut } from '../../ui/useShortcut';
import { handoverParties, printHandover } from './handoverPrint';
import { otherCenters, scanArrivalFromCenter } from './centers';
import { openBatch, openBatchOf, type HandoffBatch } from './batch';
import { BatchList } from './BatchList';
import { closeInboundBatch, inboundDetailsProblem, listInboundRejects, scanIntoInboundBatch, type InboundDetails, type InboundReject } from './inbound';
import { OpenBatchForm, type OpenBatchValues } from './OpenBatchForm';
import type { ScanVerdict } from './outbound';
import { ScanFeedback } from './ScanFeedback';
import { rememberOpenedBatch } from './scanTransaction';
import { useBatchScanning, useScanSession } from './useBatchScanning';
import type { HandoffSetup } from './useHandoffSetup';

const FROM_CENTER_LABELS = { accepted: 'Đã nhận', wrongState: 'Không nhận hồ sơ này', unknownCode: 'Trung tâm không có hồ sơ này', wrongDepartment: 'Hồ sơ chuyển đến trung tâm khác' } as const;
const INBOUND_LABELS = { accepted: 'Đã nhận kết quả', wrongState: 'Không nhận kết quả này', unknownCode: 'Trung tâm không có hồ sơ này', wrongDepartment: 'Kết quả của cơ quan khác' } as const;
const OUTCOME_CHOICES: Record<ResultOutcome, string> = { result: 'Kết quả giải quyết', supplement: 'Yêu cầu bổ sung hồ sơ', refusal: 'Văn bản từ chối giải quyết' };

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

export function InboundPanel({ setup }: { setup: HandoffSetup }) {
  const { db, credential, officer, eventMeta, host } = useKiosk();
  const printing = usePrinting();
  const [batch, setBatch] = useState<HandoffBatch>();
  const [closed, setClosed] = useState<{ batch: HandoffBatch; print: string }>();
  const [outcome, setOutcome] = useState<ResultOutcome>('result');
  const [detailText, setDetailText] = useState('');
  const [rejects, setRejects] = useState<InboundReject[]>([]);

  const details: InboundDetails = { outcome, items: outcome === 'supplement' ? lines(detailText) : [], reasons: outcome === 'refusal' ? lines(detailText) : [] };
  const detailProblem = inboundDetailsProblem(details);
  const session = useScanSession(db);
  const fromCenter = batch?.centerCode !== undefined;
  const handle = batch
    ? async (c: ScanClassification): Promise<ScanVerdict> => {
        if (!fromCenter && detailProblem) return { outcome: 'wrongState', message: `Chưa nhận: ${detailProblem}`, aboutForm: true, batch };
        const v = fromCenter
          ? await scanArrivalFromCenter(session, batch.id, c, setup.agencyTable, eventMeta, setup.ownCenter, setup.centerName)
          : await scanIntoInboundBatch(session, batch.id, c, setup.agencyTable, details, eventMeta, setup.departmentName, new Date(), setup.ownCenter);
        if (v.outcome === 'unknownCode' || v.outcome === 'wrongState' || (fromCenter && v.outcome === 'wrongDepartment')) setRejects(await listInboundRejects(db));
        return v;
      }
    : undefined;
  const { rows, setRows, verdict, setVerdict, error, setError } = useBatchScanning(handle, setBatch);

  // Closing prints the batch's handover record, as the outbound batch does: the courier signs it.
  const close = useCallback(async () => {
    if (!batch) return;
    setError(undefined);
    try {
      const done = await closeInboundBatch(db, batch.id);
      const print = await printHandover(db, done, { config: setup.config, ...handoverParties(done, setup), officerName: officer.fullName, host, printing });
      setClosed({ batch: done, print });
      setBatch(undefined);
      setRows(new Map());
      setVerdict(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [batch, db, setup, officer.fullName, host, printing, setError, setRows, setVerdict]);
  useShortcut('Ctrl+Enter', () => void close(), { enabled: batch !== undefined });

  // "Chưa nhận: ghi các giấy tờ…" was about the details: once they are edited it no longer stands.
  useEffect(() => setVerdict((v) => (v?.aboutForm ? undefined : v)), [outcome, detailText, setVerdict]);

  useEffect(() => {
    void listInboundRejects(db).then(setRejects);
    void openBatchOf(db, 'toCenter', credential.counterId).then(async (open) => {
      if (!open) return;
      const found = await db.dossiers.bulkGet(open.dossierIds);
      setRows(new Map(found.flatMap((r) => (r ? [[r.id, r] as const] : []))));
      setBatch(open);
    });
  }, [db, credential.counterId, setRows]);

  const open = async (values: OpenBatchValues) => {
    setClosed(undefined);
    const created = await openBatch(db, { ...values, direction: 'toCenter', counterId: credential.counterId, officerId: officer.id, counterIndex: credential.counterIndex });
    rememberOpenedBatch(session, created);
    setRows(new Map());
    setVerdict(undefined);
    setBatch(created);
  };

  return (
    <div className="inbound">
      {batch ? (
        <>
          <div className="batch-head" data-testid="open-inbound-batch">
            <div>
              <span className="batch-code">{batch.id}</span>
              <span>
                {fromCenter ? `Lô từ ${setup.centerName(batch.centerCode!)}` : `Kết quả từ ${setup.departmentName(batch.departmentId)}`} · bưu điện: {batch.courierName}
              </span>
            </div>
            <strong className="batch-count" data-testid="inbound-count">
              {batch.dossierIds.length} hồ sơ
            </strong>
            <button type="button" className="primary" onClick={() => void close()}>
              Kết thúc lô nhận và in biên bản <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
            </button>
          </div>
          {fromCenter ? null : (
            <fieldset className="outcome-choice">
              <legend>Cơ quan giải quyết gửi về</legend>
              {(['result', 'supplement', 'refusal'] as const).map((o) => (
                <label key={o}>
                  <input type="radio" name="inbound-outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} /> {OUTCOME_CHOICES[o]}
                </label>
              ))}
              {outcome !== 'result' ? (
                <label className={detailProblem ? 'hf-field invalid' : 'hf-field'}>
                  <span>{outcome === 'supplement' ? 'Giấy tờ cần bổ sung (mỗi dòng một mục)' : 'Lý do từ chối (mỗi dòng một lý do)'}</span>
                  <textarea id="inbound-details" rows={3} value={detailText} onChange={(e) => setDetailText(e.target.value)} />
                  {detailProblem ? (
                    <span className="field-error" role="alert">
                      {detailProblem}
                    </span>
                  ) : null}
                </label>
              ) : null}
            </fieldset>
          )}
          {error ? (
            <p className="banner error" role="alert">
              {error}
            </p>
          ) : null}
          <ScanFeedback
            verdict={verdict}
            idle={fromCenter ? 'Quét mã từng hồ sơ, kết quả khi lấy ra khỏi túi của lô chuyển giữa các trung tâm.' : 'Quét mã hồ sơ trên từng kết quả khi lấy ra khỏi túi bưu điện.'}
            labels={fromCenter ? FROM_CENTER_LABELS : INBOUND_LABELS}
          />
          <ManualScanEntry id="in-manual-code" label="Mã hồ sơ hoặc dãy số dưới mã vạch" autoFocus />
          <BatchList testId="inbound-list" ids={batch.dossierIds} rows={rows} showStatus />
        </>
      ) : (
        <>
          {closed ? (
            <section className="closed-summary" data-testid="inbound-closed-summary" role="status">
              <p>
                Đã kết thúc lô nhận <strong>{closed.batch.id}</strong>: {closed.batch.dossierIds.length} hồ sơ từ{' '}
                {closed.batch.centerCode !== undefined ? setup.centerName(closed.batch.centerCode) : setup.departmentName(closed.batch.departmentId)}.
              </p>
              <p>{closed.print}</p>
            </section>
          ) : null}
          <h2>Mở lô nhận kết quả từ bưu điện</h2>
          <OpenBatchForm direction="toCenter" departments={[...setup.catalogue.departments.values()]} centers={otherCenters(setup.catalogue.centers.values(), setup.ownCenter)} onOpen={open} />
        </>
      )}
      <InboundRejects rejects={rejects} setup={setup} />
    </div>
  );
}

function InboundRejects({ rejects, setup }: { rejects: InboundReject[]; setup: HandoffSetup }) {
  if (rejects.length === 0) return null;
  return (
    <section className="inbound-rejects" aria-label="Kết quả không nhận, chờ giám sát" data-testid="inbound-rejects">
      <h3>Kết quả không nhận, chờ giám sát xử lý ({rejects.length})</h3>
      <ul>
        {rejects.map((r) => (
          <li key={r.id}>
            <span className="code">{r.code || '(không đọc được mã)'}</span> · {r.centerCode !== undefined ? setup.centerName(r.centerCode) : setup.departmentName(r.departmentId)} · lô {r.batchId}:{' '}
            {r.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
