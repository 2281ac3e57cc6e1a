// documentDigitised: the link between a checklist line and its copy (or exemption) as a dossier fact.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeEvent } from './describe';
import { digitisationProgress, digitisationSummary } from './digitisation';
import { makeEvent, plausibleEvent, sampleEventsTo, sampleReceived } from './fixtures';
import { applyEvent, foldEvents } from './reducer';
import { DOSSIER_STATUSES } from './types';
import type { ApplyResult, DossierState, EventOf, PayloadOf } from './types';

const SHA_A = 'a'.repeat(64);
const SHA_B = '0123456789abcdef'.repeat(4);

function fold(events: Parameters<typeof foldEvents>[0]): DossierState {
  const { state, rejected } = foldEvents(events);
  expect(rejected.map((r) => r.error.message)).toEqual([]);
  return state!;
}

function errorOf(result: ApplyResult) {
  if (result.ok) throw new Error('expected a rejection');
  return result.error;
}

let seed = 1;
const copy = (state: DossierState, line: number, sha256 = SHA_A, pages = 2): EventOf<'documentDigitised'> =>
  makeEvent(
    'documentDigitised',
    { line, documentName: `Giấy tờ ${line + 1}`, kind: 'copy', sha256, pages, size: 120_000, mediaType: 'application/pdf', source: 'camera' },
    { dossierId: state.id, seed: seed++ },
  );
const exempt = (state: DossierState, line: number, reason = 'Chỉ xuất trình bản chính để đối chiếu'): EventOf<'documentDigitised'> =>
  makeEvent('documentDigitised', { line, documentName: `Giấy tờ ${line + 1}`, kind: 'exempt', exemption: 'shownOnly', reason }, { dossierId: state.id, seed: seed++ });

describe('documentDigitised in the state machine', () => {
  it('is accepted, status unchanged, from every status a received dossier can be in', () => {
    for (const status of DOSSIER_STATUSES) {
      for (const by of ['counter', 'department'] as const) {
        const state = fold(sampleEventsTo(status, { seed: 3, by }));
        const result = applyEvent(state, copy(state, 0));
        if (state.code === undefined) {
          // A counter supplement or refusal before reception: no code, no checklist to digitise.
          expect(errorOf(result).code, `${status}/${by}`).toBe('ILLEGAL_TRANSITION');
          expect(errorOf(result).message).toMatch(/chưa được tiếp nhận|chưa tiếp nhận/);
        } else {
          if (!result.ok) throw new Error(`${status}/${by}: ${result.error.message}`);
          expect(result.state.status).toBe(status);
          expect(result.state.digitisation?.[0]).toMatchObject({ kind: 'copy', sha256: SHA_A, pages: 2 });
        }
      }
    }
  });

  it('cannot start a dossier', () => {
    const state = fold([sampleReceived({ seed: 4 })]);
    expect(errorOf(applyEvent(undefined, copy(state, 0))).code).toBe('UNKNOWN_DOSSIER');
  });

  it('records the reception’s checklist size and refuses a line beyond it', () => {
    const state = fold([sampleReceived({ seed: 5 })]);
    expect(state.documentCount).toBe(3);
    const error = errorOf(applyEvent(state, copy(state, 3)));
    expect(error.code).toBe('INVALID_PAYLOAD');
    expect(error.message).toBe('Hồ sơ 000.00.15.H41-260112-0006 chỉ có 3 giấy tờ trong danh mục tiếp nhận, không có giấy tờ số 4 để số hóa. Hãy tải lại hồ sơ và chọn đúng giấy tờ.');
  });

  it('replaces a line’s earlier fact with the later one: a re-capture, or an exemption instead', () => {
    const received = fold([sampleReceived({ seed: 6 })]);
    const first = copy(received, 1, SHA_A, 1);
    const again = { ...copy(received, 1, SHA_B, 3), deviceTime: '2026-01-12T03:00:00.000Z' };
    const state = fold([sampleReceived({ seed: 6 }), first, copy(received, 0), again]);
    expect(state.digitisation?.[1]).toEqual({
      documentName: 'Giấy tờ 2',
      kind: 'copy',
      sha256: SHA_B,
      pages: 3,
      size: 120_000,
      mediaType: 'application/pdf',
      source: 'camera',
      at: '2026-01-12T03:00:00.000Z',
    });
    expect(Object.keys(state.digitisation!).sort()).toEqual(['0', '1']);
    const changed = fold([sampleReceived({ seed: 6 }), first, exempt(received, 1)]);
    expect(changed.digitisation?.[1]).toMatchObject({ kind: 'exempt', exemption: 'shownOnly' });
    expect(changed.digitisation?.[1]).not.toHaveProperty('sha256');
  });

  it('refuses malformed copies and exemptions with Vietnamese reasons', () => {
    const state = fold([sampleReceived({ seed: 8 })]);
    const base = copy(state, 0);
    const bad = (payload: Record<string, unknown>) => errorOf(applyEvent(state, { ...base, payload: { ...base.payload, ...payload } as PayloadOf<'documentDigitised'> }));
    expect(bad({ sha256: 'A'.repeat(64) }).message).toBe('Mã SHA-256 của bản số hóa không hợp lệ (cần 64 ký tự thập lục phân).');
    expect(bad({ sha256: 'a'.repeat(63) }).code).toBe('INVALID_PAYLOAD');
    expect(bad({ pages: 0 }).message).toBe('Bản số hóa phải có ít nhất 1 trang.');
    expect(bad({ pages: 1.5 }).code).toBe('INVALID_PAYLOAD');
    expect(bad({ size: 0 }).message).toBe('Kích thước tệp số hóa không hợp lệ.');
    expect(bad({ mediaType: 'image/gif' }).message).toMatch(/PDF/);
    expect(bad({ source: 'fax' }).message).toMatch(/máy ảnh, máy quét/);
    expect(bad({ line: -1 }).message).toMatch(/số thứ tự dòng/);
    expect(bad({ documentName: ' ' }).message).toBe('Thiếu tên giấy tờ được số hóa.');
    expect(bad({ kind: 'photo' }).message).toMatch(/số hóa hay được miễn/);
    const e = exempt(state, 0);
    const badExempt = (payload: Record<string, unknown>) => errorOf(applyEvent(state, { ...e, payload: { ...e.payload, ...payload } as PayloadOf<'documentDigitised'> }));
    expect(badExempt({ reason: '  ' }).message).toMatch(/^Ghi rõ lý do không số hóa/);
    expect(badExempt({ reason: undefined }).code).toBe('INVALID_PAYLOAD');
    expect(badExempt({ exemption: 'lazy' }).message).toBe('Chọn một trường hợp không phải số hóa theo Thông tư 03/2025.');
    expect(applyEvent(state, e).ok).toBe(true);
  });

  it('describes the fact for the control sheet', () => {
    const state = fold([sampleReceived({ seed: 9 })]);
    expect(describeEvent(copy(state, 0, SHA_A, 3))).toBe('Số hóa giấy tờ số 1 “Giấy tờ 1”: 3 trang, nguồn máy ảnh tài liệu.');
    expect(describeEvent(exempt(state, 2))).toBe('Không số hóa giấy tờ số 3 “Giấy tờ 3”: giấy tờ chỉ xuất trình để đối chiếu (lý do: Chỉ xuất trình bản chính để đối chiếu).');
  });
});

