// The kiosk's log from end to end: the machine's rotating file (electron/services/log.ts), the checks at the
// host gate (dispatch.ts), and the renderer's batching client (renderer/host/log.ts) talking to them.
import { chmod, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { LOG_LIMITS, type KioskHost, type LogEntry } from '../../shared/host';
import { dispatchHostCall } from '../../electron/services/dispatch';
import { createKioskHost } from '../../electron/services/kioskHost';
import { createKioskLog, LOG_FILE_NAME } from '../../electron/services/log';
import { captureWindowErrors, clipUtf8, createKioskLog as createClientLog } from '../../renderer/host/log';

const tempDir = () => mkdtemp(join(tmpdir(), 'motcua-log-'));
const entry = (message: string, extra: Partial<LogEntry> = {}): LogEntry => ({ level: 'info', at: '2026-01-12T03:04:05.678Z', message, ...extra });
const lines = async (file: string) =>
  (await readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

function hostWith(log: ReturnType<typeof createKioskLog>): KioskHost {
  return createKioskHost({ runtime: 'web', version: 't', settings: {} as never, scanner: {} as never, printers: {} as never, credentials: {} as never, log });
}

describe('the log file on the machine', () => {
  test('appends one JSON line per entry, marked with where it came from', async () => {
    const dir = await tempDir();
    const log = createKioskLog({ dir, now: () => new Date('2026-01-12T08:00:00Z') });
    expect(log.path).toBe(join(dir, LOG_FILE_NAME));
    expect(await log.write([entry('Mở màn hình tiếp nhận'), entry('Không in được phiếu', { level: 'error', context: { dossierCode: '000.00.15.H41-260112-0001' } })])).toEqual({
      ok: true,
      written: 2,
    });
    await log.note('warn', '[máy] máy in quầy 3 không trả lời');
    expect(await lines(log.path)).toEqual([
      { at: '2026-01-12T03:04:05.678Z', level: 'info', source: 'renderer', message: 'Mở màn hình tiếp nhận' },
      { at: '2026-01-12T03:04:05.678Z', level: 'error', source: 'renderer', message: 'Không in được phiếu', context: { dossierCode: '000.00.15.H41-260112-0001' } },
      { at: '2026-01-12T08:00:00.000Z', level: 'warn', source: 'machine', message: '[máy] máy in quầy 3 không trả lời' },
    ]);
  });

  test('rotates before the file would pass its limit and keeps only the newest files', async () => {
    const dir = await tempDir();
    const log = createKioskLog({ dir, maxBytes: 300, keep: 3 });
    const one = `${JSON.stringify({ at: entry('').at, level: 'info', source: 'renderer', message: 'x'.repeat(40) })}\n`;
    const perFile = Math.floor(300 / Buffer.byteLength(one));
    // Ten files' worth, one line per call, each line numbered.
    for (let i = 0; i < perFile * 10; i++) await log.write([entry(`${i}`.padStart(40, 'x'))]);
    expect((await readdir(dir)).sort()).toEqual([LOG_FILE_NAME, `${LOG_FILE_NAME}.1`, `${LOG_FILE_NAME}.2`, `${LOG_FILE_NAME}.3`]);
    for (const name of await readdir(dir)) expect((await readFile(join(dir, name))).length).toBeLessThanOrEqual(300);
    // Newest in motcua.log, then .1, .2, .3: the numbers run on without a gap across the files.
    const numbers = [];
    for (const name of [`${LOG_FILE_NAME}.3`, `${LOG_FILE_NAME}.2`, `${LOG_FILE_NAME}.1`, LOG_FILE_NAME])
      numbers.push(...(await lines(join(dir, name))).map((l) => Number((l.message as string).replace(/x/g, ''))));
    expect(numbers).toEqual(Array.from({ length: perFile * 4 }, (_, i) => perFile * 6 + i));
  });

  test('writes from many calls at once never interleave or rotate twice', async () => {
    const dir = await tempDir();
    const log = createKioskLog({ dir, maxBytes: 2_000, keep: 20 });
    await Promise.all(Array.from({ length: 100 }, (_, i) => log.write([entry(`dòng ${i}`), entry(`dòng ${i} tiếp`)])));
    const names = await readdir(dir);
    const all = (await Promise.all(names.map((n) => lines(join(dir, n))))).flat();
    expect(all).toHaveLength(200);
    for (const name of names) expect((await readFile(join(dir, name))).length).toBeLessThanOrEqual(2_000);
  });

  test('read returns the tail in whole lines, across a rotation, and says when older lines were left out', async () => {
    const dir = await tempDir();
    const log = createKioskLog({ dir, maxBytes: 400 });
    expect(await log.read({ maxBytes: 1000 })).toEqual({ ok: true, text: '', truncated: false, path: log.path });
    for (let i = 0; i < 12; i++) await log.write([entry(`sự kiện ${i}`)]);
    const all = await log.read({ maxBytes: LOG_LIMITS.readBytes });
    expect(all).toMatchObject({ ok: true, truncated: false });
    const every = (all as { text: string }).text
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { message: string }).message);
    expect(every).toEqual(Array.from({ length: 12 }, (_, i) => `sự kiện ${i}`));

    const bytesOfLast3 = Buffer.byteLength((all as { text: string }).text.trim().split('\n').slice(-3).join('\n')) + 1;
    const tail = await log.read({ maxBytes: bytesOfLast3 + 10 });
    expect(tail).toMatchObject({ ok: true, truncated: true });
    expect(
      (tail as { text: string }).text
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { message: string }).message),
    ).toEqual(['sự kiện 9', 'sự kiện 10', 'sự kiện 11']);
  });

  test('a disk that refuses the write is an answer with a Vietnamese message, not an exception', async () => {
    const parent = await tempDir();
    // A file where the log folder should be: mkdir fails as on a broken or read-only disk, whoever runs the test.
    await writeFile(join(parent, 'logs'), '');
    const log = createKioskLog({ dir: join(parent, 'logs') });
    const outcome = await log.write([entry('x')]);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'LOG_WRITE_FAILED' } });
    expect((outcome as { error: { message: string } }).error.message).toMatch(/Không ghi được nhật ký.*bộ phận CNTT/);
    await expect(log.note('error', 'x')).resolves.toBeUndefined();
    expect(await log.read({ maxBytes: 100 })).toMatchObject({ ok: false, error: { code: 'LOG_READ_FAILED' } });
  });

  test.skipIf(process.getuid?.() === 0)('a log folder without write permission answers too', async () => {
    const dir = await tempDir();
    await chmod(dir, 0o500);
    try {
      expect(await createKioskLog({ dir }).write([entry('x')])).toMatchObject({ ok: false, error: { code: 'LOG_WRITE_FAILED' } });
    } finally {
      await chmod(dir, 0o700);
    }
  });
});

