import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Procedure } from '../../../shared/catalogue';
import type { DossierState } from '../../../shared/domain';
import { sampleEventsTo } from '../../../shared/domain/fixtures';
import type { FieldsBlock } from '../../../shared/documents';
import { MotCuaDb, recordCommand } from '../../db';
import { checkStop, feeOnStop, stopAtDesk, type StopForm } from './stop';
import { deskContext } from '../../testing/desk';
import type { DeskContext } from '../../desk/context';
import { applicantIdNumber } from '../../../shared/domain';

async function dossierAt(db: MotCuaDb, status: 'atDepartment' | 'received' | 'returned'): Promise<DossierState> {
  let state: DossierState | undefined;
  for (const event of sampleEventsTo(status)) {
    const r = await recordCommand(db, [event]);
    if (!r.ok) throw new Error(r.error.message);
    state = r.state;
  }
  return state!;
}

function context(db: MotCuaDb): DeskContext {
  return { ...deskContext(db, new Date('2026-01-14T02:30:00.000Z')), officerName: 'Trần Văn Đức' };
}

const fields = (blocks: { type: string }[]) => (blocks.filter((b) => b.type === 'fields') as FieldsBlock[]).flatMap((b) => b.rows.map((r) => `${r.label}=${r.value}`));

describe('stopping a dossier at the desk', () => {
  it('checks identity, records one withdrawn event while the dossier is at the department, and prints the notice', async () => {
    const db = new MotCuaDb('stop', { indexedDB: new IDBFactory(), IDBKeyRange });
    const state = await dossierAt(db, 'atDepartment');
    const idNumber = applicantIdNumber(state.applicant)!;
    const form: StopForm = { requester: 'applicant', requesterName: state.applicant!.name, idNumber: '000000000000', authorisationSeen: false, reason: 'Điều chỉnh lại diện tích đất' };
    const wrong = await stopAtDesk(context(db), state, form, undefined);
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.errors.idNumber).toMatch(/không khớp/);
    expect(await db.events.count()).toBe(sampleEventsTo('atDepartment').length);

    const done = await stopAtDesk(context(db), state, { ...form, idNumber }, undefined);
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(done.state.status).toBe('withdrawn');
    expect(done.papersAway).toBe(true);
    expect((await db.dossiers.get(state.id))!.status).toBe('withdrawn');
    expect(await db.outbox.count()).toBeGreaterThan(0);
    expect(done.notice.kind).toBe('stopProcessing');
    expect(done.prints).toEqual([{ what: 'Thông báo dừng giải quyết hồ sơ (Mẫu 05)', ok: true, message: undefined }]);
    const f = fields(done.notice.blocks);
    expect(f.join('|')).toContain('Nhận lại hồ sơ giấy=Hồ sơ giấy đang ở cơ quan giải quyết');
    expect(f.join('|')).toContain('Lý do dừng giải quyết=Điều chỉnh lại diện tích đất');

    const again = await stopAtDesk(context(db), done.state, { ...form, idNumber }, undefined);
    expect(!again.ok && again.errors.dossier).toMatch(/Đã rút hồ sơ/);
  });

  it('refuses a returned dossier and asks a representative for the authorisation', async () => {
    const db = new MotCuaDb('stop2', { indexedDB: new IDBFactory(), IDBKeyRange });
    const state = await dossierAt(db, 'returned');
    const errors = checkStop(state, { requester: 'representative', requesterName: 'Lê Văn Tâm', idNumber: '12', authorisationSeen: false, reason: 'x' });
    expect(errors.dossier).toMatch(/không thể dừng/);
    expect(errors.idNumber).toMatch(/người được ủy quyền/);
    expect(errors.authorisationSeen).toMatch(/giấy ủy quyền/);
    expect(errors.reason).toMatch(/lý do/);
  });

  it('handles fees as the catalogue says, non-refundable when it says nothing', () => {
    const procedure = { code: '1', fees: [{ name: 'Lệ phí', amount: 50_000 }] } as unknown as Procedure;
    expect(feeOnStop(procedure, 50_000)).toMatchObject({ refundable: false, known: false });
    expect(feeOnStop(procedure, 50_000).note).toMatch(/Danh mục thủ tục không quy định hoàn trả/);
    expect(feeOnStop({ ...procedure, feesRefundableOnStop: true } as Procedure, 50_000)).toMatchObject({ refundable: true, known: true });
    expect(feeOnStop(procedure, 0).note).toBe('Người nộp chưa nộp phí, lệ phí.');
  });
});
