// The desk where an applicant asks to stop (withdraw) a dossier: find it by scanning the slip or
// typing its code, check who is asking, record the reason, print the notice (Mẫu 05, 2025). A
// stopped dossier's papers are handed back here once at the Center; the list below shows those
// still to finish.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useKiosk } from '../../kiosk/kiosk';
import { papersOutsideCenter, STATUS_LABELS, type DossierState } from '../../../shared/domain';
import { classifyScan, dossierCodeOfScan, looksLikeCitizenCard } from '../../../shared/codes';
import type { Procedure } from '../../../shared/catalogue';
import { useScans } from '../../scan/useScans';
import { agencyTableFor, loadCenterConfig } from '../../desk/config';
import { FieldError } from '../../ui/Field';
import { ManualScanEntry } from '../../ui/ManualScanEntry';
import { useDesk } from '../../desk/useDesk';
import { HandBackPanel } from './HandBackPanel';
import { IdentityFields } from './IdentityFields';
import { listStoppedPapers, type StoppedPapers } from './papers';
import { feeOnStop, stopAtDesk, type StopErrors, type StopForm } from './stop';
import { StoppedPapersList } from './StoppedPapersList';
import './stop.css';

const EMPTY: StopForm = { requester: 'applicant', requesterName: '', idNumber: '', authorisationSeen: false, reason: '' };

export function StopScreen() {
  const kiosk = useKiosk();
  const [dossier, setDossier] = useState<DossierState>();
  const [procedure, setProcedure] = useState<Procedure>();
  const [form, setForm] = useState<StopForm>(EMPTY);
  const [errors, setErrors] = useState<StopErrors>({});
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [stopped, setStopped] = useState<StoppedPapers>();
  const { setup, ctx } = useDesk();
  const refreshStopped = useCallback(() => void listStoppedPapers(kiosk.db).then(setStopped), [kiosk.db]);
  useEffect(refreshStopped, [refreshStopped]);

  async function find(text: string) {
    setDone(undefined);
    // The QR and the numeric CODE128 key of the slip both lead back to the dossier code.
    const agencyTable = setup?.agencyTable ?? agencyTableFor(await loadCenterConfig(kiosk.db, kiosk.credential.agencyCode), kiosk.credential.agencyCode);
    const resolved = dossierCodeOfScan(classifyScan(text), agencyTable);
    if (!resolved.ok) {
      setDossier(undefined);
      setErrors({ dossier: `${resolved.message} Quét mã trên giấy tiếp nhận hoặc gõ đủ mã.` });
      return;
    }
    const full = resolved.code;
    const row = await kiosk.db.dossiers.where('code').equals(full).first();
    if (!row) {
      setDossier(undefined);
      setErrors({ dossier: `Không có hồ sơ ${full} trên máy quầy này. Kiểm tra lại mã hoặc chờ đồng bộ.` });
      return;
    }
    const item = row.state.procedureCode
      ? await kiosk.db.catalogue
          .where('kind')
          .equals('procedure')
          .filter((c) => (c.body as Procedure).code === row.state.procedureCode)
          .first()
      : undefined;
    setProcedure(item?.body as Procedure | undefined);
    setDossier(row.state);
    setForm({ ...EMPTY, requesterName: row.state.applicant?.name ?? '' });
    setErrors({});
  }

  // A citizen's card goes to the identity fields below; every other scan names a dossier.
  useScans((scan) => (looksLikeCitizenCard(scan.code) ? 'pass' : void find(scan.code)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      if (!ctx) return;
      const outcome = await stopAtDesk(ctx, dossier, form, procedure);
      if (!outcome.ok) {
        setErrors(outcome.errors);
        return;
      }
      setErrors({});
      setDossier(outcome.state);
      const printed = outcome.prints[0]!;
      const where = outcome.papersAway ? ' Hồ sơ giấy đang ở cơ quan giải quyết: theo dõi để nhận về và trả cho người nộp.' : '';
      setDone(`Đã dừng giải quyết hồ sơ ${outcome.state.code ?? ''}.${where} ${printed.ok ? 'Đã gửi lệnh in thông báo (Mẫu 05).' : `Chưa in được: ${printed.message}`}`);
      refreshStopped();
    } finally {
      setBusy(false);
    }
  }

  const fee = dossier ? feeOnStop(procedure, dossier.feesPaid) : undefined;
  return (
    <section className="stop-screen" aria-labelledby="stop-title">
      <h2 id="stop-title">Dừng giải quyết hồ sơ theo đề nghị của người nộp</h2>
      <ManualScanEntry
        id="stop-code"
        label="Mã hồ sơ"
        hint="Quét giấy tiếp nhận, hoặc gõ mã hồ sơ hay dãy số dưới mã vạch rồi nhấn Enter."
        autoFocus
        error={errors.dossier && !dossier ? errors.dossier : undefined}
      />
      {dossier?.status === 'withdrawn' ? (
        <div className="stop-form">
          <DossierSummary dossier={dossier} />
          <HandBackPanel
            key={`${dossier.id}:${dossier.version}`}
            db={kiosk.db}
            eventMeta={kiosk.eventMeta}
            dossier={dossier}
            onDone={(state, message) => {
              setDossier(state);
              setDone(message);
              refreshStopped();
            }}
          />
        </div>
      ) : dossier ? (
        <form noValidate className="stop-form" onSubmit={(e) => void submit(e)}>
          <DossierSummary dossier={dossier} />
          {papersOutsideCenter(dossier) ? <p className="stop-away">Hồ sơ giấy đang ở cơ quan giải quyết hoặc bưu điện: sau khi dừng, hồ sơ được chuyển về Trung tâm để trả cho người nộp.</p> : null}
          {fee ? <p className={fee.known ? 'stop-fee' : 'stop-fee unknown'}>{fee.note}</p> : null}
          <FieldError id="stop-dossier" error={errors.dossier} />
          <IdentityFields idPrefix="stop" legend="Người đề nghị" nameLabel="Họ tên người đề nghị" idLabel="Số định danh trên giấy tờ xuất trình" form={form} setForm={setForm} errors={errors} />
          <label className={errors.reason ? 'field invalid' : 'field'} htmlFor="stop-reason">
            <span>Lý do đề nghị dừng giải quyết</span>
            <textarea id="stop-reason" rows={3} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
            <FieldError id="stop-reason" error={errors.reason} />
          </label>
          <button type="submit" disabled={busy}>
            Dừng giải quyết và in thông báo <kbd>Enter</kbd>
          </button>
        </form>
      ) : null}
      {done ? (
        <p className="stop-done" role="status">
          {done}
        </p>
      ) : null}
      {stopped ? <StoppedPapersList papers={stopped} departmentName={(id) => (id ? (setup?.departmentName(id) ?? id) : '—')} onOpen={(r) => void find(r.code ?? '')} /> : null}
    </section>
  );
}

function DossierSummary({ dossier }: { dossier: DossierState }) {
  return (
    <dl className="stop-dossier">
      <dt>Người nộp</dt>
      <dd>{dossier.applicant?.name}</dd>
      <dt>Thủ tục</dt>
      <dd>{dossier.procedureName}</dd>
      <dt>Trạng thái</dt>
      <dd data-testid="stop-status">{STATUS_LABELS[dossier.status]}</dd>
    </dl>
  );
}
