// The panel's link between drafts (the upload queue) and the dossier fact documentDigitised, and
// what each checklist line says, read from the dossier's state first.
import { createHash } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { copyFact, exemptionFact, type ExemptionRecord } from '../../../../shared/attachments/model';
import type { AttachmentTransport } from '../../../../shared/attachments/upload';
import { RULE_VERSION, type DossierState } from '../../../../shared/domain';
import { sampleReceived } from '../../../../shared/domain/fixtures';
import { MotCuaDb, recordCommand } from '../../../db';
import { CAPTURED_ELSEWHERE, lineViews } from './lines';
import { dossierAttachments, evictConfirmed, pumpUploads, recordDigitised, recordExemption, saveCapture, unrecordedFacts } from './store';

const sha256 = async (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const NAMES = ['Đơn đề nghị cấp giấy phép xây dựng', 'Giấy chứng nhận quyền sử dụng đất', 'Bản vẽ thiết kế xây dựng'];
const nameOf = (line: number) => NAMES[line]!;
let db: MotCuaDb;
let dossierId: string;
let clock = 0;
const meta = () => ({
  id: crypto.randomUUID(),
  dossierId,
  officerId: 'tiepnhan1',
  counterId: 'quay-5',
  deviceTime: new Date(Date.parse('2026-01-12T03:00:00.000Z') + clock++ * 1000).toISOString(),
  ruleVersion: RULE_VERSION,
});
const at = (n: number) => new Date(Date.parse('2026-01-12T03:00:00.000Z') + n * 1000 - 500).toISOString();

beforeEach(async () => {
  db = new MotCuaDb(`d-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const received = sampleReceived({ seed: 31 });
  dossierId = received.dossierId;
  clock = 0;
  const r = await recordCommand(db, [received]);
  if (!r.ok) throw new Error(r.error.message);
});

const state = async (): Promise<DossierState> => (await db.dossiers.get(dossierId))!.state;
const capture = (line: number, text: string, when: string) =>
  saveCapture(db, sha256, new TextEncoder().encode(`%PDF-1.4 ${text}`), {
    dossierId,
    checklistLine: line,
    documentName: nameOf(line),
    mediaType: 'application/pdf',
    pages: 2,
    source: 'camera',
    capturedAt: when,
    capturedBy: 'tiepnhan1',
  });
const exemption = (line: number, when: string): ExemptionRecord => ({
  dossierId,
  checklistLine: line,
  exemption: 'shownOnly',
  reason: 'Bản chính chỉ xuất trình để đối chiếu',
  recordedAt: when,
  recordedBy: 'tiepnhan1',
});

describe('recording the link as a dossier fact', () => {
  it('writes the event and its outbox row, so the link syncs like every other fact', async () => {
    const record = await capture(0, 'đơn', at(0));
    const r = await recordDigitised(db, meta(), copyFact(record));
    expect(r.ok).toBe(true);
    const outbox = await db.outbox.where('dossierId').equals(dossierId).toArray();
    expect(outbox.map((o) => o.event.type)).toEqual(['received', 'documentDigitised']);
    expect((await state()).digitisation?.[0]).toMatchObject({ kind: 'copy', sha256: record.sha256, pages: 2, documentName: NAMES[0] });
  });

  it('refuses a line the reception did not tick, and writes nothing', async () => {
    const record = await capture(0, 'đơn', at(0));
    const r = await recordDigitised(db, meta(), { ...copyFact(record), line: 5 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/chỉ có 3 giấy tờ/);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('drafts whose fact is missing', () => {
  it('finds a saved capture or exemption without its fact, and nothing once recorded', async () => {
    const record = await capture(0, 'đơn', at(0));
    await recordExemption(db, exemption(2, at(0)));
    let found = await dossierAttachments(db, dossierId);
    const missing = unrecordedFacts(await state(), found.attachments, found.exemptions, nameOf);
    expect(missing).toEqual([copyFact(record), exemptionFact(exemption(2, at(0)), NAMES[2]!)]);
    for (const fact of missing) expect((await recordDigitised(db, meta(), fact)).ok).toBe(true);
    found = await dossierAttachments(db, dossierId);
    expect(unrecordedFacts(await state(), found.attachments, found.exemptions, nameOf)).toEqual([]);
  });

  it('leaves alone a draft that a later fact for the line replaced (a re-capture elsewhere, or an exemption)', async () => {
    const old = await capture(1, 'bản cũ', at(0));
    expect((await recordDigitised(db, meta(), copyFact(old))).ok).toBe(true);
    expect((await recordDigitised(db, meta(), exemptionFact(exemption(1, at(1)), NAMES[1]!))).ok).toBe(true);
    const found = await dossierAttachments(db, dossierId);
    expect(unrecordedFacts(await state(), found.attachments, found.exemptions, nameOf)).toEqual([]);
    // A capture saved after that fact but never linked is offered again.
    const newer = await capture(1, 'bản mới', at(5));
    const again = await dossierAttachments(db, dossierId);
    expect(unrecordedFacts(await state(), again.attachments, again.exemptions, nameOf)).toEqual([copyFact(newer)]);
  });
});

describe('what each line says', () => {
  it('reads the state first: a copy from another counter, an exemption, paper only', async () => {
    expect(
      (await recordDigitised(db, meta(), { line: 0, documentName: NAMES[0]!, kind: 'copy', sha256: 'b'.repeat(64), pages: 3, size: 9_000, mediaType: 'application/pdf', source: 'scanner' })).ok,
    ).toBe(true);
    expect((await recordDigitised(db, meta(), exemptionFact(exemption(1, at(1)), NAMES[1]!))).ok).toBe(true);
    const { progress, lines } = lineViews(await state(), 3, []);
    expect(progress).toMatchObject({ digitised: 1, exempt: 1, paperOnly: 1, complete: false });
    expect(lines.map((l) => l.text)).toEqual([
      `Đã số hóa (3 trang, ${CAPTURED_ELSEWHERE})`,
      'Không số hóa: Giấy tờ chỉ xuất trình để đối chiếu (lý do: Bản chính chỉ xuất trình để đối chiếu)',
      'Chỉ có bản giấy',
    ]);
  });

  it('shows upload progress from the drafts, and stays digitised after the local bytes are evicted', async () => {
    const record = await capture(0, 'đơn', at(0));
    expect((await recordDigitised(db, meta(), copyFact(record))).ok).toBe(true);
    const drafts = async () => (await dossierAttachments(db, dossierId)).attachments;
    expect(lineViews(await state(), 3, await drafts()).lines[0]!.text).toBe('Đã số hóa (2 trang, đã lưu trên máy quầy, chờ gửi)');
    const stored = new Set<string>();
    const transport: AttachmentTransport = {
      status: async (sha) => (stored.has(sha) ? { state: 'stored' } : { state: 'absent' }),
      putChunk: async () => undefined,
      complete: async (m) => (stored.add(m.sha256), { sha256: m.sha256, size: m.size, duplicate: false }),
    };
    expect((await pumpUploads(db, transport)).confirmed).toHaveLength(1);
    expect(await evictConfirmed(db, '2026-02-01T00:00:00.000Z')).toBe(1);
    const { progress, lines } = lineViews(await state(), 3, await drafts());
    expect(lines[0]!.text).toBe('Đã số hóa (2 trang, máy chủ đã nhận)');
    expect(progress.digitised).toBe(1);
    // A draft that no fact names (its line was re-captured since) says nothing about the line.
    expect(lineViews(await state(), 3, [{ ...record, sha256: 'f'.repeat(64), upload: 'local' }]).lines[0]!.text).toBe(`Đã số hóa (2 trang, ${CAPTURED_ELSEWHERE})`);
  });

  it('before the reception reached this store, shows the checklist on screen as paper only', () => {
    expect(lineViews(undefined, 2, []).lines.map((l) => l.state)).toEqual(['paperOnly', 'paperOnly']);
  });
});
