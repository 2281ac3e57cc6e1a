import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fromVnLocal, workCalendar } from '../../../shared/calendar';
import { MotCuaDb } from '../../db';
import { deskContext, seedDossier } from '../../testing/desk';
import { loadTrackingBoard } from './board';
import { canNotify, initialNoticeForm, noticeMessage, recordNotice, resultBeforeAppointment } from './notify';
import { stripDiacritics } from '../../../shared/text/fold';

const A = '000.00.15.H41';
// Friday 13/3/2026, 10:00 in Vietnam.
const NOW = fromVnLocal(2026, 3, 13, 10, 0);
const at = (d: number, h = 17) => fromVnLocal(2026, 3, d, h, 0).toISOString();
let db: MotCuaDb;

beforeEach(() => {
  db = new MotCuaDb(`n-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
});

const row = async (id: string) => (await db.dossiers.get(id))!;
const codes = (rows: { code?: string }[]) => rows.map((r) => r.code!.slice(-4));

describe('results not yet announced', () => {
  it('are listed until the applicant is told, early ones flagged; the not-collected wait counts from the notice', async () => {
    const early = await seedDossier(db, { code: `${A}-260302-0051`, dueAt: at(20), stage: 'resultReady', resultAt: at(2, 9) });
    const onDay = await seedDossier(db, { code: `${A}-260302-0052`, dueAt: at(4), stage: 'resultReady', resultAt: at(4, 9) });
    await seedDossier(db, { code: `${A}-260302-0053`, dueAt: at(20), stage: 'atDepartment' });
    let board = await loadTrackingBoard(db, { now: NOW, calendar: workCalendar(), notCollectedDays: 7 });
    expect(codes(board.notYetNotified)).toEqual(['0051', '0052']);
    expect(board.notYetNotified.map((r) => resultBeforeAppointment(r.state))).toEqual([true, false]);
    expect(codes(board.notCollected)).toEqual(['0051', '0052']);

    // Told on 10/3: waiting 3 days only, so it leaves both lists; the other still counts from its result.
    const told = await recordNotice(deskContext(db, fromVnLocal(2026, 3, 10, 9)), early, {
      channel: 'sms',
      contact: '0912 345 678',
      message: noticeMessage((await row(early)).state, deskContext(db, NOW)),
    });
    expect(told.ok, told.ok ? '' : told.message).toBe(true);
    board = await loadTrackingBoard(db, { now: NOW, calendar: workCalendar(), notCollectedDays: 7 });
    expect(codes(board.notYetNotified)).toEqual(['0052']);
    expect(codes(board.notCollected)).toEqual(['0052']);
    board = await loadTrackingBoard(db, { now: NOW, calendar: workCalendar(), notCollectedDays: 2 });
    expect(codes(board.notCollected)).toEqual(['0052', '0051']);

    const state = (await row(early)).state;
    expect(state).toMatchObject({ status: 'resultReady', notifiedAt: fromVnLocal(2026, 3, 10, 9).toISOString(), flags: { noticeChannel: 'sms', notifiedEarly: true } });
    const events = await db.events.where('dossierId').equals(early).toArray();
    const notice = events.find((e) => e.event.type === 'applicantNotified')!.event;
    expect(notice.payload).toMatchObject({ contact: '0912 345 678', early: true });
    expect(await db.outbox.where('dossierId').equals(early).count()).toBe(events.length);
    expect(resultBeforeAppointment((await row(onDay)).state)).toBe(false);
  });

  it('prepares a text with the code, the procedure, where to collect and the appointment when early', async () => {
    const ctx = deskContext(db, NOW);
    const id = await seedDossier(db, { code: `${A}-260302-0061`, dueAt: at(20), stage: 'resultReady', resultAt: at(12, 9) });
    const text = noticeMessage((await row(id)).state, ctx);
    expect(text).toBe(
      'Bộ phận trả kết quả, Trung tâm Phục vụ Hành chính công tỉnh thông báo: hồ sơ 000.00.15.H41-260302-0061 (Cấp bản sao trích lục hộ tịch) đã có kết quả, sớm hơn ngày hẹn 20/03/2026. ' +
        'Mời ông/bà đến nhận từ hôm nay, trong giờ làm việc; mang theo giấy hẹn và CCCD.',
    );
    expect(stripDiacritics('Đã có kết quả, mời ông/bà đến nhận')).toBe('Da co ket qua, moi ong/ba den nhan');
    const post = await seedDossier(db, { code: `${A}-260302-0062`, dueAt: at(20), stage: 'resultReady', resultAt: at(12, 9), post: true });
    expect(noticeMessage((await row(post)).state, ctx)).toContain('kết quả được gửi qua bưu điện đến 12 Lê Lợi, Vinh.');
    expect(initialNoticeForm((await row(id)).state, ctx)).toMatchObject({ channel: 'sms', contact: '0912345678' });
  });

  it('refuses a contact that does not fit the channel, and a dossier with nothing to collect', async () => {
    const ctx = deskContext(db, NOW);
    const id = await seedDossier(db, { code: `${A}-260302-0071`, dueAt: at(20), stage: 'resultReady', resultAt: at(12, 9) });
    const landline = await recordNotice(ctx, id, { channel: 'zalo', contact: '02383843333', message: 'Mời ông/bà đến nhận kết quả hồ sơ.' });
    expect(landline).toMatchObject({ ok: false, errors: { contact: expect.stringMatching(/di động/) } });
    const blank = await recordNotice(ctx, id, { channel: 'phone', contact: '02383843333', message: ' ' });
    expect(blank).toMatchObject({ ok: false, errors: { message: expect.stringMatching(/nội dung/) } });
    const running = await seedDossier(db, { code: `${A}-260302-0072`, dueAt: at(20), stage: 'atDepartment' });
    expect(canNotify((await row(running)).state)).toBe(false);
    const refused = await recordNotice(ctx, running, { channel: 'phone', contact: '02383843333', message: 'Mời ông/bà đến nhận kết quả hồ sơ.' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/Không thể ghi nhận đã báo người nộp đến nhận/);
    expect(await db.events.where('dossierId').equals(running).count()).toBe(3);
  });
});
