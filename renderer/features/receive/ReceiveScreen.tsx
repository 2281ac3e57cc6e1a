// Tiếp nhận: the receiving counter's flow in five steps (procedure, applicant, documents, fee,
// accept), usable with the keyboard alone. The form is a draft in the database until it becomes a
// recorded fact; what is recorded is printed afterwards and never lost to a printer problem.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useKiosk } from '../../kiosk/kiosk';
import { acceptDossier } from './accept';
import { AcceptedView, type Done } from './AcceptedView';
import { ApplicantStep } from './ApplicantStep';
import { appointmentFor } from './appointment';
import { ConfirmStep } from './ConfirmStep';
import { DocumentsStep } from './DocumentsStep';
import { clearDraft, loadDraft, saveDraft } from './drafts';
import { FeeStep } from './FeeStep';
import { collectionOf, decideFee, emptyForm, validateApplicant, withProcedure, type FieldErrors, type ReceiveForm } from './form';
import { issueRefusal, issueSupplementRequest } from './letters';
import { LettersPanel, type LetterKind } from './LettersPanel';
import { ProcedureDetails } from './ProcedureDetails';
import { ProcedurePicker } from './ProcedurePicker';
import { useDesk } from '../../desk/useDesk';
import './receive.css';

const STEPS = ['Thủ tục', 'Người nộp', 'Giấy tờ', 'Phí, nhận kết quả', 'Tiếp nhận'] as const;
const FIELD_STEP: Record<string, number> = { procedure: 0, name: 1, idNumber: 1, taxCode: 1, representative: 1, phone: 1, email: 1, address: 1, documents: 2, sets: 2, feeAmount: 3, feeReason: 3, onlineReceipt: 3, collectionAddress: 3 };

