import { randomUUID } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { dossierCode, feeCollected, handedToCourier, received, returned } from '../../tests/sync/events';
import { issueNumber, remainingNumbers, storeLeases } from './leases';
import { applyWrites, eventWrites, recordCommand } from './command';
import { foldVietnamese } from '../../shared/text/fold';
import { CURRENT_SCHEMA_VERSION, dossiersInStatus, MotCuaDb, SCHEMA_VERSIONS } from './schema';
import type { HandoffBatch, InboundReject } from './localRecords';
import type { AttachmentRecord, ExemptionRecord } from '../../shared/attachments/model';
import type { AuditEntry } from '../../shared/sync/protocol';

const BATCH: HandoffBatch = {
  id: 'BG-260112-07-01',
  direction: 'toDepartment',
  departmentId: 'so-xay-dung',
  courierName: 'Phạm Văn Tư',
  sealNumber: 'NP-12',
  counterId: 'quay-7',
  officerId: 'officer-1',
  openedAt: '2026-01-12T01:00:00.000Z',
  closedAt: '2026-01-12T02:00:00.000Z',
  dossierIds: ['d1', 'd2'],
  state: 'closed',
  refusals: [{ dossierId: 'd3', dossierCode: 'X', message: 'Hồ sơ đã trả.' }],
};
const { closedAt: _closedAt, ...unclosed } = BATCH;
const OPEN_BATCH: HandoffBatch = { ...unclosed, id: 'BG-260112-07-02', direction: 'toCenter', state: 'open', dossierIds: [], refusals: [] };
const REJECT: InboundReject = {
  id: 'r1',
  code: '000.00.15.H41-260112-0099',
  reason: 'Trung tâm không có hồ sơ này.',
  batchId: OPEN_BATCH.id,
  departmentId: 'so-xay-dung',
  at: '2026-01-12T03:10:00.000Z',
  officerId: 'officer-1',
};
const AUDIT_ENTRY: AuditEntry = { id: '', at: '', counterId: 'quay-7', officerId: 'officer-1', dossierId: 'd1', action: 'view', field: 'idNumber' };
const ATTACHMENT: AttachmentRecord = {
  sha256: 'a'.repeat(64),
  dossierId: 'd1',
  checklistLine: 0,
  documentName: 'Tờ khai',
  mediaType: 'application/pdf',
  size: 4,
  pages: 1,
  source: 'camera',
  capturedAt: '2026-01-12T02:02:00.000Z',
  capturedBy: 'officer-1',
  upload: 'local',
};
const ATTACHMENT_ID = `attachment:d1:0:${'a'.repeat(64)}`;
const EXEMPTION: ExemptionRecord = { dossierId: 'd1', checklistLine: 2, exemption: 'submittedOnline', reason: 'Nộp trực tuyến', recordedAt: '2026-01-12T02:03:00.000Z', recordedBy: 'officer-1' };

type DossierRowV4 = { foldedName?: string };

