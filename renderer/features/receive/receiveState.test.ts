import { describe, expect, it } from 'vitest';
import { completeForm, FREE_PROCEDURE, LICENCE_PROCEDURE } from '../../testing/receive';
import { emptyForm } from './form';
import { createReceiveStore, initialReceiveState, receiveReducer, STEP, stepErrors, type Done, type ReceiveAction, type ReceiveState } from './receiveState';

const run = (actions: ReceiveAction[], state: ReceiveState = initialReceiveState()) => actions.reduce(receiveReducer, state);
const picked = () => run([{ type: 'restored' }, { type: 'procedurePicked', procedure: LICENCE_PROCEDURE }]);
const ACCEPTED: Extract<Done, { kind: 'accepted' }> = {
  kind: 'accepted',
  dossierId: 'd1',
  code: '000.00.15.H41-260312-0101',
  barcodeKey: '1',
  dueAt: '2026-03-19T02:15:00.000Z',
  warnings: [],
  prints: [],
  documents: [],
};

describe('receiveReducer: restoring and editing', () => {
  it('takes the saved draft once, with its step kept within the five steps', () => {
    const draft = { form: completeForm(), step: 9 };
    const restored = run([{ type: 'restored', draft }]);
    expect(restored).toMatchObject({ restored: true, step: STEP.confirm, form: draft.form });
    // React runs the loading effect twice in development: the second read must not undo typing.
    const typed = receiveReducer(restored, { type: 'edited', form: { ...draft.form, sets: 2 } });
    expect(receiveReducer(typed, { type: 'restored', draft })).toBe(typed);
  });

  it('picking a procedure fills its checklist and goes to the applicant; picking it again keeps what was typed', () => {
    const state = picked();
    expect(state.step).toBe(STEP.applicant);
    expect(state.form.documents.map((d) => d.name)).toEqual(LICENCE_PROCEDURE.documents.map((d) => d.name));
    const typed = run(
      [
        { type: 'edited', form: { ...state.form, applicant: { ...state.form.applicant, name: 'Nguyễn Văn An' } } },
        { type: 'stepTo', step: STEP.procedure },
      ],
      state,
    );
    const again = receiveReducer(typed, { type: 'procedurePicked', procedure: LICENCE_PROCEDURE });
    expect(again.form).toBe(typed.form);
    expect(receiveReducer(typed, { type: 'procedurePicked', procedure: FREE_PROCEDURE }).form.procedureCode).toBe(FREE_PROCEDURE.code);
  });

  it('fills the contact phone only while the officer has not typed one', () => {
    const filled = run([{ type: 'contactPhoneKnown', phone: '0238 3840 000' }]);
    expect(filled.form.supplement.contactPhone).toBe('0238 3840 000');
    expect(receiveReducer(filled, { type: 'contactPhoneKnown', phone: '0999' })).toBe(filled);
  });

  it('an error goes as soon as the officer changes what it was about; the others stay', () => {
    const state = picked();
    const shown = receiveReducer(state, { type: 'next', errors: { feeAmount: 'Số tiền không hợp lệ.', phone: 'Số điện thoại chưa đúng.' } });
    const fixed = receiveReducer(shown, { type: 'edited', form: { ...shown.form, fee: { ...shown.form.fee, amount: '200.000' } } });
    expect(fixed.errors).toEqual({ phone: 'Số điện thoại chưa đúng.' });
    const other = receiveReducer(fixed, { type: 'edited', form: { ...fixed.form, sets: 3 } });
    expect(other.errors).toBe(fixed.errors);
  });
});

