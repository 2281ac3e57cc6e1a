// Tiếp nhận: the receiving counter's flow in five steps (procedure, applicant, documents, fee,
// accept), usable with the keyboard alone. The form is a draft in the database until it becomes a
// recorded fact; what is recorded is printed afterwards and never lost to a printer problem.
import { centerLabel } from '../../../shared/domain';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useKiosk } from '../../kiosk/kiosk';
import { useScans } from '../../scan/useScans';
import { FieldError } from '../../ui/Field';
import { useShortcut } from '../../ui/useShortcut';
import { acceptDossier, receptionAppointment, reserveDossierNumber, reservedDossierCode, routeOf } from './accept';
import { AcceptedView } from './AcceptedView';
import { ApplicantStep } from './ApplicantStep';
import { readCardScan, type CardReading } from './citizenCard';
import { ConfirmStep } from './ConfirmStep';
import { DocumentsStep } from './DocumentsStep';
import { CLEAR_RECEIVE_DRAFT, loadDraft, saveDraft } from './drafts';
import { FeeStep } from './FeeStep';
import { decideFee, noProcessingTimeNotice } from './form';
import { issueRefusal, issueSupplementRequest } from './letters';
import { LettersPanel } from './LettersPanel';
import { ProcedureDetails } from './ProcedureDetails';
import { ProcedurePicker } from './ProcedurePicker';
import { createReceiveStore, STEP, stepErrors, STEPS, type Done } from './receiveState';
import { resumeSupplementRequest } from './resume';
import { ResumeBox } from './ResumeBox';
import { DiscardDraft } from './DiscardDraft';
import { parseSupplementReference } from './letters';
import { useDesk } from '../../desk/useDesk';
import { receivedAcrossBoundaries } from '../../desk/catalogue';
import { receiptLabel } from '../../../shared/codes';
import { vnDateKey } from '../../../shared/calendar';
import { transferAccountOf } from '../../desk/config';
import './receive.css';

const STEP_KEYS = STEPS.map((_, i) => `Alt+${i + 1}`);

