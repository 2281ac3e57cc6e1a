// The everyday cases of issue 16 at the accept path: optional and conditional papers, an empty
// checklist, a procedure without processing time, and a supplement request continued later.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Procedure } from '../../../shared/catalogue';
import { fromVnLocal } from '../../../shared/calendar';
import { MotCuaDb, storeLeases } from '../../db';
import { completeForm, FREE_PROCEDURE, LICENCE_PROCEDURE, testContext } from '../../testing/receive';
import { loadTrackingBoard } from '../tracking/board';
import { acceptDossier } from './accept';
import { addedDocument, documentsProblem, emptyForm, tickDocument, withProcedure } from './form';
import { issueSupplementRequest, letterReference } from './letters';
import { resumeSupplementRequest } from './resume';
import { STEP, stepErrors } from './receiveState';

// Thursday 12/3/2026, 09:15 in Vietnam.
const NOW = fromVnLocal(2026, 3, 12, 9, 15);
let db: MotCuaDb;

beforeEach(async () => {
  db = new MotCuaDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await storeLeases(db, [{ kind: 'dossierSeq', scope: '000.00.15.H41:260312', first: 101, last: 110 }]);
});

const WITH_CASES: Procedure = {
  ...FREE_PROCEDURE,
  documents: [
    { name: 'Đơn đề nghị', originals: 1, copies: 0 },
    { name: 'Danh sách chủ sở hữu hưởng lợi (nếu có)', originals: 0, copies: 1 },
    { name: 'Hộ chiếu còn thời hạn (đối với người nước ngoài)', originals: 1, copies: 0 },
    { name: 'Giấy ủy quyền', originals: 1, copies: 0, need: 'optional' },
  ],
};

const outboxEvents = async () => (await db.outbox.toArray()).map((o) => o.event);

describe('optional and conditional papers', () => {
  it('are marked from the catalogue, asked for all at once at the documents step, and never printed unless received', async () => {
    const form = completeForm(WITH_CASES);
    expect(form.documents.map((d) => d.need)).toEqual(['required', 'optional', 'conditional', 'optional']);
    form.documents = form.documents.map((d) => tickDocument(d, false));
    // Everything missing in one message: the required line and the conditional line not yet decided, not the optional ones.
    const problem = documentsProblem(form);
    expect(problem?.message).toMatch(/còn thiếu 2 giấy tờ: Đơn đề nghị \(chưa nộp\); Hộ chiếu còn thời hạn \(đối với người nước ngoài\) \(chưa nộp, chưa đánh dấu “không áp dụng”\)/);
    expect(stepErrors(form, STEP.documents, WITH_CASES, 2026).documents).toBe(problem?.message);

    form.documents = form.documents.map((d, i) => (i === 0 ? tickDocument(d, true) : i === 2 ? { ...d, notApplicable: true } : d));
    expect(documentsProblem(form)).toBeUndefined();
    const out = await acceptDossier(testContext(db, { now: NOW }), form, WITH_CASES);
    if (!out.ok) throw new Error(out.message);
    const received = (await outboxEvents())[0]!;
    expect(received.type === 'received' && received.payload.documents.map((d) => d.name)).toEqual(['Đơn đề nghị']);
    expect(JSON.stringify(out.slip)).not.toContain('Hộ chiếu');
  });

  it('refuses at the accept path too when a required paper is missing', async () => {
    const form = completeForm(WITH_CASES);
    form.documents = form.documents.map((d, i) => (i === 0 ? tickDocument(d, false) : d));
    const out = await acceptDossier(testContext(db, { now: NOW }), form, WITH_CASES);
    expect(!out.ok && out.errors.documents).toMatch(/Đơn đề nghị/);
  });
});

describe('a procedure whose catalogue lists no papers', () => {
  const EMPTY: Procedure = { ...FREE_PROCEDURE, documents: [] };
  it('is not received with zero papers unless the officer confirms it, or lists the papers received', async () => {
    const form = completeForm(EMPTY);
    expect(documentsProblem(form)?.errors.documents).toMatch(/chưa có thành phần hồ sơ/);
    const refused = await acceptDossier(testContext(db, { now: NOW }), form, EMPTY);
    expect(refused.ok).toBe(false);

    const confirmed = await acceptDossier(testContext(db, { now: NOW }), { ...form, noPapersConfirmed: true }, EMPTY);
    expect(confirmed.ok).toBe(true);

    const listed = await acceptDossier(testContext(db, { now: NOW }), { ...form, documents: [addedDocument('  Tờ khai trợ cấp ')] }, EMPTY);
    if (!listed.ok) throw new Error(listed.message);
    const events = await outboxEvents();
    expect(events[1]?.type === 'received' && events[1].payload.documents).toEqual([{ name: 'Tờ khai trợ cấp', originals: 1, certifiedCopies: 0, copies: 0 }]);
  });
});