describe('receiveReducer: steps', () => {
  it('continues only when the step has no errors, and never past the last step', () => {
    const stuck = receiveReducer(picked(), { type: 'next', errors: { idNumber: 'Số CCCD gồm 12 chữ số.' } });
    expect(stuck.step).toBe(STEP.applicant);
    expect(stuck.errors).toEqual({ idNumber: 'Số CCCD gồm 12 chữ số.' });
    const on = receiveReducer(stuck, { type: 'next', errors: {} });
    expect(on).toMatchObject({ step: STEP.documents, errors: {} });
    expect(on.problem).toBeUndefined();
    expect(
      run(
        [
          { type: 'stepTo', step: STEP.confirm },
          { type: 'next', errors: {} },
        ],
        on,
      ).step,
    ).toBe(STEP.confirm);
    expect(receiveReducer(on, { type: 'stepTo', step: -3 }).step).toBe(STEP.procedure);
  });

  it('checks the applicant on step 2 and the fee and collection on step 4, nothing on the checklist', () => {
    const form = completeForm();
    const blank = { ...form, applicant: emptyForm().applicant };
    expect(Object.keys(stepErrors(blank, STEP.applicant, LICENCE_PROCEDURE, 2026))).toEqual(expect.arrayContaining(['name', 'idNumber']));
    expect(stepErrors(blank, STEP.documents, LICENCE_PROCEDURE, 2026)).toEqual({});
    const post = { ...form, fee: { ...form.fee, amount: '100.000' }, collection: { method: 'post' as const, address: '' } };
    expect(Object.keys(stepErrors(post, STEP.fee, LICENCE_PROCEDURE, 2026)).sort()).toEqual(['collectionAddress', 'feeReason']);
    expect(stepErrors(form, STEP.fee, LICENCE_PROCEDURE, 2026)).toEqual({});
  });

  it('shows errors on the first step holding one of the fields', () => {
    const onConfirm = receiveReducer(picked(), { type: 'stepTo', step: STEP.confirm });
    const fee = receiveReducer(onConfirm, { type: 'showErrors', message: 'Phần phí, lệ phí chưa hợp lệ: xem bước 4.', errors: { feeAmount: 'x', collectionAddress: 'y' } });
    expect(fee).toMatchObject({ step: STEP.fee, problem: 'Phần phí, lệ phí chưa hợp lệ: xem bước 4.' });
    expect(receiveReducer(onConfirm, { type: 'showErrors', message: 'm', errors: { documents: 'x', phone: 'y' } }).step).toBe(STEP.applicant);
    // Errors of no step (a letter's reason) leave the officer where they are.
    expect(receiveReducer(onConfirm, { type: 'showErrors', message: 'm', errors: { supplementReason: 'x' } }).step).toBe(STEP.confirm);
  });
});

