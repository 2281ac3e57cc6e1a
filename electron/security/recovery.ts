// Keeps the counter's screen alive: a renderer that crashes or hangs is reloaded at the URL it was on
// (the renderer restores its own section from its storage), with growing pauses so a page that
// crashes at load does not spin the CPU.
import type { RenderProcessGoneDetails } from 'electron';
import { isAppUrl } from './csp';

export interface RecoverableWindow {
  isDestroyed(): boolean;
  loadURL(url: string): Promise<void>;
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  webContents: {
    on(event: 'render-process-gone', listener: (event: unknown, details: RenderProcessGoneDetails) => void): unknown;
    on(event: 'did-navigate' | 'did-navigate-in-page', listener: (event: unknown, url: string) => void): unknown;
    forcefullyCrashRenderer(): void;
  };
}

export const RELOAD_DELAYS_MS = [500, 2_000, 10_000, 30_000, 60_000];
/** A crash this long after the previous one starts the pauses again from the shortest. */
const CALM_MS = 5 * 60_000;
const HANG_MS = 30_000;

export interface RendererRecovery {
  /** The last app URL the renderer showed. */
  readonly lastUrl: string;
}

export function watchRenderer(
  window: RecoverableWindow,
  options: { entryUrl: string; log: (line: string) => void; now?: () => number; setTimer?: (fn: () => void, ms: number) => unknown; clearTimer?: (t: unknown) => void },
): RendererRecovery {
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let lastUrl = options.entryUrl;
  let streak = 0;
  let lastCrash = -Infinity;
  let hang: unknown;

  const remember = (_event: unknown, url: string) => {
    if (isAppUrl(url)) lastUrl = url;
  };
  window.webContents.on('did-navigate', remember);
  window.webContents.on('did-navigate-in-page', remember);

  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    const at = now();
    streak = at - lastCrash > CALM_MS ? 0 : streak + 1;
    lastCrash = at;
    const delay = RELOAD_DELAYS_MS[Math.min(streak, RELOAD_DELAYS_MS.length - 1)]!;
    options.log(`[khôi phục] màn hình quầy dừng (${details.reason}, mã ${details.exitCode}); mở lại ${lastUrl} sau ${delay} ms`);
    setTimer(() => {
      if (window.isDestroyed()) return;
      window.loadURL(lastUrl).catch((error: Error) => options.log(`[khôi phục] không mở lại được: ${error.message}`));
    }, delay);
  });

  // A renderer frozen for 30 s is crashed on purpose, so the reload above brings it back.
  window.on('unresponsive', () => {
    clearTimer(hang);
    hang = setTimer(() => {
      if (window.isDestroyed()) return;
      options.log('[khôi phục] màn hình quầy treo quá 30 giây; khởi động lại màn hình');
      window.webContents.forcefullyCrashRenderer();
    }, HANG_MS);
  });
  window.on('responsive', () => clearTimer(hang));

  return {
    get lastUrl() {
      return lastUrl;
    },
  };
}
