// The card's digitisation line, from the synced documentDigitised facts in the dossier's state.
import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../../shared/domain';
import { makeEvent, sampleReceived } from '../../../shared/domain/fixtures';
import type { DossierEvent } from '../../../shared/domain';
import { cardFacts } from './card';

const received = sampleReceived({ seed: 21 });
const copy = (line: number, seed: number) =>
  makeEvent(
    'documentDigitised',
    { line, documentName: `Giấy tờ ${line + 1}`, kind: 'copy', sha256: 'c'.repeat(64), pages: 1, size: 9_000, mediaType: 'application/pdf', source: 'scanner' },
    { dossierId: received.dossierId, seed },
  );
const exempt = (line: number, seed: number) =>
  makeEvent(
    'documentDigitised',
    { line, documentName: `Giấy tờ ${line + 1}`, kind: 'exempt', exemption: 'classified', reason: 'Tài liệu mật theo công văn 12/CV' },
    { dossierId: received.dossierId, seed },
  );

function facts(events: DossierEvent[]) {
  const { state, rejected } = foldEvents([received, ...events]);
  expect(rejected).toEqual([]);
  return cardFacts(state!, new Date('2026-01-13T02:00:00.000Z'));
}

describe('the dossier card’s digitisation line', () => {
  it('counts lines digitised or exempt over the lines received', () => {
    expect(facts([]).digitisation).toBe('Số hóa: 0/3 giấy tờ');
    expect(facts([copy(0, 1), copy(0, 2)]).digitisation).toBe('Số hóa: 1/3 giấy tờ');
    expect(facts([copy(0, 1), exempt(2, 3), copy(1, 4)]).digitisation).toBe('Số hóa: 3/3 giấy tờ (1 không phải số hóa)');
  });

  it('says nothing when the reception listed no documents', () => {
    const none = sampleReceived({ seed: 22, documents: [] });
    const { state } = foldEvents([none]);
    expect(cardFacts(state!).digitisation).toBeUndefined();
  });
});

describe('the dossier card of a dossier received across boundaries', () => {
  it('names the center the result is collected at, as the slip does', () => {
    const across = sampleReceived({ seed: 23 });
    if (across.type !== 'received') throw new Error(across.type);
    const routed = { ...across, payload: { ...across.payload, route: { receivingCenter: '000.22.41.H41', transfer: 'courier' as const, returnCenter: '000.23.41.H41' } } };
    const { state } = foldEvents([routed]);
    const names: Record<string, string> = { '000.22.41.H41': 'Trung tâm Phục vụ hành chính công xã Diễn Châu', '000.23.41.H41': 'Trung tâm Phục vụ hành chính công phường Vinh Hưng' };
    const card = cardFacts(state!, new Date('2026-01-13T02:00:00.000Z'), (code) => names[code]);
    expect(card.collection).toBe('Nhận trực tiếp tại Bộ phận trả kết quả, Trung tâm Phục vụ hành chính công phường Vinh Hưng');
    expect(card.route).toBe('Tiếp nhận tại Trung tâm Phục vụ hành chính công xã Diễn Châu, chuyển qua dịch vụ bưu chính công ích; trả kết quả tại Trung tâm Phục vụ hành chính công phường Vinh Hưng');
    expect(card.originalDue).toMatch(/\(dự kiến, tính lại khi cơ quan có thẩm quyền nhận hồ sơ\)$/);
  });
});
