import { describe, expect, test } from 'vitest';
import type { ConflictRecord } from '../../../shared/sync/protocol';
import { nameBook } from '../../kiosk/names';
import { returned } from '../../../tests/sync/events';
import type { OutboxRow } from '../../db/schema';
import { checkResolutionNote, conflictView, MAX_NOTE_LENGTH, setAsideView } from './conflicts';

const OWN = { counterId: 'quay-1', counterName: 'Quầy 1 – Giám sát', officerId: 'staff-1', officerName: 'Lê Minh Châu' };

const RECORD: ConflictRecord = {
  eventId: '7b1c8a9e-2f0d-4c43-9d2a-111111111111',
  seq: 42,
  dossierId: '0c3e2d7a-5b8f-4f7e-8a11-222222222222',
  dossierCode: '000.00.15.H41-260112-0007',
  eventType: 'returned',
  counterId: 'quay-9',
  counterName: null,
  officerId: 'staff-7',
  code: 'INVALID_TRANSITION',
  message: 'Hồ sơ đã được trả kết quả, không thể trả lại lần nữa.',
  createdAt: '2026-01-12T03:05:00.000Z',
  resolvedBy: null,
  resolvedAt: null,
  resolutionNote: null,
};

describe('checkResolutionNote', () => {
  test('refuses an empty or too short note with a Vietnamese reason', () => {
    for (const text of ['', '   ', 'đã xong']) {
      const check = checkResolutionNote(text);
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.message).toBe('Hãy ghi rõ cách đã xử lý xung đột (ít nhất 10 ký tự).');
    }
  });

  test('refuses a note longer than the server accepts', () => {
    const check = checkResolutionNote('a'.repeat(MAX_NOTE_LENGTH + 1));
    expect(check.ok).toBe(false);
  });

  test('keeps the words and collapses stray whitespace', () => {
    expect(checkResolutionNote('  Đã gọi công dân,\n  kết quả trả tại quầy 8 ')).toEqual({ ok: true, note: 'Đã gọi công dân, kết quả trả tại quầy 8' });
  });
});

describe('conflictView', () => {
  test('shows the code, the action in Vietnamese, the counter and the officer by name and Việt Nam time', () => {
    const view = conflictView(RECORD, nameBook([{ id: 'staff-7', fullName: 'Trần Văn Hùng' }], [{ counterId: 'quay-9', counterName: 'Quầy 9 – Trả kết quả' }], OWN));
    expect(view).toEqual({
      eventId: RECORD.eventId,
      dossierId: RECORD.dossierId,
      dossierCode: '000.00.15.H41-260112-0007',
      action: 'Trả kết quả',
      message: RECORD.message,
      counter: 'Quầy 9 – Trả kết quả',
      officer: 'Trần Văn Hùng',
      at: '10:05 12/01/2026',
    });
  });

  test('falls back when the dossier has no code yet or the officer and counter are not in the synced lists', () => {
    const view = conflictView({ ...RECORD, dossierCode: null, eventType: 'somethingNew' }, nameBook([], [], OWN));
    expect(view.dossierCode).toBe('Chưa có mã hồ sơ');
    expect(view.officer).toBe('cán bộ mã staff-7');
    expect(view.counter).toBe('quầy mã quay-9');
    // This counter and the officer signed in are named before any list arrives.
    expect(conflictView({ ...RECORD, counterId: 'quay-1', officerId: 'staff-1' }, nameBook([], [], OWN))).toMatchObject({ counter: 'Quầy 1 – Giám sát', officer: 'Lê Minh Châu' });
    expect(view.action).toBe('SomethingNew');
  });

  test('a counter enrolled since the names were fetched is named by the server', () => {
    expect(conflictView({ ...RECORD, counterName: 'Quầy 12 – Trả kết quả' }, nameBook([], [], OWN)).counter).toBe('Quầy 12 – Trả kết quả');
  });
});

describe('setAsideView', () => {
  test('says what the server refused, why, and what the supervisor should do, in Vietnamese', () => {
    const row: OutboxRow = {
      ord: 3,
      eventId: RECORD.eventId,
      dossierId: RECORD.dossierId,
      event: { ...returned('quay-9', RECORD.dossierId), officerId: 'staff-7' },
      status: 'refused',
      refusal: { code: 'INVALID_TEXT', field: '/payload/recipient/name', message: 'Trường /payload/recipient/name chứa ký tự NUL (mã 0).', at: '2026-01-12T03:06:00.000Z' },
      recordedAt: '2026-01-12T03:05:00.000Z',
    };
    const view = setAsideView(row, '000.00.15.H41-260112-0007', nameBook([{ id: 'staff-7', fullName: 'Trần Văn Hùng' }], [], OWN));
    expect(view).toMatchObject({ dossierCode: '000.00.15.H41-260112-0007', action: 'Trả kết quả', officer: 'Trần Văn Hùng', recordedAt: '10:05 12/01/2026', refusedAt: '10:06 12/01/2026' });
    expect(view.reason).toMatch(/^Trường \/payload\/recipient\/name chứa ký tự NUL/);
    expect(view.reason).toContain('chưa có trên máy chủ Trung tâm');
  });
});
