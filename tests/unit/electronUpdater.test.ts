// Updates never land in the middle of a dossier: the gate defers while the renderer says busy and
// waits for a quiet spell; the feed is the Center server's /updates/ over https unless policy allows http.
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createUpdateGate } from '../../electron/updater/gate';
import { startUpdater, updateFeedUrl, type UpdaterLike } from '../../electron/updater';

afterEach(() => vi.useRealTimers());

describe('update gate', () => {
  function gate(quietMs = 1_000) {
    vi.useFakeTimers();
    const install = vi.fn();
    return { install, gate: createUpdateGate({ install, log: () => undefined, quietMs }) };
  }

  test('installs after a quiet spell when nothing is open', () => {
    const { install, gate: g } = gate();
    g.updateReady('0.2.0');
    vi.advanceTimersByTime(999);
    expect(install).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(install).toHaveBeenCalledWith('0.2.0');
  });

  test('defers while busy, restarts the quiet spell after each dossier, installs once', () => {
    const { install, gate: g } = gate();
    g.setBusy(true);
    g.updateReady('0.2.0');
    vi.advanceTimersByTime(60_000);
    expect(install).not.toHaveBeenCalled();
    g.setBusy(false);
    vi.advanceTimersByTime(500);
    g.setBusy(true);
    vi.advanceTimersByTime(60_000);
    expect(install).not.toHaveBeenCalled();
    g.setBusy(false);
    vi.advanceTimersByTime(1_000);
    expect(install).toHaveBeenCalledTimes(1);
    g.setBusy(true);
    g.setBusy(false);
    g.updateReady('0.2.1');
    vi.advanceTimersByTime(10_000);
    expect(install).toHaveBeenCalledTimes(1);
  });

  test('a newer download replaces the pending version', () => {
    const { install, gate: g } = gate();
    g.setBusy(true);
    g.updateReady('0.2.0');
    g.updateReady('0.3.0');
    expect(g.pending).toBe('0.3.0');
    g.setBusy(false);
    vi.advanceTimersByTime(1_000);
    expect(install).toHaveBeenCalledWith('0.3.0');
  });

  test('never installs while busy, whatever the sequence of reports and downloads', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.boolean().map((busy) => ({ busy })),
            fc.constant({ ready: true }),
            fc.integer({ min: 0, max: 5_000 }).map((wait) => ({ wait })),
          ),
          { maxLength: 40 },
        ),
        (steps) => {
          vi.useFakeTimers();
          let busy = false;
          let quietSince = 0;
          let now = 0;
          const installs: { busy: boolean; quietFor: number }[] = [];
          const g = createUpdateGate({ install: () => installs.push({ busy, quietFor: now - quietSince }), log: () => undefined, quietMs: 1_000 });
          for (const step of steps) {
            if ('busy' in step) {
              if (busy && !step.busy) quietSince = now;
              busy = step.busy;
              g.setBusy(step.busy);
            } else if ('ready' in step) g.updateReady('9.9.9');
            else {
              for (let t = 0; t < step.wait; t += 100) {
                now += 100;
                vi.advanceTimersByTime(100);
              }
            }
          }
          g.dispose();
          vi.useRealTimers();
          expect(installs.length).toBeLessThanOrEqual(1);
          for (const i of installs) {
            expect(i.busy).toBe(false);
            expect(i.quietFor).toBeGreaterThanOrEqual(1_000);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('update feed', () => {
  test.each([
    ['https://motcua.nghean.example', false, 'https://motcua.nghean.example/updates/'],
    ['https://motcua.nghean.example/api/', false, 'https://motcua.nghean.example/api/updates/'],
    ['https://10.0.0.5:8443/x?y=1#z', false, 'https://10.0.0.5:8443/x/updates/'],
    ['http://10.0.0.5:8787', true, 'http://10.0.0.5:8787/updates/'],
  ])('%s (http allowed: %s) → %s', (server, allowHttp, expected) => {
    expect(updateFeedUrl(server, allowHttp)).toEqual({ url: expected });
  });

  test.each([['http://10.0.0.5:8787'], ['file:///srv/updates'], ['ftp://x'], ['nope']])('refuses %s without the http policy', (server) => {
    const feed = updateFeedUrl(server, false);
    expect('refused' in feed && feed.refused).toMatch(/không hợp lệ|không dùng https/);
  });
});

describe('startUpdater', () => {
  function fakeUpdater() {
    const events = new Map<string, (...a: unknown[]) => void>();
    const updater = {
      autoDownload: false,
      autoInstallOnAppQuit: false,
      allowDowngrade: true,
      setFeedURL: vi.fn(),
      checkForUpdates: vi.fn(async () => null),
      on: vi.fn((name: string, fn: (...a: unknown[]) => void) => events.set(name, fn)),
    };
    return { updater, events };
  }

  test('checks the feed from the current server address, spread out in time, and hands downloads to the gate', async () => {
    vi.useFakeTimers();
    const { updater, events } = fakeUpdater();
    const gate = { updateReady: vi.fn(), setBusy: vi.fn(), busy: false, pending: undefined, dispose: vi.fn() };
    let server = 'https://a.example';
    const log = vi.fn();
    startUpdater({ updater: updater as unknown as UpdaterLike, gate, serverUrl: async () => server, allowHttp: false, log, random: () => 1, firstCheckMs: 1_000, intervalMs: 10_000 });
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, allowDowngrade: false });
    await vi.advanceTimersByTimeAsync(1_000 + 5 * 60_000 - 1);
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(updater.setFeedURL).toHaveBeenLastCalledWith({ provider: 'generic', url: 'https://a.example/updates/' });
    server = 'http://b.example';
    await vi.advanceTimersByTimeAsync(12_500);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenLastCalledWith(expect.stringContaining('không dùng https'));
    updater.checkForUpdates.mockRejectedValueOnce(new Error('ECONNREFUSED'));
    server = 'https://c.example';
    await vi.advanceTimersByTimeAsync(12_500);
    expect(log).toHaveBeenLastCalledWith(expect.stringContaining('ECONNREFUSED'));
    events.get('update-downloaded')!({ version: '1.2.3' });
    expect(gate.updateReady).toHaveBeenCalledWith('1.2.3');
  });
});
