import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDemoCatalogue } from '../../../shared/catalogue';
import { DEMO_QUEUE_CONFIG, loadQueueConfig, parseQueueConfig, QueueConfigError } from './config';
import { createQueueService } from './service';

const config = loadQueueConfig(DEMO_QUEUE_CONFIG);
const lan = { id: 'lan', name: 'Nguyễn Thị Lan' };
const hung = { id: 'hung', name: 'Trần Văn Hùng' };

function service(start = '2026-12-07T01:00:00.000Z') {
  let now = Date.parse(start);
  const s = createQueueService({ dir: mkdtempSync(join(tmpdir(), 'motcua-queue-')), config, now: () => new Date(now) });
  return { s, later: (minutes: number) => (now += minutes * 60_000) };
}

describe('the demo lines', () => {
  it('cover every field of the demo catalogue once, each in a line for handing in', () => {
    const csv = readFileSync(new URL('../../../assets/catalogue/catalogue-demo.csv', import.meta.url), 'utf8');
    const fields = new Set(parseDemoCatalogue(csv).procedures.map((p) => p.field));
    const listed = config.lines.filter((l) => l.desk === 'receive').flatMap((l) => l.fields);
    expect(new Set(listed)).toEqual(fields);
    expect(listed).toHaveLength(fields.size);
  });

  it('a bad file is refused in Vietnamese, naming what to fix', () => {
    expect(() => parseQueueConfig({ center: ['TT'], lines: [{ id: 'A', prefix: 1, name: 'x', desk: 'receive', fields: [] }] })).toThrow(QueueConfigError);
    expect(() => parseQueueConfig({ center: ['TT'], lines: [{ id: 'a', prefix: 0, name: 'x', desk: 'receive', fields: [] }] })).toThrow(/hàng chờ thứ 1: "prefix"/);
    expect(() => parseQueueConfig({ center: ['TT'], lines: [config.lines[0], { ...config.lines[1], prefix: config.lines[0]!.prefix }] })).toThrow(/trùng "prefix"/);
  });
});

describe('the queue service', () => {
  it('numbers per line with its prefix, tells how many wait ahead, calls the oldest of the lines a counter serves', async () => {
    const { s, later } = service();
    expect((await s.issue('dn')).number).toBe(1001);
    later(1);
    expect(await s.issue('kq')).toMatchObject({ number: 5001, waitingAhead: 0 });
    later(1);
    expect(await s.issue('dn')).toMatchObject({ number: 1002, waitingAhead: 1 });
    await expect(s.issue('nope')).rejects.toThrow('Không có hàng chờ này');
    expect(s.callNext(3, ['kq', 'dn'], lan).number).toBe(1001);
    expect(() => s.callNext(3, ['kq', 'dn'], lan)).toThrow('Quầy 3 đang phục vụ số 1001');
    expect(s.counterView(3, ['kq', 'dn'])).toMatchObject({ current: { number: 1001, lineName: 'Doanh nghiệp, đầu tư, kinh doanh' }, waiting: 2 });
    expect(s.hallView().calls[0]!.announcement.text).toBe('Mời công dân có số thứ tự 1001 đến quầy số 3');
  });

  it('skips, calls again, transfers to another counter first in its line, and takes one rating per service', async () => {
    const { s, later } = service();
    await s.issue('dn');
    await s.issue('dn');
    s.callNext(1, ['dn'], lan);
    s.callAgain(1, lan);
    expect(s.hallView().calls.map((c) => c.number)).toEqual([1001, 1001]);
    s.transfer(1, 2);
    expect(s.callNext(1, ['dn'], lan).number).toBe(1002);
    expect(s.callNext(2, [], hung).number).toBe(1001);
    s.skip(1);
    later(4);
    s.serve(2, hung, ['000.00.15.H41-261207-0001']);
    const code = s.counterView(2, []).pairingCode;
    expect(s.ratingView(code)).toEqual({ counter: 2, pending: { number: 1001, officerName: 'Trần Văn Hùng' } });
    expect(() => s.ratingView('000000')).toThrow('Mã ghép không đúng');
    s.rate(code, 1001, 'good', ' Nhanh ');
    expect(() => s.rate(code, 1001, 'poor', '')).toThrow('đã được đánh giá');
    expect(s.ratingView(code)).toEqual({ counter: 2 });
    const report = s.report('2026-12-07', '2026-12-07');
    expect(report.total).toMatchObject({ issued: 2, served: 1, skipped: 1 });
    expect(report.byCounter.find((r) => r.key === '2')).toMatchObject({ served: 1, serveMinutes: 4 });
    expect(report.ratings).toEqual([{ at: '2026-12-07T01:04:00.000Z', number: 1001, counter: 2, officer: hung, rating: 'good', reason: 'Nhanh', dossiers: ['000.00.15.H41-261207-0001'] }]);
    expect(report.ratingsByOfficer).toEqual([{ key: 'hung', label: 'Trần Văn Hùng', counts: { veryGood: 0, good: 1, poor: 0 }, total: 1, satisfied: 1 }]);
  });

  it('starts the numbers again on a new Vietnam day', async () => {
    const { s, later } = service('2026-12-07T16:50:00.000Z');
    expect((await s.issue('dn')).number).toBe(1001);
    later(15); // 00:05 on 08/12 in Vietnam
    expect((await s.issue('dn')).number).toBe(1001);
    expect(s.report('2026-12-07', '2026-12-08').total.issued).toBe(2);
  });
});
