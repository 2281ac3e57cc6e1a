import { randomUUID } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { DossierState, EventMeta } from '../../../shared/domain';
import { RULE_VERSION } from '../../../shared/domain';
import { sampleEventsTo } from '../../../shared/domain/fixtures';
import { MotCuaDb, recordCommand } from '../../db';
import { EMPTY_HAND_BACK, handBackPapers, listStoppedPapers } from './papers';

const meta =
  (deviceTime: string) =>
  (dossierId: string): EventMeta => ({ id: randomUUID(), dossierId, officerId: 'o1', counterId: 'counter-03', deviceTime, ruleVersion: RULE_VERSION });

async function stopped(db: MotCuaDb, status: 'atDepartment' | 'received', seed: number, at: string): Promise<DossierState> {
  let state: DossierState | undefined;
  for (const event of sampleEventsTo(status, { seed })) {
    const r = await recordCommand(db, [event]);
    if (!r.ok) throw new Error(r.error.message);
    state = r.state;
  }
  const r = await recordCommand(db, [{ ...meta(at)(state!.id), type: 'withdrawn', payload: { reason: 'Không còn nhu cầu', requestedBy: 'Nguyễn Thị Hương' } }]);
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
}

describe('handing back the papers of a stopped dossier', () => {
  it('waits for the papers to come back, checks who takes them, and records it once', async () => {
    const db = new MotCuaDb('papers', { indexedDB: new IDBFactory(), IDBKeyRange });
    const ctx = { db, eventMeta: meta('2026-01-16T02:30:00.000Z'), now: () => new Date('2026-01-16T02:30:00.000Z') };
    let state = await stopped(db, 'atDepartment', 1, '2026-01-14T02:00:00.000Z');
    const here = await stopped(db, 'received', 2, '2026-01-14T03:00:00.000Z');
    let listed = await listStoppedPapers(db);
    expect(listed.away.map((r) => r.id)).toEqual([state.id]);
    expect(listed.atCenter.map((r) => r.id)).toEqual([here.id]);

    const form = { ...EMPTY_HAND_BACK, requesterName: 'Nguyễn Thị Hương', idNumber: '040190001234' };
    const early = await handBackPapers(ctx, state, form);
    expect(!early.ok && early.errors.dossier).toMatch(/Giấy tờ chưa về Trung tâm/);

    const back = await recordCommand(db, [{ ...meta('2026-01-15T03:00:00.000Z')(state.id), type: 'papersReturned', payload: { stage: 'atCenter', batchId: 'BG-260115-02-01' } }]);
    if (!back.ok) throw new Error(back.error.message);
    state = back.state;
    listed = await listStoppedPapers(db);
    expect(listed.away).toEqual([]);
    expect(listed.atCenter.map((r) => r.id)).toEqual([here.id, state.id]);

    const wrongId = await handBackPapers(ctx, state, { ...form, idNumber: '040190009999' });
    expect(!wrongId.ok && wrongId.errors.idNumber).toMatch(/không khớp/);
    const noLetter = await handBackPapers(ctx, state, { ...form, requester: 'representative', requesterName: 'Lê Văn Tâm', idNumber: '040085001111' });
    expect(!noLetter.ok && noLetter.errors.authorisationSeen).toMatch(/giấy ủy quyền/);
    expect(await db.events.where('dossierId').equals(state.id).count()).toBe(5);

    const done = await handBackPapers(ctx, state, {
      ...form,
      requester: 'representative',
      requesterName: 'Lê Văn Tâm',
      idNumber: '040085 001111',
      authorisationSeen: true,
      authorisationNote: 'Giấy ủy quyền số 15/UQ ngày 15/01/2026',
    });
    if (!done.ok) throw new Error(JSON.stringify(done.errors));
    expect(done.state).toMatchObject({ status: 'withdrawn', papers: 'handedBack', papersMovedAt: '2026-01-16T02:30:00.000Z' });
    const events = await db.events.where('dossierId').equals(state.id).toArray();
    const handed = events.find((e) => e.event.type === 'papersReturned' && e.event.payload.stage === 'toApplicant')!.event;
    expect(handed.payload).toEqual({
      stage: 'toApplicant',
      recipient: { name: 'Lê Văn Tâm', idNumber: '040085001111', authorised: true, authorisationNote: 'Giấy ủy quyền số 15/UQ ngày 15/01/2026' },
      at: '2026-01-16T02:30:00.000Z',
    });
    expect(await db.outbox.where('dossierId').equals(state.id).count()).toBe(6);

    const twice = await handBackPapers(ctx, done.state, form);
    expect(!twice.ok && twice.errors.dossier).toMatch(/đã trả lại người nộp/);
    expect((await listStoppedPapers(db)).atCenter.map((r) => r.id)).toEqual([here.id]);
  });
});