describe('receiveReducer: recording', () => {
  it('refuses a second accept while the first is being recorded, and any once it is done', () => {
    const busy = receiveReducer(picked(), { type: 'submitting' });
    expect(busy.busy).toBe(true);
    expect(receiveReducer(busy, { type: 'submitting' })).toBe(busy);
    const done = receiveReducer(busy, { type: 'accepted', done: ACCEPTED });
    expect(done).toMatchObject({ busy: false, done: ACCEPTED });
    expect(receiveReducer(done, { type: 'submitting' })).toBe(done);
  });

  it('frees the form after refused or failed recording, keeping what was typed', () => {
    const busy = receiveReducer(picked(), { type: 'submitting' });
    const refused = receiveReducer(busy, { type: 'showErrors', message: 'Thông tin người nộp chưa hợp lệ.', errors: { name: 'Chưa nhập họ tên người nộp.' } });
    expect(refused).toMatchObject({ busy: false, step: STEP.applicant, form: busy.form });
    const failed = receiveReducer(busy, { type: 'failed', message: 'Chưa lưu được hồ sơ.' });
    expect(failed).toMatchObject({ busy: false, problem: 'Chưa lưu được hồ sơ.', form: busy.form });
  });

  it('opens one letter at a time and closes it once issued', () => {
    const open = receiveReducer(picked(), { type: 'letterOpened', kind: 'supplement' });
    expect(open.letter).toBe('supplement');
    expect(receiveReducer(open, { type: 'letterOpened', kind: 'refusal' })).toBe(open);
    expect(receiveReducer(open, { type: 'letterClosed' }).letter).toBeUndefined();
    const issued = run([{ type: 'submitting' }, { type: 'letterIssued', done: { kind: 'supplement', reference: 'BS-260312-1A2B3C4D', applicantName: 'Trần Thị Bình', prints: [] } }], open);
    expect(issued).toMatchObject({ busy: false, done: { kind: 'supplement' } });
    expect(issued.letter).toBeUndefined();
  });

  it('closes a letter refused only for the applicant, so the marked fields show; keeps it open for its own fields', () => {
    const open = receiveReducer(picked(), { type: 'letterOpened', kind: 'refusal' });
    const applicant = receiveReducer(open, { type: 'showErrors', message: 'Chưa lập được phiếu từ chối: xem các ô được đánh dấu.', errors: { name: 'Chưa nhập họ tên người nộp.' } });
    expect(applicant).toMatchObject({ letter: undefined, step: STEP.applicant });
    const own = receiveReducer(open, {
      type: 'showErrors',
      message: 'Chưa lập được phiếu từ chối: xem các ô được đánh dấu.',
      errors: { name: 'Chưa nhập họ tên người nộp.', refusalReasons: 'Phải ghi rõ lý do từ chối.' },
    });
    expect(own.letter).toBe('refusal');
  });

  it('starts the next citizen on an empty form at step 1, keeping the officer’s contact phone', () => {
    const done = run([{ type: 'contactPhoneKnown', phone: '0238 3840 000' }, { type: 'submitting' }, { type: 'accepted', done: ACCEPTED }], picked());
    const next = receiveReducer(done, { type: 'reset' });
    expect(next).toEqual({ ...initialReceiveState(), restored: true, form: next.form });
    expect(next.form).toEqual({ ...emptyForm(), supplement: { ...emptyForm().supplement, contactPhone: '0238 3840 000' } });
  });
});

describe('createReceiveStore', () => {
  it('answers at once whether an action was taken, so a double Ctrl+Enter records one dossier', () => {
    const store = createReceiveStore(picked());
    let renders = 0;
    const stop = store.subscribe(() => renders++);
    expect(store.dispatch({ type: 'submitting' })).toBe(true);
    expect(store.dispatch({ type: 'submitting' })).toBe(false);
    expect(store.get().busy).toBe(true);
    expect(renders).toBe(1);
    stop();
    store.dispatch({ type: 'failed', message: 'x' });
    expect(renders).toBe(1);
  });
});

describe('receiveReducer: the documents step and a resumed reception', () => {
  it('stops at the documents step with everything missing, and drops the message once the papers change', () => {
    const state = run([{ type: 'stepTo', step: STEP.documents }], picked());
    const errors = stepErrors(state.form, STEP.documents, LICENCE_PROCEDURE, 2026);
    expect(errors.documents).toMatch(/còn thiếu 3 giấy tờ/);
    const stuck = receiveReducer(state, { type: 'next', errors });
    expect(stuck.step).toBe(STEP.documents);
    const ticked = receiveReducer(stuck, { type: 'edited', form: completeForm() });
    expect(ticked.errors).toEqual({});
    expect(stepErrors(ticked.form, STEP.documents, LICENCE_PROCEDURE, 2026)).toEqual({});
    // An edit elsewhere leaves the message where it is.
    expect(receiveReducer(stuck, { type: 'edited', form: { ...stuck.form, sets: 2 } }).errors.documents).toBe(errors.documents);
  });

  it('a resumed supplement request opens at the documents step and keeps the officer’s contact phone', () => {
    const state = run([{ type: 'contactPhoneKnown', phone: '0238 3840 000' }], picked());
    const form = { ...completeForm(), resumes: { dossierId: 'd1', reference: 'BS-260312-D1000000' } };
    const resumed = receiveReducer(state, { type: 'resumed', form });
    expect(resumed).toMatchObject({ step: STEP.documents, errors: {}, form: { resumes: form.resumes, supplement: { contactPhone: '0238 3840 000' } } });
  });
});