describe('digitisation progress of a dossier', () => {
  it('is complete only when every ticked line is copied or exempt', () => {
    const received = fold([sampleReceived({ seed: 10 })]);
    const partial = fold([sampleReceived({ seed: 10 }), copy(received, 0), exempt(received, 2)]);
    expect(digitisationProgress(partial)).toMatchObject({ complete: false, digitised: 1, exempt: 1, paperOnly: 1 });
    expect(digitisationProgress(partial).lines.map((l) => l.state)).toEqual(['digitised', 'paperOnly', 'exempt']);
    expect(digitisationSummary(partial)).toBe('2/3 giấy tờ (1 không phải số hóa)');
    const full = fold([sampleReceived({ seed: 10 }), copy(received, 0), exempt(received, 2), copy(received, 1)]);
    expect(digitisationProgress(full).complete).toBe(true);
    expect(digitisationSummary(fold([sampleReceived({ seed: 10 }), copy(received, 0)]))).toBe('1/3 giấy tờ');
    expect(digitisationProgress(received)).toMatchObject({ complete: false, paperOnly: 3 });
  });

  it('cannot call a dossier digitised when its checklist size is unknown (a state from before the count)', () => {
    const received = fold([sampleReceived({ seed: 11 })]);
    const { documentCount: _unknown, ...older } = fold([sampleReceived({ seed: 11 }), copy(received, 0)]);
    expect(digitisationProgress(older)).toMatchObject({ complete: false, lines: [] });
    expect(digitisationSummary(older)).toBeUndefined();
  });

  it('keeps, for any order of facts, the last fact of each line, and is complete exactly when every line has one', () => {
    const received = fold([sampleReceived({ seed: 12 })]);
    fc.assert(
      fc.property(fc.array(fc.record({ line: fc.nat({ max: 2 }), exempt: fc.boolean(), pick: fc.nat({ max: 1 }) }), { maxLength: 12 }), (steps) => {
        const events = steps.map((s, i) => {
          const e = s.exempt ? exempt(received, s.line, `Lý do số ${i}`) : copy(received, s.line, s.pick ? SHA_B : SHA_A, i + 1);
          return { ...e, deviceTime: new Date(Date.parse('2026-01-12T03:00:00.000Z') + i * 60_000).toISOString() };
        });
        const state = fold([sampleReceived({ seed: 12 }), ...events]);
        for (let line = 0; line < 3; line++) {
          const last = events.filter((e) => e.payload.line === line).at(-1);
          if (!last) expect(state.digitisation?.[line]).toBeUndefined();
          else expect(state.digitisation?.[line]).toMatchObject({ kind: last.payload.kind, at: last.deviceTime });
        }
        expect(digitisationProgress(state).complete).toBe(new Set(steps.map((s) => s.line)).size === 3);
      }),
      { numRuns: 200 },
    );
  });

  it('has a plausible fixture of both kinds for every received status', () => {
    const state = fold(sampleEventsTo('atDepartment', { seed: 13 }));
    for (const variant of ['copy', 'exempt', undefined]) {
      const result = applyEvent(state, plausibleEvent('documentDigitised', variant, state, { seed: 40 }));
      expect(result.ok, variant).toBe(true);
    }
  });
});