describe('a procedure without processing time in the catalogue', () => {
  const NO_TIME: Procedure = { ...FREE_PROCEDURE, processingDays: null, processingHours: null, incomplete: ['Thời hạn giải quyết'] };
  it('is received with the appointment entered at the counter, recording who set it and why', async () => {
    const form = completeForm(NO_TIME);
    const none = await acceptDossier(testContext(db, { now: NOW }), form, NO_TIME);
    expect(!none.ok && Object.keys(none.errors)).toEqual(['deadlineDate', 'deadlineReason']);
    // Saturday 21/3/2026 is a day off.
    const weekend = await acceptDossier(testContext(db, { now: NOW }), { ...form, deadline: { date: '2026-03-21', reason: 'Theo ý kiến lãnh đạo Trung tâm' } }, NO_TIME);
    expect(!weekend.ok && weekend.errors.deadlineDate).toMatch(/ngày nghỉ/);

    const out = await acceptDossier(testContext(db, { now: NOW }), { ...form, deadline: { date: '2026-03-26', reason: 'Theo ý kiến lãnh đạo Trung tâm' } }, NO_TIME, [], { supervisor: true });
    if (!out.ok) throw new Error(out.message);
    // The office's closing hour (17:00) of that day; 10 working days after Thursday 12/3.
    expect(out.dueAt).toBe(fromVnLocal(2026, 3, 26, 17, 0).toISOString());
    const received = (await outboxEvents())[0]!;
    expect(received.type === 'received' && received.payload).toMatchObject({
      processingDays: 10,
      deadlineEntered: { by: 'Nguyễn Thị Lan', supervisor: true, reason: 'Theo ý kiến lãnh đạo Trung tâm' },
    });
  });
});

describe('a supplement request given before reception', () => {
  it('is counted under "Chờ bổ sung", found by its number, and continued into the same dossier', async () => {
    const ctx = testContext(db, { now: NOW });
    const form = completeForm(LICENCE_PROCEDURE);
    form.documents = form.documents.map((d, i) => (i === 1 ? tickDocument(d, false) : d));
    form.supplement = { reason: 'Thiếu giấy khám sức khỏe', requirements: {}, contactPhone: '0238 3840 000' };
    const letter = await issueSupplementRequest(ctx, form, LICENCE_PROCEDURE);
    if (!letter.ok) throw new Error(letter.message);
    expect(letter.reference).toBe(letterReference('BS', '2026-03-12', letter.dossierId));

    const board = await loadTrackingBoard(db, { now: NOW, calendar: ctx.calendar });
    expect(board.awaitingSupplement.map((r) => r.id)).toEqual([letter.dossierId]);

    expect(await resumeSupplementRequest(db, 'BS-260312-00000000', [LICENCE_PROCEDURE])).toMatchObject({ ok: false, message: /Không tìm thấy phiếu BS-260312-00000000/ });
    const resumed = await resumeSupplementRequest(db, ` ${letter.reference.toLowerCase()} `, [LICENCE_PROCEDURE]);
    if (!resumed.ok) throw new Error(resumed.message);
    expect(resumed.form.applicant).toMatchObject({ name: 'Nguyễn Văn An', idNumber: '040085001234', phone: '0912345678' });
    expect(resumed.form.documents.map((d) => [d.received, d.askedFor])).toEqual([
      [true, false],
      [false, true],
      [true, false],
    ]);
    expect(resumed.form.resumes).toEqual({ dossierId: letter.dossierId, reference: letter.reference });

    const back = { ...resumed.form, documents: resumed.form.documents.map((d) => (d.askedFor ? tickDocument(d, true) : d)) };
    const out = await acceptDossier(ctx, back, LICENCE_PROCEDURE);
    if (!out.ok) throw new Error(out.message);
    expect(out.dossierId).toBe(letter.dossierId);
    expect((await db.dossiers.get(letter.dossierId))?.status).toBe('received');
    expect((await loadTrackingBoard(db, { now: NOW, calendar: ctx.calendar })).awaitingSupplement).toEqual([]);
    expect(await resumeSupplementRequest(db, letter.reference, [LICENCE_PROCEDURE])).toMatchObject({
      ok: false,
      message: new RegExp(`đã được tiếp nhận thành hồ sơ ${out.code.replace(/\./g, '\\.')}`),
    });
  });

  it('a number that is not a supplement request says what it should look like', async () => {
    expect(await resumeSupplementRequest(db, '000.00.15.H41-260312-0101', [LICENCE_PROCEDURE])).toMatchObject({ ok: false, message: /không phải số phiếu yêu cầu bổ sung/ });
    expect(withProcedure(emptyForm(), LICENCE_PROCEDURE).resumes).toBeUndefined();
  });
});
