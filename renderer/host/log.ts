// The kiosk's log, seen from the screens: `kioskLog.error(message, context)` and friends, batched and sent to
// the machine (`host.log.write`), which keeps a rotating file an administrator can read (`host.log.read`).
// Logging never throws into a screen: until a host is attached lines wait in a bounded buffer, and when the
// host is missing or fails they are dropped and counted; the count goes out with the next batch that arrives.
// Put identifiers in the context (dossier code, event id, screen), never an applicant's name or ID number.
import { LOG_LIMITS, type KioskHost, type LogContext, type LogEntry, type LogLevel } from '../../shared/host';

export interface KioskLogOptions {
  /** How long a line waits for others before the batch goes out. */
  debounceMs?: number;
  /** An error goes out sooner, so it is on disk before a crash or a reload. */
  errorDebounceMs?: number;
  /** Lines kept while the host is away; beyond it they are counted, not kept (the first ones hold the cause). */
  maxBuffered?: number;
  now?: () => Date;
  /** Also shows each line, by default in the developer console. */
  echo?: (entry: LogEntry) => void;
}

export interface KioskLogStats {
  buffered: number;
  /** Lines lost since the last report reached the host. */
  dropped: number;
  /** Why the last batch did not reach the host. */
  lastError?: string;
}

export interface KioskLogger {
  error(message: string, context?: LogContext | Error): void;
  warn(message: string, context?: LogContext | Error): void;
  info(message: string, context?: LogContext | Error): void;
  /** Any level; `echo: false` for lines the browser has already shown (uncaught errors). */
  note(level: LogLevel, message: string, context?: unknown, options?: { echo?: boolean }): void;
  /** Where the lines go; until then they wait. `undefined` detaches. */
  attach(host: Pick<KioskHost, 'log'> | undefined): void;
  /** Sends what is waiting now; resolves when it has been answered, never rejects. */
  flush(): Promise<void>;
  stats(): KioskLogStats;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** At most `maxBytes` of UTF-8, cut on a character boundary and marked with an ellipsis. */
export function clipUtf8(text: string, maxBytes: number): string {
  const bytes = encoder.encode(text);
  if (bytes.length <= maxBytes) return text;
  let end = Math.max(0, maxBytes - 3);
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return `${decoder.decode(bytes.subarray(0, end))}…`;
}

const describeError = (error: Error) => ({ name: error.name, message: error.message, stack: error.stack?.slice(0, 2000) });

/** The context as plain JSON within the host's limit: errors spelled out, anything JSON cannot carry replaced. */
function toContext(context: unknown): LogContext | undefined {
  if (context === undefined) return undefined;
  const wrapped = context instanceof Error ? { error: context } : typeof context === 'object' && context !== null && !Array.isArray(context) ? context : { value: context };
  let json: string;
  try {
    json = JSON.stringify(wrapped, (_key, value: unknown) => (value instanceof Error ? describeError(value) : typeof value === 'bigint' ? String(value) : value));
  } catch (error) {
    return { unserialisable: String((error as Error)?.message ?? error).slice(0, 200) };
  }
  if (encoder.encode(json).length <= LOG_LIMITS.contextBytes) return JSON.parse(json) as LogContext;
  // Escaping can grow the preview, so it shrinks until the whole context fits.
  for (let budget = LOG_LIMITS.contextBytes / 2; ; budget /= 2) {
    const clipped = { clipped: true, preview: clipUtf8(json, budget) };
    if (encoder.encode(JSON.stringify(clipped)).length <= LOG_LIMITS.contextBytes) return clipped;
  }
}

const consoleEcho = (entry: LogEntry) => {
  const show = entry.level === 'error' ? console.error : entry.level === 'warn' ? console.warn : console.info;
  if (entry.context) show(entry.message, entry.context);
  else show(entry.message);
};

export function createKioskLog(options: KioskLogOptions = {}): KioskLogger {
  const debounceMs = options.debounceMs ?? 2_000;
  const errorDebounceMs = options.errorDebounceMs ?? 200;
  const maxBuffered = options.maxBuffered ?? 500;
  const now = options.now ?? (() => new Date());
  const echo = options.echo ?? consoleEcho;
  let host: Pick<KioskHost, 'log'> | undefined;
  const buffer: LogEntry[] = [];
  let dropped = 0;
  let lastError: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dueAt = Infinity;
  let sending: Promise<void> | undefined;
  // A console patched to call the log, echoed back to the console, must not loop.
  let inside = false;
  // An error thrown on every render repeats by the thousand: the same line again only counts.
  const repeats = new WeakMap<LogEntry, number>();
  const sameAs = (a: LogEntry, b: LogEntry) => a.level === b.level && a.message === b.message && JSON.stringify(a.context) === JSON.stringify(b.context);
  const withRepeats = (entry: LogEntry): LogEntry => {
    const times = repeats.get(entry);
    return times ? { ...entry, message: clipUtf8(`${entry.message} (lặp lại ${times} lần)`, LOG_LIMITS.messageBytes) } : entry;
  };

  function schedule(ms: number) {
    if (!host) return;
    const due = Date.now() + ms;
    if (timer !== undefined && dueAt <= due) return;
    clearTimeout(timer);
    dueAt = due;
    timer = setTimeout(() => {
      timer = undefined;
      dueAt = Infinity;
      void flush();
    }, ms);
  }

  async function drain() {
    while (host && (buffer.length > 0 || dropped > 0)) {
      const target = host;
      const lost = dropped;
      const batch = buffer.splice(0, LOG_LIMITS.entriesPerWrite - (lost > 0 ? 1 : 0)).map(withRepeats);
      if (lost > 0) {
        const message = `Đã bỏ ${lost} dòng nhật ký vì không gửi được cho máy${lastError ? ` (${lastError})` : ''}.`;
        batch.push({ level: 'warn', at: now().toISOString(), message: clipUtf8(message, LOG_LIMITS.messageBytes) });
      }
      dropped = 0;
      let problem: string | undefined;
      try {
        const outcome = await target.log.write(batch);
        if (!outcome.ok) problem = outcome.error.message;
      } catch (error) {
        problem = String((error as Error)?.message ?? error);
      }
      if (problem !== undefined) {
        // The batch's lines are counted, lost with the report they carried; the next line tries again.
        dropped += batch.length - (lost > 0 ? 1 : 0) + lost;
        lastError = clipUtf8(problem, 300);
        return;
      }
      lastError = undefined;
    }
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    dueAt = Infinity;
    sending ??= drain()
      .catch(() => undefined)
      .finally(() => {
        sending = undefined;
      });
    return sending;
  }

  function note(level: LogLevel, message: string, context?: unknown, noteOptions: { echo?: boolean } = {}) {
    if (inside) return;
    inside = true;
    try {
      const text = clipUtf8(String(message) || '(không có nội dung)', LOG_LIMITS.messageBytes);
      const details = toContext(context);
      const entry: LogEntry = { level, at: now().toISOString(), message: text, ...(details ? { context: details } : {}) };
      if (noteOptions.echo !== false) echo(entry);
      const last = buffer.at(-1);
      if (last && sameAs(last, entry)) repeats.set(last, (repeats.get(last) ?? 1) + 1);
      else if (buffer.length < maxBuffered) buffer.push(entry);
      else dropped++;
      schedule(level === 'error' ? errorDebounceMs : debounceMs);
    } catch {
      dropped++;
    } finally {
      inside = false;
    }
  }

  return {
    error: (message, context) => note('error', message, context),
    warn: (message, context) => note('warn', message, context),
    info: (message, context) => note('info', message, context),
    note,
    attach(next) {
      host = next;
      if (!host) {
        clearTimeout(timer);
        timer = undefined;
        dueAt = Infinity;
      } else if (buffer.length > 0 || dropped > 0) {
        schedule(errorDebounceMs);
      }
    },
    flush,
    stats: () => ({ buffered: buffer.length, dropped, ...(lastError ? { lastError } : {}) }),
  };
}

/** The kiosk's one log: screens import it; the app attaches the host once it has one. */
export const kioskLog = createKioskLog();

/**
 * Sends uncaught errors and unhandled promise rejections to the log, and what is waiting when the page goes
 * away. Returns the function that stops it.
 */
export function captureWindowErrors(target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>, log: KioskLogger = kioskLog): () => void {
  const onError = (event: Event) => {
    const e = event as ErrorEvent;
    const where = e.filename ? { source: e.filename, line: e.lineno, column: e.colno } : {};
    log.note('error', `Lỗi chưa được xử lý: ${e.message || String(e.error ?? 'không rõ')}`, { ...where, ...(e.error !== undefined ? { error: e.error } : {}) }, { echo: false });
  };
  const onRejection = (event: Event) => {
    const reason = (event as PromiseRejectionEvent).reason as unknown;
    const message = reason instanceof Error ? reason.message : String(reason);
    log.note('error', `Lỗi bất đồng bộ chưa được xử lý: ${message}`, { error: reason }, { echo: false });
  };
  const onHide = () => void log.flush();
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  target.addEventListener('pagehide', onHide);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
    target.removeEventListener('pagehide', onHide);
  };
}
