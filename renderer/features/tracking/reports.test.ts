// The digitisation rate from dossier states: the synced documentDigitised facts, whichever counter
// recorded them, over the documents each reception ticked.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { MotCuaDb, recordCommand } from '../../db';
import { RULE_VERSION, type PayloadOf } from '../../../shared/domain';
import { copyFact, exemptionFact } from '../../../shared/attachments/model';
import { recordDigitised, recordExemption, saveCapture } from '../dossier/digitise/store';
import { statsWorkbook } from './exports';
import { periodOf } from '../../../shared/calendar';
import { allStates, digitisationStats, timelinessStats } from './reports';

const A = '000.00.15.H41';
const sha256 = async (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const names = (id: string) => ({ STP: 'Sở Tư pháp', SXD: 'Sở Xây dựng' })[id];
let db: MotCuaDb;

beforeEach(() => {
  db = new MotCuaDb(`r-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
});

/** A reception recorded as the counter records it, with `documents` ticked checklist lines. */
async function received(n: number, departmentId: string, receivedAt: string, documents = 1): Promise<string> {
  const dossierId = crypto.randomUUID();
  const r = await recordCommand(db, [
    {
      ...meta(dossierId),
      deviceTime: receivedAt,
      type: 'received',
      payload: {
        code: `${A}-260302-${String(n).padStart(4, '0')}`,
        procedureCode: '1.000001',
        procedureName: 'Cấp bản sao trích lục hộ tịch',
        departmentId,
        applicant: { kind: 'individual', name: 'Nguyễn Văn Bình', idNumber: '040085001234' },
        documents: Array.from({ length: documents }, (_, i) => ({ name: i === 0 ? 'Tờ khai' : `Giấy tờ ${i + 1}`, originals: 1, certifiedCopies: 0, copies: 0 })),
        sets: 1,
        processingDays: 5,
        receivedAt,
        dueAt: '2026-04-20T10:00:00.000Z',
        collection: { method: 'desk' },
        fees: [],
      },
    },
  ]);
  if (!r.ok) throw new Error(r.error.message);
  return dossierId;
}

/** A counter's meta for the fact; another counter's id shows the rate is not this counter's alone. */
const meta = (dossierId: string, counterId = 'quay-1') => ({
  id: crypto.randomUUID(),
  dossierId,
  officerId: 'tiepnhan1',
  counterId,
  deviceTime: '2026-03-02T03:00:01.000Z',
  ruleVersion: RULE_VERSION,
});

async function link(dossierId: string, payload: PayloadOf<'documentDigitised'>, counterId?: string) {
  const r = await recordDigitised(db, meta(dossierId, counterId), payload);
  if (!r.ok) throw new Error(r.error.message);
}

/** As the panel does it: the draft (upload queue) first, then the fact. */
async function capture(dossierId: string, line: number) {
  const record = await saveCapture(db, sha256, new TextEncoder().encode(`%PDF-1.4 ${dossierId} ${line}`), {
    dossierId,
    checklistLine: line,
    documentName: 'Tờ khai',
    mediaType: 'application/pdf',
    pages: 1,
    source: 'scanner',
    capturedAt: '2026-03-02T03:00:00.000Z',
    capturedBy: 'tiepnhan1',
  });
  await link(dossierId, copyFact(record));
}
async function exempt(dossierId: string, line: number) {
  const record = { dossierId, checklistLine: line, exemption: 'shownOnly' as const, reason: 'Chỉ xuất trình CCCD để đối chiếu', recordedAt: '2026-03-02T03:00:00.000Z', recordedBy: 'tiepnhan1' };
  await recordExemption(db, record);
  await link(dossierId, exemptionFact(record, 'Tờ khai'));
}
/** A copy made at another counter and pulled here: no draft on this machine, only the fact. */
const capturedElsewhere = (dossierId: string, line: number) =>
  link(dossierId, { line, documentName: 'Tờ khai', kind: 'copy', sha256: 'e'.repeat(64), pages: 2, size: 50_000, mediaType: 'application/pdf', source: 'camera' }, 'quay-7');

describe('digitisation rate in the reports', () => {
  it('counts, per department of the period, the dossiers whose every received document is digitised or exempt', async () => {
    const twoCovered = await received(1, 'STP', '2026-03-02T02:00:00.000Z', 2);
    await capture(twoCovered, 0);
    await exempt(twoCovered, 1);
    await exempt(await received(2, 'STP', '2026-03-03T02:00:00.000Z'), 0);
    // One of two documents digitised: still paper-only for the scorecard.
    await capture(await received(3, 'STP', '2026-03-04T02:00:00.000Z', 2), 0);
    await capturedElsewhere(await received(4, 'SXD', '2026-03-05T02:00:00.000Z'), 0);
    // 01:00 on 1/3 in Vietnam is in March, though still February in UTC; 00:30 on 1/4 is not.
    await received(5, 'STP', '2026-02-28T18:00:00.000Z');
    await capture(await received(6, 'SXD', '2026-03-31T17:30:00.000Z'), 0);

    const p = periodOf('2026-03-01', '2026-03-31');
    if (!p.ok) throw new Error(p.message);
    const stats = digitisationStats(await allStates(db), p.period, names);
    expect(stats.byDepartment).toEqual([
      { key: 'STP', label: 'Sở Tư pháp', received: 4, digitised: 2, rate: 0.5 },
      { key: 'SXD', label: 'Sở Xây dựng', received: 1, digitised: 1, rate: 1 },
    ]);
    expect(stats.total).toEqual({ key: 'all', label: 'Tổng cộng', received: 5, digitised: 3, rate: 0.6 });

    const april = periodOf('2026-04-01', '2026-04-30');
    if (!april.ok) throw new Error(april.message);
    expect(digitisationStats(await allStates(db), april.period, names).byDepartment).toEqual([{ key: 'SXD', label: 'Sở Xây dựng', received: 1, digitised: 1, rate: 1 }]);

    const bytes = await statsWorkbook(timelinessStats([], p.period, new Date('2026-04-02T00:00:00Z'), names), p.period, stats);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = wb.getWorksheet('Số hóa')!;
    const rows = sheet
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows).toEqual([
      ['Tỷ lệ hồ sơ số hóa khi tiếp nhận từ 01/03/2026 đến 31/03/2026'],
      ['Cơ quan giải quyết', 'Hồ sơ tiếp nhận', 'Đã số hóa đầy đủ', 'Tỷ lệ số hóa (%)'],
      ['Sở Tư pháp', 4, 2, 50],
      ['Sở Xây dựng', 1, 1, 100],
      ['Tổng cộng', 5, 3, 60],
    ]);
  });

  it('shows no rate, not 0 %, for a period without receptions', async () => {
    const p = periodOf('2026-05-01', '2026-05-31');
    if (!p.ok) throw new Error(p.message);
    expect(digitisationStats(await allStates(db), p.period, names)).toEqual({ byDepartment: [], total: { key: 'all', label: 'Tổng cộng', received: 0, digitised: 0, rate: undefined } });
  });
});

describe('what the rate counts', () => {
  it('counts the synced facts, not this counter’s drafts, and the latest fact per line', async () => {
    const p = periodOf('2026-03-01', '2026-03-31');
    if (!p.ok) throw new Error(p.message);
    const draftOnly = await received(11, 'STP', '2026-03-02T02:00:00.000Z');
    await saveCapture(db, sha256, new TextEncoder().encode('%PDF-1.4 draft only'), {
      dossierId: draftOnly,
      checklistLine: 0,
      documentName: 'Tờ khai',
      mediaType: 'application/pdf',
      pages: 1,
      source: 'file',
      capturedAt: '2026-03-02T03:00:00.000Z',
      capturedBy: 'tiepnhan1',
    });
    const twice = await received(12, 'STP', '2026-03-02T02:00:00.000Z', 2);
    await capturedElsewhere(twice, 0);
    await capturedElsewhere(twice, 0);
    expect((await db.dossiers.get(twice))!.state.digitisation).toHaveProperty('0');
    expect(digitisationStats(await allStates(db), p.period, names).total).toMatchObject({ received: 2, digitised: 0 });
    await exempt(twice, 1);
    await link(draftOnly, { line: 0, documentName: 'Tờ khai', kind: 'exempt', exemption: 'submittedOnline', reason: 'Nộp trực tuyến, mã 2603-0099' });
    expect(digitisationStats(await allStates(db), p.period, names).total).toMatchObject({ received: 2, digitised: 2, rate: 1 });
  });
});
