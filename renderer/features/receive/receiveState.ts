// What the receiving screen shows, as one pure reducer: the form, the step, the errors, the letter
// being written, whether a record is on its way, and the outcome. The screen dispatches; the
// recording, printing and draft saving stay with the screen. A tiny store makes the reducer's
// answer synchronous, so a second Ctrl+Enter while the first accept runs is refused at once.
import type { Procedure } from '../../../shared/catalogue';
import type { PrintNote } from '../../desk/context';
import { collectionOf, decideFee, documentsProblem, emptyForm, routeChoiceErrors, validateApplicant, withProcedure, type FieldErrors, type ReceiveForm } from './form';

export const STEPS = ['Thủ tục', 'Người nộp', 'Giấy tờ', 'Phí, nhận kết quả', 'Tiếp nhận'] as const;
export const STEP = { procedure: 0, applicant: 1, documents: 2, fee: 3, confirm: 4 } as const;
const LAST_STEP = STEPS.length - 1;

/** The step where each form field is typed, so an error sends the officer to it. */
export const FIELD_STEP: Partial<Record<string, number>> = {
  procedure: STEP.procedure,
  name: STEP.applicant,
  idNumber: STEP.applicant,
  taxCode: STEP.applicant,
  representative: STEP.applicant,
  phone: STEP.applicant,
  email: STEP.applicant,
  address: STEP.applicant,
  documents: STEP.documents,
  sets: STEP.documents,
  deadlineDate: STEP.confirm,
  deadlineReason: STEP.confirm,
  feeAmount: STEP.fee,
  feeReason: STEP.fee,
  onlineReceipt: STEP.fee,
  transferReceived: STEP.fee,
  collectionAddress: STEP.fee,
  routeReturn: STEP.fee,
};

// What each field's error is about: once that changes, the error is the last input's and goes.
const ERROR_INPUTS: Partial<Record<string, (f: ReceiveForm) => unknown>> = {
  name: (f) => f.applicant.name,
  idNumber: (f) => f.applicant.idNumber,
  taxCode: (f) => f.applicant.taxCode,
  representative: (f) => f.applicant.representative,
  phone: (f) => f.applicant.phone,
  email: (f) => f.applicant.email,
  address: (f) => f.applicant.address,
  documents: (f) => [f.documents, f.noPapersConfirmed],
  deadlineDate: (f) => f.deadline,
  deadlineReason: (f) => f.deadline,
  sets: (f) => f.sets,
  feeAmount: (f) => f.fee.amount,
  feeReason: (f) => [f.fee.amount, f.fee.reason],
  onlineReceipt: (f) => [f.fee.method, f.fee.onlineReceipt],
  transferReceived: (f) => [f.fee.method, f.fee.transferReceived],
  collectionAddress: (f) => [f.collection.method, f.collection.address],
  routeReturn: (f) => f.route?.returnCenter,
};

/** The errors still about what the form holds: an error whose input the officer changed is dropped. */
export function errorsStillStanding(errors: FieldErrors, before: ReceiveForm, after: ReceiveForm): FieldErrors {
  const changed = (field: string) => {
    const input = ERROR_INPUTS[field];
    return input !== undefined && JSON.stringify(input(before)) !== JSON.stringify(input(after));
  };
  const kept = Object.entries(errors).filter(([field]) => !changed(field));
  return kept.length === Object.keys(errors).length ? errors : Object.fromEntries(kept);
}

export type LetterKind = 'supplement' | 'refusal';

export type Done =
  | {
      kind: 'accepted';
      dossierId: string;
      code: string;
      /** The numeric key printed under the slip's barcode, when the slip has one. */
      barcodeKey?: string;
      dueAt: string;
      receipt?: string;
      warnings: string[];
      prints: PrintNote[];
      documents: string[];
      /** Received across boundaries: the center the result is collected at, and whether the date is only expected (by post), as the slip says. */
      across?: { collectAt: string; expected: boolean };
    }
  | { kind: LetterKind; reference: string; applicantName: string; prints: PrintNote[] };

export interface ReceiveState {
  form: ReceiveForm;
  step: number;
  /** The saved draft has been read; until then nothing is saved over it. */
  restored: boolean;
  errors: FieldErrors;
  /** The form-wide message (Vietnamese) above the step's buttons. */
  problem?: string;
  /** The supplement request or refusal being written, shown instead of the step. */
  letter?: LetterKind;
  /** A dossier or letter is being recorded. */
  busy: boolean;
  done?: Done;
}

export type ReceiveAction =
  | { type: 'restored'; draft?: { form: ReceiveForm; step: number } }
  | { type: 'edited'; form: ReceiveForm }
  | { type: 'procedurePicked'; procedure: Procedure }
  /** A supplement request's reception goes on: its form, at the documents step where the papers asked for are marked. */
  | { type: 'resumed'; form: ReceiveForm }
  /** The Center's contact phone, for the supplement letter when the officer has not typed one. */
  | { type: 'contactPhoneKnown'; phone: string }
  | { type: 'stepTo'; step: number }
  /** Continue, with the errors of the step being left (stepErrors). */
  | { type: 'next'; errors: FieldErrors }
  | { type: 'showErrors'; message: string; errors: FieldErrors }
  | { type: 'letterOpened'; kind: LetterKind }
  | { type: 'letterClosed' }
  | { type: 'submitting' }
  /** Recording threw: nothing is lost, the officer may try again. */
  | { type: 'failed'; message: string }
  | { type: 'accepted'; done: Extract<Done, { kind: 'accepted' }> }
  | { type: 'letterIssued'; done: Extract<Done, { kind: LetterKind }> }
  | { type: 'reset' };