export function ReceiveScreen() {
  const { db } = useKiosk();
  const { setup, ctx, remaining, refreshLeases } = useDesk({ leases: 'dossier', refreshCatalogue: true });
  const [form, setForm] = useState<ReceiveForm>(emptyForm);
  const [step, setStep] = useState(0);
  const [restored, setRestored] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string>();
  const [letter, setLetter] = useState<LetterKind>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done>();
  const busyRef = useRef(false);

  useEffect(() => {
    void loadDraft(db).then((draft) => {
      if (draft) {
        setForm(draft.form);
        setStep(Math.min(STEPS.length - 1, Math.max(0, draft.step)));
      }
      setRestored(true);
    });
  }, [db]);
  useEffect(() => {
    if (!restored || done) return;
    const timer = setTimeout(() => void saveDraft(db, { form, step }), 200);
    return () => clearTimeout(timer);
  }, [db, form, step, restored, done]);
  useEffect(() => {
    if (setup?.config.contactPhone && form.supplement.contactPhone === '') setForm((f) => ({ ...f, supplement: { ...f.supplement, contactPhone: setup!.config.contactPhone } }));
  }, [setup, form.supplement.contactPhone]);

  // The officer lands on the first field that needs fixing.
  useEffect(() => {
    if (Object.keys(errors).length > 0) document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors, step]);

  const procedure = setup?.catalogue.procedures.find((p) => p.code === form.procedureCode);

  const fee = procedure ? decideFee(form, procedure) : undefined;
  const appointment = procedure && setup && step === 4 ? appointmentFor(new Date(), procedure, setup.catalogue.calendar) : undefined;

  const showErrors = useCallback((message: string, errs: FieldErrors, jump: boolean) => {
    setErrors(errs);
    setProblem(message);
    const first = Object.keys(errs).map((k) => FIELD_STEP[k]).find((s) => s !== undefined);
    if (jump && first !== undefined) setStep(first);
  }, []);

  const next = () => {
    let errs: FieldErrors = {};
    if (step === 1) errs = validateApplicant(form.applicant, new Date().getFullYear());
    if (step === 3 && procedure) {
      const f = decideFee(form, procedure);
      const c = collectionOf(form);
      errs = { ...(f.ok ? {} : f.errors), ...(c.ok ? {} : c.errors) };
    }
    setErrors(errs);
    setProblem(undefined);
    if (Object.keys(errs).length === 0) setStep((s) => Math.min(STEPS.length - 1, s + 1));
  };

  const finish = async (d: Done) => {
    await clearDraft(db);
    setDone(d);
    void refreshLeases();
  };

  const accept = async () => {
    if (!ctx || busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    try {
      const out = await acceptDossier(ctx, form, procedure);
      if (!out.ok) return showErrors(out.message, out.errors, true);
      const receipt = out.receipt ? `${out.receipt.formSymbol}/${out.receipt.series} số ${String(out.receipt.number).padStart(8, '0')}` : undefined;
      await finish({
        kind: 'accepted',
        dossierId: out.dossierId,
        code: out.code,
        barcodeKey: out.barcodeKey,
        dueAt: out.dueAt,
        receipt,
        warnings: out.warnings,
        prints: out.prints,
        documents: form.documents.filter((d) => d.received).map((d) => d.name),
      });
    } catch (error) {
      setProblem(`Chưa lưu được hồ sơ: ${(error as Error).message}. Thông tin đã nhập vẫn được giữ; hãy thử lại.`);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const issueLetter = async () => {
    if (!ctx || !letter || busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    try {
      const out = letter === 'supplement' ? await issueSupplementRequest(ctx, form, procedure) : await issueRefusal(ctx, form, procedure);
      if (!out.ok) return showErrors(out.message, out.errors, Object.keys(out.errors).some((k) => FIELD_STEP[k] === 1));
      setLetter(undefined);
      await finish({ kind: letter, reference: out.reference, applicantName: form.applicant.name, prints: out.prints });
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const startOver = () => {
    setForm((f) => ({ ...emptyForm(), supplement: { ...emptyForm().supplement, contactPhone: f.supplement.contactPhone } }));
    setStep(0);
    setErrors({});
    setProblem(undefined);
    setDone(undefined);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (done || letter) return;
      if (e.altKey && /^[1-5]$/.test(e.key)) {
        e.preventDefault();
        setStep(Number(e.key) - 1);
      } else if (e.ctrlKey && e.key === 'Enter') {
        e.preventDefault();
        void accept();
      } else if (e.altKey && (e.key === 'b' || e.key === 't') && procedure) {
        e.preventDefault();
        setLetter(e.key === 'b' ? 'supplement' : 'refusal');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!setup || !restored) return <p>Đang tải danh mục thủ tục…</p>;
  if (done) return <AcceptedView done={done} onNext={startOver} />;
  if (setup.catalogue.procedures.length === 0) return <p className="banner warn">Quầy chưa có danh mục thủ tục. Hãy kết nối máy chủ để tải danh mục rồi mở lại mục Tiếp nhận.</p>;

  return (
    <div className="receive">
      <ol className="stepper" aria-label="Các bước tiếp nhận">
        {STEPS.map((label, i) => (
          <li key={label}>
            <button type="button" className={i === step ? 'active' : ''} aria-current={i === step ? 'step' : undefined} disabled={i > 0 && !procedure} onClick={() => setStep(i)}>
              {i + 1}. {label} <kbd>Alt+{i + 1}</kbd>
            </button>
          </li>
        ))}
      </ol>
      {procedure && step > 0 ? (
        <p className="current-procedure">
          {procedure.name} · {procedure.departmentName}
        </p>
      ) : null}
      {letter ? (
        <LettersPanel kind={letter} form={form} errors={errors} busy={busy} onChange={setForm} onIssue={() => void issueLetter()} onCancel={() => setLetter(undefined)} />
      ) : step === 0 || !procedure ? (
        <div className="step-body procedure-step">
          <ProcedurePicker
            index={setup.catalogue.index}
            all={setup.catalogue.procedures}
            autoFocus
            error={errors.procedure}
            onPick={(p) => {
              setForm((f) => (f.procedureCode === p.code ? f : withProcedure(f, p)));
              setErrors({});
              setStep(1);
            }}
          />
          {procedure ? <ProcedureDetails procedure={procedure} departments={setup.catalogue.departments} /> : null}
        </div>
      ) : step === 4 ? (
        <ConfirmStep form={form} procedure={procedure} appointment={appointment} fee={fee?.ok ? fee.value : undefined} remaining={remaining} busy={busy || !ctx} problem={problem} onAccept={() => void accept()} />
      ) : (
        <form
          className="step-form"
          aria-label={STEPS[step]}
          onSubmit={(e) => {
            e.preventDefault();
            next();
          }}
        >
          {step === 1 ? <ApplicantStep value={form.applicant} errors={errors} onChange={(applicant) => setForm({ ...form, applicant })} /> : null}
          {step === 2 ? <DocumentsStep documents={form.documents} sets={form.sets} errors={errors} onChange={(documents) => setForm({ ...form, documents })} onSets={(sets) => setForm({ ...form, sets })} /> : null}
          {step === 3 ? <FeeStep form={form} procedure={procedure} errors={errors} onChange={setForm} /> : null}
          {problem ? (
            <p className="banner error" role="alert">
              {problem}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="primary">
              Tiếp tục <kbd>Enter</kbd>
            </button>
            {step === 2 ? (
              <>
                <button type="button" className="secondary" onClick={() => setLetter('supplement')}>
                  Yêu cầu bổ sung (Mẫu 02) <kbd>Alt+B</kbd>
                </button>
                <button type="button" className="secondary" onClick={() => setLetter('refusal')}>
                  Từ chối (Mẫu 03) <kbd>Alt+T</kbd>
                </button>
              </>
            ) : null}
          </div>
        </form>
      )}
    </div>
  );
}
