// Delivery confirmation: scanning a batch barcode (from the record the department signed) marks
// every dossier still travelling in it delivered; one dossier can be confirmed or reported missing.
// A batch closed at another counter (this one is at the department) is listed from its synced dossiers.
import { useCallback, useEffect, useState } from 'react';
import { formatVietnamDateTime } from '../../../shared/domain';
import { useKiosk } from '../../kiosk/kiosk';
import { ManualScanEntry } from '../../ui/ManualScanEntry';
import type { DossierRow } from '../../db';
import { useScans } from '../../scan';
import { listBatches, type HandoffBatch } from './batch';
import { BatchList } from './BatchList';
import { batchForDelivery, confirmDeliveryOf, confirmDossierDelivery, deliveryBatchOf, disputeDelivery, type DeliveryBatch } from './delivery';
import { ScanFeedback, type ShownVerdict } from './ScanFeedback';
import type { HandoffSetup } from './useHandoffSetup';

const DELIVERY_LABELS = { accepted: 'Đã xác nhận giao', notADossierCode: 'Không phải mã lô bàn giao', unknownCode: 'Không xác nhận được lô này', wrongState: 'Có hồ sơ không xác nhận được' } as const;

export function DeliveryPanel({ setup }: { setup: HandoffSetup }) {
  const { db, eventMeta } = useKiosk();
  const [batches, setBatches] = useState<HandoffBatch[]>([]);
  const [selected, setSelected] = useState<DeliveryBatch>();
  const [rows, setRows] = useState<Map<string, DossierRow>>(new Map());
  const [verdict, setVerdict] = useState<ShownVerdict>();
  const [disputing, setDisputing] = useState<{ row: DossierRow; note: string; error?: string }>();

  const show = (outcome: ShownVerdict['outcome'], message: string) => setVerdict((last) => ({ outcome, message, serial: (last?.serial ?? 0) + 1 }));

  // The selected batch is kept as found, not looked up again: once confirmed, a batch closed at
  // another counter has no dossier left with the courier to be found by.
  const refresh = useCallback(
    async (batch?: DeliveryBatch) => {
      const all = (await listBatches(db)).filter((b) => b.direction === 'toDepartment' && b.centerCode === undefined && b.state !== 'open');
      setBatches(all);
      setSelected(batch);
      if (batch) {
        const found = await db.dossiers.bulkGet(batch.dossierIds);
        setRows(new Map(found.flatMap((r) => (r ? [[r.id, r] as const] : []))));
      }
    },
    [db],
  );
  useEffect(() => void refresh(), [refresh]);

  useScans((scan) => {
    const c = scan.classification;
    if (c.kind !== 'batchCode') {
      show('notADossierCode', 'Quét mã vạch lô trên biên bản giao nhận (dạng BG-…) để xác nhận đã giao.');
      return;
    }
    void (async () => {
      const found = await batchForDelivery(db, c.parts.code);
      if (!found.ok) return show('unknownCode', found.message);
      const result = await confirmDeliveryOf(db, found.batch, eventMeta);
      await refresh(result.batch);
      const refused = result.refusals.length > 0 ? ` ${result.refusals.length} hồ sơ không xác nhận được: ${result.refusals.map((r) => `${r.dossierCode} (${r.message})`).join('; ')}` : '';
      show(
        result.refusals.length > 0 ? 'wrongState' : 'accepted',
        `Lô ${found.batch.id}: đã xác nhận giao ${result.delivered.length} hồ sơ${result.skipped.length > 0 ? `, bỏ qua ${result.skipped.length} hồ sơ đã xác nhận hoặc báo thiếu` : ''}.${refused}`,
      );
    })();
  });

  const confirmOne = async (row: DossierRow) => {
    const result = await confirmDossierDelivery(db, selected!.id, row.id, eventMeta);
    show(result.ok ? 'accepted' : 'wrongState', result.ok ? `Đã xác nhận giao ${row.code ?? ''}.` : result.message);
    await refresh(selected);
  };
  const submitDispute = async () => {
    if (!disputing) return;
    const result = await disputeDelivery(db, selected!.id, disputing.row.id, disputing.note, eventMeta);
    if (!result.ok) return setDisputing({ ...disputing, error: result.message });
    setDisputing(undefined);
    show('accepted', `Đã ghi nhận khiếu nại bàn giao cho ${disputing.row.code ?? ''}.`);
    await refresh(selected);
  };

  return (
    <div className="delivery">
      <ScanFeedback verdict={verdict} idle="Quét mã vạch lô trên biên bản đã có chữ ký của cơ quan nhận để xác nhận đã giao cả lô." labels={DELIVERY_LABELS} />
      <ManualScanEntry id="delivery-manual-code" label="Mã lô (BG-…) hoặc dãy số dưới mã vạch biên bản" autoFocus />
      <div className="delivery-grid">
        <ul className="batch-picker" aria-label="Các lô đã gửi">
          {batches.length === 0 ? <li className="hint">Chưa có lô nào đã gửi.</li> : null}
          {batches.map((b) => (
            <li key={b.id}>
              <button type="button" className={selected?.id === b.id ? 'active' : ''} onClick={() => void refresh(deliveryBatchOf(b))}>
                <span className="code">{b.id}</span> {setup.departmentName(b.departmentId)} · {b.dossierIds.length} hồ sơ ·{' '}
                {b.state === 'delivered' ? `đã giao ${formatVietnamDateTime(b.deliveredAt!)}` : 'đang chuyển'}
              </button>
            </li>
          ))}
        </ul>
        {selected ? (
          <section aria-label={`Lô ${selected.id}`}>
            <h3>
              Lô {selected.id}
              {selected.departmentId ? ` · ${setup.departmentName(selected.departmentId)}` : ''}
            </h3>
            {selected.draft ? null : <p className="hint">Lô do quầy khác lập: danh sách lấy từ các hồ sơ của lô đã đồng bộ về máy này.</p>}
            <BatchList
              testId="delivery-list"
              ids={selected.dossierIds}
              rows={rows}
              showStatus
              action={(row) =>
                row.status === 'withCourier' && row.state.currentBatchId === selected.id ? (
                  <>
                    <button type="button" className="link" onClick={() => void confirmOne(row)}>
                      Xác nhận đã giao
                    </button>
                    <button type="button" className="link" onClick={() => setDisputing({ row, note: '' })}>
                      Báo thiếu
                    </button>
                  </>
                ) : null
              }
            />
            {disputing ? (
              <form noValidate className="dispute" onSubmit={(e) => (e.preventDefault(), void submitDispute())}>
                <label className={disputing.error ? 'hf-field invalid' : 'hf-field'}>
                  <span>Tình trạng hồ sơ {disputing.row.code} khi đến nơi</span>
                  <input autoFocus value={disputing.note} onChange={(e) => setDisputing({ ...disputing, note: e.target.value, error: undefined })} />
                  {disputing.error ? (
                    <span className="field-error" role="alert">
                      {disputing.error}
                    </span>
                  ) : null}
                </label>
                <button type="submit" className="primary">
                  Ghi khiếu nại <kbd>Enter</kbd>
                </button>
                <button type="button" className="link" onClick={() => setDisputing(undefined)}>
                  Thôi
                </button>
              </form>
            ) : null}
          </section>
        ) : null}
      </div>
    </div>
  );
}