export function initialReceiveState(): ReceiveState {
  return { form: emptyForm(), step: STEP.procedure, restored: false, errors: {}, busy: false };
}

const clampStep = (step: number) => (Number.isFinite(step) ? Math.min(LAST_STEP, Math.max(0, Math.trunc(step))) : 0);

/** The first step holding a field in `errors`, if any. */
export function firstStepWithError(errors: FieldErrors): number | undefined {
  const steps = Object.keys(errors).flatMap((field) => (FIELD_STEP[field] === undefined ? [] : [FIELD_STEP[field]]));
  return steps.length > 0 ? Math.min(...steps) : undefined;
}

/** What stops the officer leaving `step` with Continue (`across`: the procedure is received across boundaries here); the rest is checked when accepting. */
export function stepErrors(form: ReceiveForm, step: number, procedure: Procedure | undefined, year: number, across = false): FieldErrors {
  if (step === STEP.applicant) return validateApplicant(form.applicant, year);
  if (step === STEP.documents) return documentsProblem(form)?.errors ?? {};
  if (step === STEP.fee && procedure) {
    const fee = decideFee(form, procedure);
    const collection = collectionOf(form);
    return { ...(fee.ok ? {} : fee.errors), ...(collection.ok ? {} : collection.errors), ...routeChoiceErrors(form, across) };
  }
  return {};
}

/** Returns `state` itself when the action changes nothing, which the store reports as refused. */
export function receiveReducer(state: ReceiveState, action: ReceiveAction): ReceiveState {
  switch (action.type) {
    case 'restored':
      // Read once: React runs the loading effect twice in development and typing may have begun.
      if (state.restored) return state;
      return action.draft ? { ...state, restored: true, form: action.draft.form, step: clampStep(action.draft.step) } : { ...state, restored: true };
    case 'edited': {
      const errors = errorsStillStanding(state.errors, state.form, action.form);
      // The step's message is about the errors it lists: when one of them goes, so does the message.
      return errors === state.errors ? { ...state, form: action.form } : { ...state, form: action.form, errors, problem: undefined };
    }
    case 'procedurePicked': {
      const form = state.form.procedureCode === action.procedure.code ? state.form : withProcedure(state.form, action.procedure);
      return { ...state, form, step: STEP.applicant, errors: {}, problem: undefined };
    }
    case 'resumed':
      return {
        ...state,
        form: { ...action.form, supplement: { ...action.form.supplement, contactPhone: state.form.supplement.contactPhone } },
        step: STEP.documents,
        errors: {},
        problem: undefined,
        letter: undefined,
      };
    case 'contactPhoneKnown':
      if (state.form.supplement.contactPhone !== '' || action.phone === '') return state;
      return { ...state, form: { ...state.form, supplement: { ...state.form.supplement, contactPhone: action.phone } } };
    case 'stepTo':
      return { ...state, step: clampStep(action.step) };
    case 'next': {
      const ok = Object.keys(action.errors).length === 0;
      return { ...state, errors: action.errors, problem: undefined, step: ok ? clampStep(state.step + 1) : state.step };
    }
    case 'showErrors': {
      const step = firstStepWithError(action.errors);
      // A letter refused only for fields of the steps (the applicant) closes, so the marked fields show.
      const onlySteps = step !== undefined && Object.keys(action.errors).every((field) => FIELD_STEP[field] !== undefined);
      return { ...state, busy: false, errors: action.errors, problem: action.message, step: step ?? state.step, letter: onlySteps ? undefined : state.letter };
    }
    case 'letterOpened':
      if (state.done || state.letter) return state;
      return { ...state, letter: action.kind };
    case 'letterClosed':
      return { ...state, letter: undefined };
    case 'submitting':
      if (state.busy || state.done) return state;
      return { ...state, busy: true };
    case 'failed':
      return { ...state, busy: false, problem: action.message };
    case 'accepted':
    case 'letterIssued':
      return { ...state, busy: false, letter: undefined, errors: {}, problem: undefined, done: action.done };
    case 'reset': {
      // The officer's contact phone carries over to the next citizen's letters.
      const form = emptyForm();
      return { ...initialReceiveState(), restored: true, form: { ...form, supplement: { ...form.supplement, contactPhone: state.form.supplement.contactPhone } } };
    }
  }
}

export interface ReceiveStore {
  get(): ReceiveState;
  /** Applies `action`; false when the reducer refused it (nothing changed). */
  dispatch(action: ReceiveAction): boolean;
  subscribe(listener: () => void): () => void;
}

export function createReceiveStore(initial: ReceiveState = initialReceiveState()): ReceiveStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    dispatch(action) {
      const next = receiveReducer(state, action);
      if (next === state) return false;
      state = next;
      for (const listener of listeners) listener();
      return true;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
