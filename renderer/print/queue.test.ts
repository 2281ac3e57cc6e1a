import { describe, expect, it } from 'vitest';
import type { PrintOutcome, PrinterConfig } from '../../shared/host';
import type { PrintDocument } from '../../shared/documents/model';
import { HostCallError } from '../host';
import { backoffDelay, MemoryPrintJobStore, PrintQueue, type DeliverCopy } from './queue';

const PRINTER: PrinterConfig = { id: 'p1', name: 'Máy in phiếu', transport: 'network', address: 'x', paper: '80mm', roles: ['slip'], copies: {} };
const DOC: PrintDocument = { kind: 'appointmentSlip', layout: 'thermal', formSet: '2018', title: 'Giấy tiếp nhận', reprint: false, blocks: [] };
const offline: PrintOutcome = { ok: false, retryable: true, status: { state: 'offline', message: 'Máy in không kết nối.' } };

function setup(outcomes: PrintOutcome[]) {
  let clock = 1_000;
  let ids = 0;
  const store = new MemoryPrintJobStore();
  const printed: PrintDocument[] = [];
  const deliver: DeliverCopy = async (doc) => {
    const outcome = outcomes.shift() ?? { ok: true, bytes: 1 };
    if (outcome.ok) printed.push(doc);
    return outcome;
  };
  const make = () => new PrintQueue({ store, printers: async () => [PRINTER], deliver, now: () => clock, newId: () => `job-${++ids}`, backoff: { baseMs: 100, maxMs: 1_000 } });
  return { store, printed, make, advance: (ms: number) => (clock += ms) };
}