describe('log calls at the host gate', () => {
  const bad: [string, unknown[]][] = [
    ['no list', [entry('x')]],
    ['an empty list', [[]]],
    ['too many lines', [Array.from({ length: LOG_LIMITS.entriesPerWrite + 1 }, () => entry('x'))]],
    ['an unknown level', [[entry('x', { level: 'debug' as never })]]],
    ['a time that is not ISO 8601', [[entry('x', { at: 'hôm qua' })]]],
    ['an empty message', [[entry('')]]],
    ['a message over 4 KiB in UTF-8', [[entry('ệ'.repeat(1366))]]],
    ['a context that is not an object', [[entry('x', { context: 'chuỗi' as never })]]],
    ['a context over its limit', [[entry('x', { context: { blob: 'a'.repeat(LOG_LIMITS.contextBytes) } })]]],
    ['a context JSON cannot carry', [[entry('x', { context: { n: 1n } })]]],
    ['an unknown field', [[{ ...entry('x'), stack: 'x' }]]],
    ['an extra argument', [[entry('x')], 1]],
  ];
  test.each(bad)('log.write refuses %s and writes nothing', async (_what, args) => {
    const dir = await tempDir();
    const host = hostWith(createKioskLog({ dir }));
    const reply = await dispatchHostCall(host, 'log.write', args);
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
    expect((reply as { error: { message: string } }).error.message).toMatch(/^Lệnh log\.write: .*[ạảãàáâăđêôơư]/);
    expect(await readdir(dir)).toEqual([]);
  });

  test('log.write takes a full batch of the largest lines', async () => {
    const host = hostWith(createKioskLog({ dir: await tempDir() }));
    const big = entry('ệ'.repeat(1365), { level: 'warn', context: { note: 'a'.repeat(LOG_LIMITS.contextBytes - 20) } });
    expect(await dispatchHostCall(host, 'log.write', [Array.from({ length: LOG_LIMITS.entriesPerWrite }, () => big)])).toEqual({ ok: true, value: { ok: true, written: 50 } });
  });

  test.each([[[]], [[{ maxBytes: 0 }]], [[{ maxBytes: LOG_LIMITS.readBytes + 1 }]], [[{ maxBytes: 10, path: '/etc/passwd' }]], [['/etc/passwd']]])('log.read refuses %j', async (args) => {
    const host = hostWith(createKioskLog({ dir: await tempDir() }));
    expect(await dispatchHostCall(host, 'log.read', args)).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
  });
});