const fresh = () => new MotCuaDb(`t-${randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });

describe('schema migrations', () => {
  it('version 1 creates the sync tables', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('m', { indexedDB, IDBKeyRange });
    v1.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
    await v1.open();
    expect(v1.tables.map((t) => t.name).sort()).toEqual(['dossiers', 'events', 'leases', 'outbox', 'syncState']);
    await v1.table('dossiers').put({ id: 'd1', status: 'received', state: { id: 'd1' } });
    v1.close();
  });

  it('version 2 adds catalogue, printing, drafts (split up in version 4) and staff, and back-fills conflict counts', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('m', { indexedDB, IDBKeyRange });
    v1.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
    await v1.table('dossiers').put({ id: 'd1', status: 'received', state: { id: 'd1' } });
    v1.close();
    const db = new MotCuaDb('m', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect((await db.dossiers.get('d1'))!.openConflicts).toBe(0);
    expect(await db.dossiers.where('openConflicts').equals(0).count()).toBe(1);
    for (const t of ['catalogue', 'holidays', 'printQueue', 'settings', 'staff']) expect(db.tables.map((x) => x.name)).toContain(t);
    db.close();
  });

  it('version 3 replaces the auto-numbered print table with the queue keyed by job id', async () => {
    const indexedDB = new IDBFactory();
    const v2 = new Dexie('m', { indexedDB, IDBKeyRange });
    v2.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
    v2.version(2).stores(SCHEMA_VERSIONS[1]!.stores);
    await v2.table('dossiers').put({ id: 'd1', status: 'received', state: { id: 'd1' }, openConflicts: 0 });
    v2.close();
    const db = new MotCuaDb('m', { indexedDB, IDBKeyRange });
    await db.open();
    const names = db.tables.map((x) => x.name);
    expect(names).toContain('printQueue');
    expect(names).not.toContain('printJobs');
    expect(await db.dossiers.count()).toBe(1);
    const job = { id: 'job-1', printerId: 'p', document: { blocks: [] } as never, copies: 2, copiesDone: 0, state: 'queued' as const, attempts: 0, nextAttemptAt: 0, createdAt: 1 };
    await db.printQueue.put(job);
    expect(await db.printQueue.where('state').equals('queued').count()).toBe(1);
    db.close();
  });

  it('version 4 moves every drafts row into the typed table of its kind and drops drafts', async () => {
    const indexedDB = new IDBFactory();
    const v3 = new Dexie('m', { indexedDB, IDBKeyRange });
    for (const v of SCHEMA_VERSIONS.slice(0, 3)) v3.version(v.version).stores(v.stores);
    const audit = (id: string, acked: boolean, at: string) => ({ id: `audit:${id}`, kind: 'audit', updatedAt: at, data: { entry: { ...AUDIT_ENTRY, id, at }, acked } });
    const bytes = new Uint8Array([37, 80, 68, 70]);
    await v3
      .table('drafts')
      .bulkAdd([
        { id: `batch:${BATCH.id}`, kind: 'batch', updatedAt: '2026-01-12T02:00:00.000Z', data: BATCH },
        { id: `batch:${OPEN_BATCH.id}`, kind: 'batch', updatedAt: '2026-01-12T03:00:00.000Z', data: OPEN_BATCH },
        { id: `inboundReject:${REJECT.id}`, kind: 'inboundRejects', updatedAt: REJECT.at, data: REJECT },
        audit('a1', true, '2026-01-12T02:00:00.000Z'),
        audit('a2', false, '2026-01-12T02:01:00.000Z'),
        { id: ATTACHMENT_ID, kind: 'attachment', updatedAt: ATTACHMENT.capturedAt, data: { record: ATTACHMENT, bytes } },
        { id: 'exemption:d1:2', kind: 'attachmentExemption', updatedAt: EXEMPTION.recordedAt, data: EXEMPTION },
        { id: 'receive:current', kind: 'receive', updatedAt: '2026-01-12T02:05:00.000Z', data: { form: { applicant: { name: 'Trần Thị Bình' } }, step: 1 } },
        { id: 'unheard:1', kind: 'unheard', updatedAt: '2026-01-12T02:06:00.000Z', data: { x: 1 } },
      ]);
    v3.close();

    const db = new MotCuaDb('m', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name)).not.toContain('drafts');
    expect(await db.batches.get(BATCH.id)).toEqual(BATCH);
    expect(await db.batches.where('[direction+state]').equals(['toCenter', 'open']).primaryKeys()).toEqual([OPEN_BATCH.id]);
    expect(await db.inboundRejects.toArray()).toEqual([REJECT]);
    expect(await db.auditLog.get('a1')).toEqual({ id: 'a1', entry: { ...AUDIT_ENTRY, id: 'a1', at: '2026-01-12T02:00:00.000Z' }, acked: 1, recordedAt: '2026-01-12T02:00:00.000Z' });
    expect(await db.auditLog.where('[acked+recordedAt]').between([0, Dexie.minKey], [0, Dexie.maxKey]).primaryKeys()).toEqual(['a2']);
    const attachment = await db.attachments.get(ATTACHMENT_ID);
    expect(attachment).toMatchObject({ id: ATTACHMENT_ID, record: ATTACHMENT });
    expect([...attachment!.bytes!]).toEqual([...bytes]);
    expect(await db.attachments.where('record.upload').equals('local').count()).toBe(1);
    expect(await db.attachmentExemptions.where('record.dossierId').equals('d1').toArray()).toEqual([{ id: 'exemption:d1:2', record: EXEMPTION }]);
    expect(await db.formDrafts.get('receive')).toEqual({ form: 'receive', savedAt: '2026-01-12T02:05:00.000Z', draft: { form: { applicant: { name: 'Trần Thị Bình' } }, step: 1 } });
    // A kind no release wrote is kept, not dropped.
    expect(await db.formDrafts.get('unheard:1')).toEqual({ form: 'unheard:1', savedAt: '2026-01-12T02:06:00.000Z', draft: { x: 1 } });
    db.close();
  });

  it('version 6 indexes every word of the name, the parts of the code and the procedure, back-filled from each projection', async () => {
    const indexedDB = new IDBFactory();
    const v4 = new Dexie('m', { indexedDB, IDBKeyRange });
    for (const v of SCHEMA_VERSIONS.slice(0, 4)) v4.version(v.version).stores(v.stores);
    const r = received('Q01', dossierCode(4));
    const state = { id: r.dossierId, code: dossierCode(4), procedureCode: '3.000348', applicant: { kind: 'individual', name: 'Nguyễn Thu Hà', idNumber: '040190001111' } };
    await v4.table('dossiers').put({ id: r.dossierId, code: dossierCode(4), status: 'received', foldedName: 'nguyen thu ha', state, openConflicts: 0 });
    v4.close();

    const db = new MotCuaDb('m', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const row = (await db.dossiers.get(r.dossierId)) as DossierRowV4;
    expect(row.foldedName).toBeUndefined();
    expect(await db.dossiers.where('nameKeys').startsWith('thu ha').primaryKeys()).toEqual([r.dossierId]);
    expect(await db.dossiers.where('nameKeys').startsWith('ha').primaryKeys()).toEqual([r.dossierId]);
    expect(await db.dossiers.where('codeParts').startsWith('0004').primaryKeys()).toEqual([r.dossierId]);
    expect(await db.dossiers.where('procedureCode').equals('3.000348').primaryKeys()).toEqual([r.dossierId]);
    db.close();
  });
});

describe('schema migrations: dossiers without a deadline', () => {
  it('version 5 indexes a dossier without a deadline (a letter before reception) so its status lists it', async () => {
    const indexedDB = new IDBFactory();
    const v4 = new Dexie('n', { indexedDB, IDBKeyRange });
    for (const v of SCHEMA_VERSIONS.slice(0, 4)) v4.version(v.version).stores(v.stores);
    await v4.table('dossiers').bulkAdd([
      { id: 'letter', status: 'awaitingSupplement', state: {}, openConflicts: 0 },
      { id: 'dossier', status: 'awaitingSupplement', dueAt: '2026-01-20T10:00:00.000Z', state: {}, openConflicts: 0 },
    ]);
    expect(await v4.table('dossiers').where('[status+dueAt]').between(['awaitingSupplement', Dexie.minKey], ['awaitingSupplement', Dexie.maxKey]).primaryKeys()).toEqual(['dossier']);
    v4.close();

    const db = new MotCuaDb('n', { indexedDB, IDBKeyRange });
    await db.open();
    expect(await dossiersInStatus(db, 'awaitingSupplement').primaryKeys()).toEqual(['letter', 'dossier']);
    expect((await db.dossiers.get('dossier'))?.dueAt).toBe('2026-01-20T10:00:00.000Z');
    db.close();
  });
});

describe('recordCommand', () => {
  it('writes the event, the projection and the outbox row together', async () => {
    const db = fresh();
    const r = received('Q01', dossierCode(1));
    const res = await recordCommand(db, [r]);
    expect(res.ok).toBe(true);
    expect(await db.events.get(r.id)).toBeTruthy();
    const row = (await db.dossiers.get(r.dossierId))!;
    expect(row.status).toBe('received');
    expect(row.code).toBe(dossierCode(1));
    expect(row.nameKeys).toEqual(['nguyen van binh', 'van binh', 'binh']);
    expect(row.codeParts?.[0]).toBe(dossierCode(1).split('-').slice(1).join(''));
    expect(row.applicantIdNumber).toBe('040085001234');
    expect(await db.outbox.where('status').equals('pending').count()).toBe(1);
    expect((await db.dossiers.where('code').equals(dossierCode(1)).first())!.id).toBe(r.dossierId);
  });

  it('writes nothing and returns the TransitionError when the reducer refuses', async () => {
    const db = fresh();
    const r = received('Q01', dossierCode(2));
    await recordCommand(db, [r]);
    const early = returned('Q01', r.dossierId);
    const res = await recordCommand(db, [early]);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('ILLEGAL_TRANSITION');
      expect(res.error.eventId).toBe(early.id);
    }
    expect(await db.events.get(early.id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
    expect((await db.dossiers.get(r.dossierId))!.status).toBe('received');
    expect((await recordCommand(db, [r])).ok).toBe(false);
    expect(await db.outbox.count()).toBe(1);
  });

  it('records all the facts of one command in one transaction, each folded on the one before it', async () => {
    const db = fresh();
    const r = received('Q01', dossierCode(5));
    const fee = feeCollected('Q01', r.dossierId, 7);
    const res = await recordCommand(db, [r, fee]);
    expect(res.ok && res.states.map((s) => s.status)).toEqual(['received', 'received']);
    expect(res.ok && res.state.feesPaid).toBeGreaterThan(0);
    expect((await db.outbox.orderBy('ord').toArray()).map((o) => o.eventId)).toEqual([r.id, fee.id]);
    expect((await db.dossiers.get(r.dossierId))!.state.feesPaid).toBeGreaterThan(0);
  });

  it('writes none of a command when its last fact is refused: no event, no projection, no outbox row, no extra row', async () => {
    const db = fresh();
    const r = received('Q01', dossierCode(6));
    const early = returned('Q01', r.dossierId);
    let woken = 0;
    db.onOutboxWritten(() => woken++);
    const res = await recordCommand(db, [r, early], [{ table: 'batches', op: 'put', row: BATCH }]);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.event.id).toBe(early.id);
    expect(await db.events.count()).toBe(0);
    expect(await db.dossiers.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.batches.count()).toBe(0);
    expect(woken).toBe(0);
    expect((await recordCommand(db, [r])).ok).toBe(true);
    expect(woken).toBe(1);
  });

  it('keeps outbox order across dossiers', async () => {
    const db = fresh();
    const a = received('Q01', dossierCode(3));
    const b = received('Q01', dossierCode(4));
    await recordCommand(db, [a]);
    await recordCommand(db, [b]);
    await recordCommand(db, [handedToCourier('Q01', a.dossierId)]);
    const order = (await db.outbox.orderBy('ord').toArray()).map((o) => o.eventId);
    expect(order.length).toBe(3);
    expect(order.slice(0, 2)).toEqual([a.id, b.id]);
  });

  it('eventWrites folds the event onto the row the caller read in its own transaction instead of reading it again', async () => {
    const db = fresh();
    const r = received('Q01', dossierCode(5));
    await recordCommand(db, [r]);
    const handed = handedToCourier('Q01', r.dossierId);
    const write = (read: () => Promise<Parameters<typeof eventWrites>[1]>) =>
      db.transaction('rw', [db.dossiers, db.events, db.outbox], async () => {
        const checked = eventWrites(handed, await read());
        if (checked.ok) await applyWrites(db, checked.writes);
        return checked;
      });
    // The row given wins over the stored one: with "no row" the hand-over is refused and nothing is written.
    const refused = await write(async () => undefined);
    expect(refused.ok).toBe(false);
    expect(await db.outbox.count()).toBe(1);
    const res = await write(() => db.dossiers.get(r.dossierId));
    expect(res.ok).toBe(true);
    expect((await db.dossiers.get(r.dossierId))!.status).toBe(res.ok ? res.state.status : undefined);
    expect(await db.events.get(handed.id)).toBeTruthy();
    expect(await db.outbox.count()).toBe(2);
  });
});

describe('number leases at the counter', () => {
  it('issues leased numbers in order, then the counter fallback range, then nothing', async () => {
    const db = fresh();
    await storeLeases(db, [{ kind: 'dossierSeq', scope: 'A:260112', first: 51, last: 52 }]);
    await storeLeases(db, [{ kind: 'dossierSeq', scope: 'A:260112', first: 51, last: 52 }]);
    expect(await remainingNumbers(db, 'dossierSeq', 'A:260112')).toBe(2);
    const got: number[] = [];
    for (let i = 0; i < 4; i++) got.push((await issueNumber(db, 'dossierSeq', 'A:260112', 3))!.number);
    expect(got).toEqual([51, 52, 9100, 9101]);
    for (let i = 0; i < 48; i++) await issueNumber(db, 'dossierSeq', 'A:260112', 3);
    expect(await issueNumber(db, 'dossierSeq', 'A:260112', 3)).toBeUndefined();
    expect((await issueNumber(db, 'dossierSeq', 'A:260113', 3))!.number).toBe(9100);
  });
});

describe('foldVietnamese', () => {
  it('drops diacritics and đ', () => {
    expect(foldVietnamese('  Nguyễn  ĐỨC Thắng ')).toBe('nguyen duc thang');
  });
});