/** The applicant step's fields in the order the officer fills them; email is optional and comes last. */
const APPLICANT_FIELDS = ['applicant-id', 'applicant-tax', 'applicant-name', 'applicant-rep', 'applicant-phone', 'applicant-address'];
export function ReceiveScreen() {
  const { db, officer } = useKiosk();
  const { setup, ctx, remaining, refreshLeases } = useDesk({ leases: 'dossier', refreshCatalogue: true });
  const [store] = useState(createReceiveStore);
  const state = useSyncExternalStore(store.subscribe, store.get);
  const { dispatch } = store;
  const { form, step, restored, errors, problem, letter, busy, done } = state;

  useEffect(() => {
    void loadDraft(db).then((draft) => dispatch({ type: 'restored', draft }));
  }, [db, dispatch]);
  useEffect(() => {
    // Every change is saved at once (one small put, not awaited, so typing never waits): a reload
    // mid-word keeps what was typed. Nothing is saved while a command records the form: the
    // command removes the draft itself.
    if (!restored || done || busy) return;
    void saveDraft(db, { form, step });
  }, [db, form, step, restored, done, busy]);
  const contactPhone = setup?.config.contactPhone;
  useEffect(() => {
    if (contactPhone && form.supplement.contactPhone === '') dispatch({ type: 'contactPhoneKnown', phone: contactPhone });
  }, [contactPhone, form.supplement.contactPhone, dispatch]);

  // The citizen's card, scanned at any step, fills the applicant; every other scan goes on to the shell.
  const [cardReading, setCardReading] = useState<CardReading>();
  const [resumeProblem, setResumeProblem] = useState<string>();
  const resume = async (text: string) => {
    if (!setup) return;
    // Never over a reception being typed: the officer finishes or discards it first.
    if (store.get().form.procedureCode !== undefined) {
      setResumeProblem(`Đang nhập dở một hồ sơ khác: hãy tiếp nhận hoặc bấm “Bỏ hồ sơ đang nhập”, rồi quét lại phiếu ${text.trim().toUpperCase()}.`);
      return;
    }
    const out = await resumeSupplementRequest(db, text, setup.catalogue.procedures);
    setResumeProblem(out.ok ? undefined : out.message);
    if (out.ok) dispatch({ type: 'resumed', form: out.form });
  };
  useScans(
    (scan) => {
      const current = store.get().form;
      // The supplement request's slip, scanned when the citizen comes back with the papers.
      if (scan.classification.kind === 'unknown' && parseSupplementReference(scan.classification.text)) {
        void resume(scan.classification.text);
        return;
      }
      const reading = readCardScan(current.applicant, scan.classification);
      if (!reading) return 'pass';
      if (reading.ok) dispatch({ type: 'edited', form: { ...current, applicant: reading.applicant } });
      setCardReading(reading);
      if (reading.ok) setCardsRead((n) => n + 1);
    },
    { enabled: restored && !done },
  );

  // A card read at the applicant step leaves the phone (never on the card) to type: the officer lands
  // on the first field the card did not fill, not back in the ID field the scan was typed over.
  const [cardsRead, setCardsRead] = useState(0);
  useEffect(() => {
    if (cardsRead === 0 || store.get().step !== STEP.applicant) return;
    const empty = APPLICANT_FIELDS.map((id) => document.getElementById(id)).find((el): el is HTMLInputElement => el instanceof HTMLInputElement && el.value.trim() === '');
    empty?.focus();
  }, [cardsRead, store]);

  // The officer lands on the first field that needs fixing.
  useEffect(() => {
    if (Object.keys(errors).length > 0) document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors, step]);

  // A VietQR at the fee step carries the dossier code: its number is taken when the QR is first shown.
  const [reserveProblem, setReserveProblem] = useState<string>();
  const wantsReservation = ctx !== undefined && step === STEP.fee && form.fee.method === 'transfer' && transferAccountOf(ctx.config).ok && form.reserved?.dateKey !== vnDateKey(new Date());
  // One reservation at a time: a second call while the first is in flight would take a second number.
  const reserving = useRef(false);
  useEffect(() => {
    if (!wantsReservation || !ctx || reserving.current) return;
    reserving.current = true;
    void reserveDossierNumber(ctx, store.get().form)
      .then((out) => {
        setReserveProblem(out.ok ? undefined : out.message);
        // The number goes to the form on screen now; acceptance or the next reception uses it, never lost to a re-render.
        if (out.ok && store.get().form.reserved?.dateKey !== out.reserved.dateKey) dispatch({ type: 'edited', form: { ...store.get().form, reserved: out.reserved } });
      })
      .finally(() => {
        reserving.current = false;
      });
  }, [wantsReservation, ctx, store, dispatch]);
  const transferReference = ctx && form.reserved ? reservedDossierCode(ctx, form.reserved) : undefined;

  const procedure = setup?.catalogue.procedures.find((p) => p.code === form.procedureCode);
  const fee = procedure ? decideFee(form, procedure) : undefined;
  const appointment = procedure && setup && ctx && step === STEP.confirm ? receptionAppointment(ctx, form, procedure, new Date()) : undefined;
  const across = procedure && ctx && receivedAcrossBoundaries(setup?.catalogue ?? {}, procedure.code) ? { centers: [...setup!.catalogue.centers.values()], own: ctx.counter.agencyCode } : undefined;
  const noTimeNotice = procedure ? noProcessingTimeNotice(procedure) : undefined;
  const supervisor = officer.roles.includes('supervisor');

  const finish = (outcome: Done) => {
    dispatch(outcome.kind === 'accepted' ? { type: 'accepted', done: outcome } : { type: 'letterIssued', done: outcome });
    void refreshLeases();
  };

  const accept = async () => {
    if (!ctx || !dispatch({ type: 'submitting' })) return;
    try {
      const out = await acceptDossier(ctx, form, procedure, [CLEAR_RECEIVE_DRAFT], { supervisor });
      if (!out.ok) {
        dispatch({ type: 'showErrors', message: out.message, errors: out.errors });
        return;
      }
      const receipt = out.receipt ? receiptLabel(out.receipt) : undefined;
      finish({
        kind: 'accepted',
        dossierId: out.dossierId,
        code: out.code,
        // The key the slip printed under its barcode; a slip for another center's desk (or a sheet) prints none.
        barcodeKey: out.slip.blocks.some((b) => b.type === 'barcode' && b.value === out.barcodeKey) ? out.barcodeKey : undefined,
        dueAt: out.dueAt,
        receipt,
        warnings: out.warnings,
        prints: out.prints,
        documents: form.documents.filter((d) => d.received).map((d) => d.name),
        ...(out.route ? { across: { collectAt: centerLabel(out.route.returnCenter, setup?.catalogue.centers.get(out.route.returnCenter)?.name), expected: out.route.transfer === 'courier' } } : {}),
      });
    } catch (error) {
      dispatch({ type: 'failed', message: `Chưa lưu được hồ sơ: ${(error as Error).message}. Thông tin đã nhập vẫn được giữ; hãy thử lại.` });
    }
  };

  const issueLetter = async () => {
    if (!ctx || !letter || !dispatch({ type: 'submitting' })) return;
    try {
      const out = letter === 'supplement' ? await issueSupplementRequest(ctx, form, procedure, [CLEAR_RECEIVE_DRAFT]) : await issueRefusal(ctx, form, procedure, [CLEAR_RECEIVE_DRAFT]);
      if (!out.ok) {
        dispatch({ type: 'showErrors', message: out.message, errors: out.errors });
        return;
      }
      finish({ kind: letter, reference: out.reference, applicantName: form.applicant.name, prints: out.prints });
    } catch (error) {
      dispatch({ type: 'failed', message: `Chưa lập được phiếu: ${(error as Error).message}. Thông tin đã nhập vẫn được giữ; hãy thử lại.` });
    }
  };

  const onSteps = !done && !letter;
  useShortcut(STEP_KEYS, (key) => dispatch({ type: 'stepTo', step: STEP_KEYS.indexOf(key) }), { enabled: onSteps });
  useShortcut('Ctrl+Enter', () => void accept(), { enabled: onSteps });
  useShortcut(['Alt+B', 'Alt+T'], (key) => dispatch({ type: 'letterOpened', kind: key === 'Alt+B' ? 'supplement' : 'refusal' }), { enabled: onSteps && procedure !== undefined });

  if (!setup || !restored) return <p>Đang tải danh mục thủ tục…</p>;
  if (done) return <AcceptedView done={done} onNext={() => dispatch({ type: 'reset' })} />;
  if (setup.catalogue.procedures.length === 0) return <p className="banner warn">Quầy chưa có danh mục thủ tục. Hãy kết nối máy chủ để tải danh mục rồi mở lại mục Tiếp nhận.</p>;

  const edit = (patch: Partial<typeof form>) => dispatch({ type: 'edited', form: { ...form, ...patch } });
  return (
    <div className="receive">
      <ol className="stepper" aria-label="Các bước tiếp nhận">
        {STEPS.map((label, i) => (
          <li key={label}>
            <button
              type="button"
              className={i === step ? 'active' : ''}
              aria-current={i === step ? 'step' : undefined}
              disabled={i > 0 && !procedure}
              onClick={() => dispatch({ type: 'stepTo', step: i })}
            >
              {i + 1}. {label} <kbd>Alt+{i + 1}</kbd>
            </button>
          </li>
        ))}
        {procedure ? (
          <li className="discard">
            <DiscardDraft
              onDiscard={() => {
                setResumeProblem(undefined);
                dispatch({ type: 'reset' });
              }}
            />
          </li>
        ) : null}
      </ol>
      {procedure && step > STEP.procedure ? (
        <p className="current-procedure">
          {procedure.name} · {procedure.departmentName}
        </p>
      ) : null}
      {procedure && noTimeNotice && step > STEP.procedure && step < STEP.confirm ? (
        <p className="banner warn" role="status" data-testid="no-processing-time">
          {noTimeNotice}
        </p>
      ) : null}
      {resumeProblem && step !== STEP.procedure ? (
        <p className="banner error" role="alert" data-testid="resume-problem">
          {resumeProblem}
        </p>
      ) : null}
      {form.resumes ? (
        <p className="banner ok" role="status" data-testid="resumed">
          Tiếp nhận hồ sơ đã yêu cầu bổ sung theo phiếu {form.resumes.reference}: những giấy tờ được yêu cầu bổ sung được tô vàng. Hãy nhận đủ rồi tiếp nhận như thường lệ.
        </p>
      ) : null}
      {cardReading ? (
        <p className={cardReading.ok ? 'banner ok' : 'banner error'} role={cardReading.ok ? 'status' : 'alert'} data-testid="card-reading">
          {cardReading.message}
        </p>
      ) : null}
      {letter ? (
        <LettersPanel
          kind={letter}
          form={form}
          errors={errors}
          problem={problem}
          busy={busy}
          onChange={(f) => dispatch({ type: 'edited', form: f })}
          onIssue={() => void issueLetter()}
          onCancel={() => dispatch({ type: 'letterClosed' })}
        />
      ) : step === STEP.procedure || !procedure ? (
        <div className="step-body procedure-step">
          <ProcedurePicker index={setup.catalogue.index} all={setup.catalogue.procedures} autoFocus error={errors.procedure} onPick={(p) => dispatch({ type: 'procedurePicked', procedure: p })} />
          <div className="procedure-column">
            <ResumeBox problem={resumeProblem} onResume={(text) => void resume(text)} onEdit={() => setResumeProblem(undefined)} />
            {procedure ? <ProcedureDetails procedure={procedure} departments={setup.catalogue.departments} /> : null}
          </div>
        </div>
      ) : step === STEP.confirm ? (
        <ConfirmStep
          form={form}
          procedure={procedure}
          appointment={appointment}
          route={procedure && ctx ? routeOf(ctx, form, procedure) : undefined}
          centerName={(code) => setup.catalogue.centers.get(code)?.name ?? code}
          entersDeadline={noTimeNotice !== undefined}
          supervisor={supervisor}
          errors={errors}
          onChange={(f) => dispatch({ type: 'edited', form: f })}
          fee={fee?.ok ? fee.value : undefined}
          remaining={remaining}
          busy={busy || !ctx}
          problem={problem}
          onAccept={() => void accept()}
        />
      ) : (
        <form
          noValidate
          className="step-form"
          aria-label={STEPS[step]}
          onSubmit={(e) => {
            e.preventDefault();
            dispatch({ type: 'next', errors: stepErrors(form, step, procedure, new Date().getFullYear(), across !== undefined) });
          }}
        >
          {step === STEP.applicant ? <ApplicantStep value={form.applicant} errors={errors} onChange={(applicant) => edit({ applicant })} /> : null}
          {step === STEP.documents ? <DocumentsStep form={form} onChange={(f) => dispatch({ type: 'edited', form: f })} /> : null}
          {step === STEP.fee ? (
            <FeeStep
              form={form}
              procedure={procedure}
              errors={errors}
              onChange={(f) => dispatch({ type: 'edited', form: f })}
              config={ctx?.config}
              transferReference={transferReference}
              across={across}
            />
          ) : null}
          {step === STEP.fee && reserveProblem ? (
            <p className="banner error" role="alert">
              {reserveProblem}
            </p>
          ) : null}
          {/* What stops the step and its buttons stay in sight together, however long the step. */}
          <div className="step-footer">
            {problem ? (
              <p className="banner error" role="alert">
                {problem}
              </p>
            ) : null}
            {step === STEP.documents ? <FieldError id="documents" error={errors.documents} /> : null}
            <div className="actions">
              <button type="submit" className="primary">
                Tiếp tục <kbd>Enter</kbd>
              </button>
              {step === STEP.documents ? (
                <>
                  <button type="button" className="secondary" onClick={() => dispatch({ type: 'letterOpened', kind: 'supplement' })}>
                    Yêu cầu bổ sung (Mẫu 02) <kbd>Alt+B</kbd>
                  </button>
                  <button type="button" className="secondary" onClick={() => dispatch({ type: 'letterOpened', kind: 'refusal' })}>
                    Từ chối (Mẫu 03) <kbd>Alt+T</kbd>
                  </button>
                </>
              ) : null}
            </div>
          </div>
        </form>
      )}
    </div>
  );
}