describe('the renderer log client (renderer/host/log.ts)', () => {
  afterEach(() => vi.useRealTimers());
  const quiet = { echo: () => undefined };
  /** The renderer's host, reaching the machine's log through the real gate as both runtimes do. */
  async function machine() {
    const log = createKioskLog({ dir: await tempDir() });
    const host = hostWith(log);
    const calls: LogEntry[][] = [];
    const viaGate: Pick<KioskHost, 'log'> = {
      log: {
        async write(entries) {
          calls.push(entries);
          const reply = await dispatchHostCall(host, 'log.write', [entries]);
          if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
          return reply.value as never;
        },
        read: (options) => host.log.read(options),
      },
    };
    return { log, viaGate, calls };
  }

  test('batches lines and sends them after the pause, errors sooner', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { log, viaGate, calls } = await machine();
    const client = createClientLog({ ...quiet, debounceMs: 2_000, errorDebounceMs: 200 });
    client.attach(viaGate);
    client.info('Mở màn hình trả kết quả', { screen: 'return' });
    client.warn('Máy in chậm');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(0);
    client.error('Không ghi được sự kiện', { dossierCode: '000.00.15.H41-260112-0001', eventId: 'e-1' });
    await vi.advanceTimersByTimeAsync(250);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.map((e) => e.level)).toEqual(['info', 'warn', 'error']);
    const text = (await log.read({ maxBytes: 10_000 })) as { text: string };
    expect(text.text).toContain('"eventId":"e-1"');
  });

  test('never throws into a screen: without a host, lines wait (bounded), then go out with a count of those dropped', async () => {
    const { viaGate, calls } = await machine();
    const client = createClientLog({ ...quiet, maxBuffered: 3 });
    for (let i = 0; i < 5; i++) client.warn(`trước khi có máy ${i}`);
    expect(client.stats()).toEqual({ buffered: 3, dropped: 2 });
    client.attach(viaGate);
    await client.flush();
    expect(calls[0]!.map((e) => e.message)).toEqual(['trước khi có máy 0', 'trước khi có máy 1', 'trước khi có máy 2', 'Đã bỏ 2 dòng nhật ký vì không gửi được cho máy.']);
    expect(client.stats()).toEqual({ buffered: 0, dropped: 0 });
  });

  test('a host that fails or is unreachable costs the batch, counted and reported once it answers again', async () => {
    const { viaGate, calls } = await machine();
    let down = true;
    const flaky: Pick<KioskHost, 'log'> = {
      log: {
        write: (entries) => (down ? Promise.reject(new Error('Không liên lạc được với dịch vụ máy cục bộ.')) : viaGate.log.write(entries)),
        read: viaGate.log.read,
      },
    };
    const client = createClientLog(quiet);
    client.attach(flaky);
    client.error('một');
    client.error('hai');
    await expect(client.flush()).resolves.toBeUndefined();
    expect(client.stats()).toEqual({ buffered: 0, dropped: 2, lastError: 'Không liên lạc được với dịch vụ máy cục bộ.' });
    down = false;
    client.info('ba');
    await client.flush();
    expect(calls.at(-1)!.map((e) => e.message)).toEqual(['ba', 'Đã bỏ 2 dòng nhật ký vì không gửi được cho máy (Không liên lạc được với dịch vụ máy cục bộ.).']);
    const answered: Pick<KioskHost, 'log'> = { log: { write: async () => ({ ok: false, error: { code: 'LOG_WRITE_FAILED', message: 'Ổ đĩa đầy' } }), read: viaGate.log.read } };
    client.attach(answered);
    client.info('bốn');
    await client.flush();
    expect(client.stats()).toMatchObject({ dropped: 1, lastError: 'Ổ đĩa đầy' });
  });

  test('whatever a screen passes becomes a line the gate accepts', async () => {
    const { viaGate, calls } = await machine();
    const client = createClientLog(quiet);
    client.attach(viaGate);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    client.error('ệ'.repeat(5_000), new TypeError('không đọc được thuộc tính'));
    client.warn('', { cyclic });
    client.info('ngữ cảnh lớn', { blob: '"\u0001'.repeat(LOG_LIMITS.contextBytes) });
    client.info('số lớn', { n: 12n as never, list: [1, 2] });
    await client.flush();
    expect(client.stats()).toEqual({ buffered: 0, dropped: 0 });
    const [big, empty, large, bigint] = calls[0]!;
    expect(Buffer.byteLength(big!.message)).toBeLessThanOrEqual(LOG_LIMITS.messageBytes);
    expect(big!.context).toMatchObject({ error: { name: 'TypeError', message: 'không đọc được thuộc tính' } });
    expect(empty).toMatchObject({ message: '(không có nội dung)', context: { unserialisable: expect.any(String) } });
    expect(large!.context).toMatchObject({ clipped: true });
    expect(bigint!.context).toEqual({ n: '12', list: [1, 2] });
  });

  test('the same line again only counts, so an error thrown on every render does not flood the file', async () => {
    const { viaGate, calls } = await machine();
    const client = createClientLog(quiet);
    client.attach(viaGate);
    for (let i = 0; i < 1_000; i++) client.error('Không vẽ được danh sách', { screen: 'handoff' });
    client.error('Không vẽ được danh sách', { screen: 'return' });
    await client.flush();
    expect(calls[0]!.map((e) => e.message)).toEqual(['Không vẽ được danh sách (lặp lại 1000 lần)', 'Không vẽ được danh sách']);
  });

  test('captures uncaught errors and unhandled rejections, and flushes when the page goes away', async () => {
    const { viaGate, calls } = await machine();
    const echo = vi.fn();
    const client = createClientLog({ echo });
    client.attach(viaGate);
    const page = new EventTarget();
    const stop = captureWindowErrors(page, client);
    page.dispatchEvent(
      Object.assign(new Event('error'), { message: 'Uncaught TypeError: x is undefined', filename: 'motcua://app/assets/index.js', lineno: 12, colno: 5, error: new TypeError('x is undefined') }),
    );
    page.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: new Error('máy chủ không trả lời') }));
    page.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.map((e) => e.message)).toEqual(['Lỗi chưa được xử lý: Uncaught TypeError: x is undefined', 'Lỗi bất đồng bộ chưa được xử lý: máy chủ không trả lời']);
    expect(calls[0]![0]!.context).toMatchObject({ source: 'motcua://app/assets/index.js', line: 12, error: { name: 'TypeError' } });
    // The browser has shown these already.
    expect(echo).not.toHaveBeenCalled();
    stop();
    page.dispatchEvent(Object.assign(new Event('error'), { message: 'sau khi dừng' }));
    expect(client.stats().buffered).toBe(0);
  });

  test('clipUtf8 cuts on a character boundary', () => {
    expect(clipUtf8('Quầy', 10)).toBe('Quầy');
    const clipped = clipUtf8('ệệệệ', 8);
    expect(clipped).toBe('ệ…');
    expect(Buffer.byteLength(clipped)).toBeLessThanOrEqual(8);
  });
});