describe('print queue', () => {
  it('backs off exponentially up to the cap', () => {
    expect([1, 2, 3, 4, 5, 10].map((a) => backoffDelay(a, 100, 1_000))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('keeps a job queued while the printer is off and prints it once when it is back', async () => {
    const { store, printed, make, advance } = setup([offline, offline]);
    const queue = make();
    const result = await queue.enqueue({ printerId: 'p1', document: DOC });
    expect(result.ok).toBe(true);
    await queue.runDue();
    let job = (await store.get('job-1'))!;
    expect(job.state).toBe('queued');
    expect(job.lastError).toBe('Máy in không kết nối.');
    expect(job.nextAttemptAt).toBe(1_100);
    await queue.runDue();
    expect((await store.get('job-1'))!.attempts).toBe(1);
    advance(100);
    await queue.runDue();
    job = (await store.get('job-1'))!;
    expect(job.nextAttemptAt).toBe(1_300);
    advance(200);
    await queue.runDue();
    await queue.runDue();
    expect((await store.get('job-1'))!.state).toBe('done');
    expect(printed).toHaveLength(1);
  });

  it('survives a restart: a job left printing asks staff about its copy in flight, then prints the rest', async () => {
    const { store, printed, make } = setup([]);
    await store.put({ id: 'old', printerId: 'p1', document: DOC, copies: 3, copiesDone: 1, state: 'printing', attempts: 1, nextAttemptAt: 0, createdAt: 0 });
    const queue = make();
    await queue.start();
    await queue.runDue();
    expect((await store.get('old'))!.state).toBe('unconfirmed');
    expect(printed).toHaveLength(0);
    expect(await queue.confirmPrinted('old')).toBe(true);
    await queue.runDue();
    queue.stop();
    expect((await store.get('old'))!).toMatchObject({ state: 'done', copiesDone: 3 });
    expect(printed).toHaveLength(1);
  });

  it('never sends again a copy the printer did not confirm, until staff answer', async () => {
    const silent: PrintOutcome = { ok: false, retryable: false, unconfirmed: true, status: { state: 'unknown', message: 'Máy in không xác nhận.' } };
    const { store, printed, make, advance } = setup([silent, silent]);
    const queue = make();
    await queue.enqueue({ printerId: 'p1', document: DOC, copies: 2 });
    await queue.enqueue({ printerId: 'p1', document: DOC });
    for (let i = 0; i < 5; i++) {
      await queue.runDue();
      advance(10_000);
    }
    expect(printed).toHaveLength(0);
    // The first job's copy and the second job are both unconfirmed: nothing was sent twice.
    expect((await store.get('job-1'))!).toMatchObject({ state: 'unconfirmed', copiesDone: 0, attempts: 1, lastError: 'Máy in không xác nhận.' });
    expect((await store.get('job-2'))!).toMatchObject({ state: 'unconfirmed', attempts: 1 });
    expect(await queue.retry('job-1')).toBe(false);

    // "Đã in": that copy counts and the second copy prints; "In lại": the same copy again.
    expect(await queue.confirmPrinted('job-1')).toBe(true);
    expect(await queue.printAgain('job-2')).toBe(true);
    await queue.runDue();
    expect((await store.get('job-1'))!).toMatchObject({ state: 'done', copiesDone: 2 });
    expect((await store.get('job-2'))!).toMatchObject({ state: 'done', copiesDone: 1 });
    expect(printed).toHaveLength(2);
    expect(await queue.confirmPrinted('job-1')).toBe(false);
  });

  it('cancels a waiting job, and reprints are marked BẢN IN LẠI', async () => {
    const { store, printed, make } = setup([offline]);
    const queue = make();
    await queue.enqueue({ printerId: 'p1', document: DOC });
    await queue.runDue();
    expect(await queue.cancel('job-1')).toBe(true);
    await queue.runDue();
    expect((await store.get('job-1'))!.state).toBe('cancelled');
    expect(printed).toHaveLength(0);
    const reprint = await queue.reprint('job-1');
    expect(reprint.ok).toBe(true);
    await queue.runDue();
    expect(printed).toHaveLength(1);
    expect(printed[0]!.reprint).toBe(true);
    expect((await store.get('job-2'))!.reprintOf).toBe('job-1');
  });

  it('fails without retry on a non-retryable outcome, and never throws from enqueue', async () => {
    const { store, make } = setup([{ ok: false, retryable: false, status: { state: 'error', message: 'Sai khổ giấy.' } }]);
    const queue = make();
    await queue.enqueue({ printerId: 'p1', document: DOC });
    await queue.runDue();
    expect((await store.get('job-1'))!.state).toBe('failed');
    const broken = new PrintQueue({
      store: { put: async () => Promise.reject(new Error('disk full')), get: async () => undefined, listByState: async () => [] },
      printers: async () => [PRINTER],
      deliver: async () => ({ ok: true, bytes: 1 }),
      log: () => undefined,
    });
    const result = await broken.enqueue({ printerId: 'p1', document: DOC });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('Hồ sơ đã lưu');
  });

  it('prints every copy and counts them', async () => {
    const { store, printed, make } = setup([]);
    const queue = make();
    await queue.enqueue({ printerId: 'p1', document: DOC, copies: 2 });
    await queue.runDue();
    expect(printed).toHaveLength(2);
    expect((await store.get('job-1'))!.copiesDone).toBe(2);
  });

  describe("while the machine's local service is away (a restart)", () => {
    const away = () => new HostCallError('HOST_UNREACHABLE', 'Không liên lạc được với dịch vụ máy cục bộ.');
    function hostSetup(printersNow: () => PrinterConfig[] | 'away', deliverAway: () => boolean = () => false) {
      let clock = 1_000;
      const store = new MemoryPrintJobStore();
      const printed: { doc: PrintDocument; printerId: string }[] = [];
      let listed = 0;
      const queue = new PrintQueue({
        store,
        printers: async () => {
          listed += 1;
          const now = printersNow();
          if (now === 'away') throw away();
          return now;
        },
        deliver: async (doc, printer) => {
          if (deliverAway()) throw away();
          printed.push({ doc, printerId: printer.id });
          return { ok: true, bytes: 1 };
        },
        now: () => clock,
        newId: () => 'job-1',
        backoff: { baseMs: 100, maxMs: 1_000 },
        log: () => undefined,
      });
      return { store, printed, queue, advance: (ms: number) => (clock += ms), listed: () => listed };
    }

    it('keeps a job queued for its role, asks again only after a pause, and prints it on the printer serving the role, with its copies, once the service answers', async () => {
      let state: PrinterConfig[] | 'away' = 'away';
      const { store, printed, queue, advance, listed } = hostSetup(() => state);
      expect(await queue.enqueue({ role: 'slip', document: DOC })).toEqual({ ok: true, jobId: 'job-1' });
      await queue.runDue();
      expect((await store.get('job-1'))!).toMatchObject({ state: 'queued', printerId: '', awaitsPrinter: { role: 'slip' }, attempts: 0 });
      await queue.runDue();
      expect(listed()).toBe(1);
      state = [
        { ...PRINTER, id: 'other', roles: ['receipt'] },
        { ...PRINTER, id: 'slips', copies: { slip: 2 } },
      ];
      advance(100);
      await queue.runDue();
      expect(printed.map((p) => p.printerId)).toEqual(['slips', 'slips']);
      const job = (await store.get('job-1'))!;
      expect(job).toMatchObject({ state: 'done', printerId: 'slips', copies: 2, copiesDone: 2 });
      expect(job.awaitsPrinter).toBeUndefined();
    });

    it('fails a job for a role no printer serves, saying what to do', async () => {
      const { store, queue } = hostSetup(() => [PRINTER]);
      await queue.enqueue({ role: 'handover', document: DOC });
      await queue.runDue();
      expect((await store.get('job-1'))!).toMatchObject({ state: 'failed', lastError: expect.stringMatching(/Chưa có máy in nào được chọn/) });
    });

    it('keeps a job queued, never failed, when the service goes away as the copy is sent', async () => {
      let gone = true;
      const { store, printed, queue, advance } = hostSetup(
        () => [PRINTER],
        () => gone,
      );
      await queue.enqueue({ printerId: 'p1', document: DOC });
      await queue.runDue();
      expect((await store.get('job-1'))!).toMatchObject({ state: 'queued', attempts: 1 });
      gone = false;
      advance(100);
      await queue.runDue();
      expect((await store.get('job-1'))!.state).toBe('done');
      expect(printed).toHaveLength(1);
    });
  });
});
