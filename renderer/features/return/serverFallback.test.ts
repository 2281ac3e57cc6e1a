// The desk's fallback to the server for dossiers this counter no longer holds (dossier/find.ts).
import { describe, expect, it } from 'vitest';
import { dossierBarcodeKey } from '../../../shared/codes';
import { foldEvents } from '../../../shared/domain';
import { sampleEventsTo } from '../../../shared/domain/fixtures';
import { serverCopyNotice } from '../dossier/card';
import { findDossiersOnServer, isServerCopy, serverLookupKeys } from '../dossier/find';

const AGENCY = '000.00.15.H41';
const TABLE = [AGENCY, AGENCY];

describe('serverLookupKeys', () => {
  it('asks by code for a full code, a status-page URL or a barcode key, then by ID number, then phone; never by name', () => {
    const code = `${AGENCY}-260302-0007`;
    expect(serverLookupKeys(code, TABLE)).toEqual([{ key: 'code', value: code }]);
    expect(serverLookupKeys(`https://dichvucong.nghean.gov.vn/tra-cuu/${code}`, TABLE)).toEqual([{ key: 'code', value: code }]);
    const key = dossierBarcodeKey({ agencyIndex: 1, date: '2026-03-02', seq: 7 });
    expect(serverLookupKeys(key, TABLE)[0]).toEqual({ key: 'code', value: code });
    expect(serverLookupKeys('040 085 001 234', TABLE)).toEqual([{ key: 'idNumber', value: '040085001234' }]);
    expect(serverLookupKeys('+84 912 345 678', TABLE)).toEqual([{ key: 'phone', value: '0912345678' }]);
    expect(serverLookupKeys('nguyen van binh', TABLE)).toEqual([]);
    expect(serverLookupKeys('  ', TABLE)).toEqual([]);
  });
});

describe('findDossiersOnServer', () => {
  const events = sampleEventsTo('returned', { seed: 3 });
  const state = foldEvents(events).state!;
  const answer = {
    dossiers: [
      {
        snapshot: { id: state.id, code: state.code, status: state.status, state, lastSeq: 42, registerYear: 2026, registerNumber: 17, openConflicts: 0 },
        events: [...events.map((event, i) => ({ seq: i + 1, event, conflict: null })), { seq: 99, event: events[0], conflict: { code: 'ILLEGAL_TRANSITION' } }],
      },
    ],
  };
  const server = (handler: (url: string, init?: RequestInit) => Promise<Response>) => ({ baseUrl: 'http://may-chu:8080/', token: 'dev_abc', fetch: handler as typeof fetch });

  it('turns the answer into read-only rows carrying their trail (conflicting facts left out), with the device credential', async () => {
    const calls: { url: string; auth?: string }[] = [];
    const out = await findDossiersOnServer(
      server(async (url, init) => {
        calls.push({ url, auth: (init?.headers as Record<string, string>).authorization });
        return new Response(JSON.stringify(answer), { status: 200 });
      }),
      [{ key: 'code', value: state.code! }],
      () => new Date('2026-03-12T03:00:00.000Z'),
    );
    expect(calls).toEqual([{ url: `http://may-chu:8080/v1/dossiers?code=${encodeURIComponent(state.code!)}`, auth: 'Bearer dev_abc' }]);
    if (!out.ok) throw new Error(out.message);
    const [row] = out.rows;
    expect(isServerCopy(row!)).toBe(true);
    expect(row).toMatchObject({ id: state.id, code: state.code, status: 'returned', serverSeq: 42, registerNumber: 17, registerYear: 2026, applicantIdNumber: expect.any(String) });
    expect(row!.serverCopy.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(row!.serverCopy.fetchedAt).toBe('2026-03-12T03:00:00.000Z');
    expect(isServerCopy({ ...row!, serverCopy: undefined } as never)).toBe(false);
    expect(serverCopyNotice(row!.state)).toMatch(/^Hồ sơ lấy từ máy chủ \(đã xoá khỏi máy quầy theo quy định lưu trữ\)/);
  });

  it('tries the next key when the server has no dossier under the first (a CCCD that reads as a barcode key)', async () => {
    const asked: string[] = [];
    const out = await findDossiersOnServer(
      server(async (url) => {
        asked.push(url.split('?')[1]!);
        return url.includes('code=') ? new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Không có' } }), { status: 404 }) : new Response(JSON.stringify(answer), { status: 200 });
      }),
      [
        { key: 'code', value: `${AGENCY}-260302-0007` },
        { key: 'idNumber', value: '040085001234' },
      ],
    );
    expect(asked).toEqual([`code=${encodeURIComponent(`${AGENCY}-260302-0007`)}`, 'idNumber=040085001234']);
    expect(out.ok && out.rows).toHaveLength(1);
    const none = await findDossiersOnServer(
      server(async () => new Response('{}', { status: 404 })),
      [{ key: 'code', value: 'x' }],
    );
    expect(none).toEqual({ ok: true, rows: [] });
  });

  it('offline, says the dossier is only on the server; on a server error, passes its Vietnamese message on', async () => {
    const offline = await findDossiersOnServer(
      server(async () => {
        throw new TypeError('Failed to fetch');
      }),
      [{ key: 'code', value: `${AGENCY}-260302-0007` }],
    );
    expect(offline).toEqual({ ok: false, offline: true, message: expect.stringMatching(/^Hồ sơ 000\.00\.15\.H41-260302-0007 không có trên máy này.*mất kết nối.*chỉ còn trên máy chủ Trung tâm/) });
    const failed = await findDossiersOnServer(
      server(async () => new Response(JSON.stringify({ error: { code: 'UNKNOWN_DEVICE', message: 'Máy quầy này chưa được đăng ký với máy chủ Trung tâm.' } }), { status: 401 })),
      [{ key: 'phone', value: '0912345678' }],
    );
    expect(failed).toEqual({ ok: false, offline: false, message: 'Máy chủ Trung tâm không tra cứu được hồ sơ: Máy quầy này chưa được đăng ký với máy chủ Trung tâm.' });
  });
});
