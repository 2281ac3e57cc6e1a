// The KioskHost contract: everything the renderer may ask of the machine.
// Two implementations serve it: Electron's preload (contextBridge → main → electron/services)
// and the local web host (loopback HTTP with a per-start secret → the same services).

export type PrinterTransport = 'network' | 'usb' | 'device' | 'system' | 'virtual';

/** Paper a printer takes: thermal roll widths in mm, or office sheets. */
export type PaperSize = '58mm' | '80mm' | 'A5' | 'A4';

export interface PrinterConfig {
  id: string;
  /** Name staff see, e.g. "Máy in phiếu quầy 3". */
  name: string;
  transport: PrinterTransport;
  /** host:port for network, vid:pid for usb, a path for device, a queue name for system. */
  address: string;
  paper: PaperSize;
  /** Which documents go to this printer by default. */
  roles: ('slip' | 'receipt' | 'handover' | 'form' | 'ticket')[];
  copies: Partial<Record<string, number>>;
  /** Print speed in mm/s from the printer's data sheet; how long a job may take to leave its buffer. */
  speedMmPerS?: number;
}

export type PrinterState = 'ready' | 'offline' | 'coverOpen' | 'paperOut' | 'paperLow' | 'error' | 'unknown';

export interface PrinterStatus {
  state: PrinterState;
  /** Vietnamese, for staff: what happened and what to do. */
  message: string;
}

/** A 1-bit raster ready for ESC/POS `GS v 0`: rows packed MSB first, 1 = black dot. */
export interface RasterJob {
  jobId: string;
  printerId: string;
  widthDots: number;
  heightDots: number;
  /** base64 of the packed rows (ceil(widthDots / 8) bytes per row). */
  rasterBase64: string;
  cut: boolean;
  beep?: boolean;
}

/** An office document (A5/A4) as self-contained HTML, printed through the system printer or saved as PDF. */
export interface HtmlJob {
  jobId: string;
  printerId: string;
  html: string;
  paper: 'A5' | 'A4';
}

/**
 * `unconfirmed`: the whole job left for the printer but the printer never said it took it, so it
 * may be on paper. Printing it again without asking staff could hand a citizen two slips.
 */
export type PrintOutcome = { ok: true; bytes: number } | { ok: false; retryable: boolean; unconfirmed?: boolean; status: PrinterStatus };

export interface SerialPortInfo {
  path: string;
  manufacturer?: string;
}

export interface ScanEvent {
  seq: number;
  source: 'serial';
  code: string;
  at: string;
}

export interface KioskSettings {
  serverUrl: string;
  counterName: string;
  printers: PrinterConfig[];
  /** A scanner in virtual-COM mode; null (or absent): keyboard-mode scanners only. Null, not undefined, so the choice survives JSON (the web host). */
  scannerPort?: { path: string; baudRate: number } | null;
  /** The folder the office scanner saves into, watched for digitising; empty or absent: none. */
  scanFolderPath?: string;
  /** The hall's queue service this counter calls numbers from, and the lines (ids) it serves; null or absent: no queue. */
  queue?: QueueSettings | null;
  /** This machine runs the hall's queue service (one designated machine of the Center); null or absent: it does not. */
  queueService?: { port: number } | null;
}

export interface QueueSettings {
  /** http://<machine>:<port>/ of the queue service on the LAN. */
  url: string;
  lines: string[];
}

/** A call to the queue service, sent by the machine for the counter (the page's policy lets it reach only its own host). */
export interface QueueRequest {
  method: 'GET' | 'POST';
  /** Below `/api/`, e.g. `/api/counters/3/call`. */
  path: string;
  body?: unknown;
}

/** The queue's answer; `unreachable`: the service did not answer at all (its machine is off or the network is down). */
export type QueueAnswer = { ok: true; value: unknown } | { ok: false; unreachable: boolean; message: string };

/** What a counter received from the server when it was enrolled; the token is its only secret. */
export interface DeviceCredential {
  deviceId: string;
  counterId: string;
  counterName: string;
  /** The counter's number at the Center (1–99): batch codes and the lease fallback range use it. */
  counterIndex: number;
  /** The Center's agency identifier, e.g. `000.00.15.H41`: the first part of every dossier code. */
  agencyCode: string;
  token: string;
  serverUrl: string;
}

/** A file an office scanner saved into the watched folder, offered once it stopped growing. */
export interface ScannedFile {
  seq: number;
  name: string;
  size: number;
  mediaType: 'application/pdf' | 'image/jpeg' | 'image/png';
  at: string;
}

export interface ScannedFileContent extends ScannedFile {
  base64: string;
}

export interface AppInfo {
  version: string;
  runtime: 'electron' | 'web';
  platform: string;
}

export type LogLevel = 'error' | 'warn' | 'info';

/** Details that help whoever reads the log: the dossier code, the event id, the screen, an error's stack. */
export type LogContext = Record<string, unknown>;

/** One line of the kiosk's log, as the renderer sends it. */
export interface LogEntry {
  level: LogLevel;
  /** When it happened, ISO 8601 from the kiosk's clock. */
  at: string;
  message: string;
  context?: LogContext;
}

/** What the host accepts in one `log.write` (it refuses the whole call otherwise) and returns from `log.read`. */
export const LOG_LIMITS = {
  entriesPerWrite: 50,
  /** UTF-8 bytes of one entry's message. */
  messageBytes: 4096,
  /** UTF-8 bytes of one entry's context as JSON. */
  contextBytes: 4096,
  readBytes: 1024 * 1024,
} as const;

/** A disk that is full or read-only is an answer, not an exception: the screen that logged goes on. */
export type LogWriteOutcome = { ok: true; written: number } | { ok: false; error: HostError };

export type LogReadOutcome =
  | {
      ok: true;
      /** The most recent lines, JSON one per line, oldest first, whole lines only. */
      text: string;
      /** True when older lines were left out to stay within `maxBytes`. */
      truncated: boolean;
      /** Where the log lives on the machine, for the administrator. */
      path: string;
    }
  | { ok: false; error: HostError };

export interface KioskHost {
  app: {
    info(): Promise<AppInfo>;
  };
  printers: {
    list(): Promise<PrinterConfig[]>;
    status(printerId: string): Promise<PrinterStatus>;
    printRaster(job: RasterJob): Promise<PrintOutcome>;
    printHtml(job: HtmlJob): Promise<PrintOutcome>;
  };
  scanner: {
    listPorts(): Promise<SerialPortInfo[]>;
    /** Serial scans after `afterSeq`; waits up to `waitMs` for the next one (long poll). */
    next(afterSeq: number, waitMs: number): Promise<ScanEvent[]>;
  };
  settings: {
    get(): Promise<KioskSettings>;
    update(patch: Partial<KioskSettings>): Promise<KioskSettings>;
  };
  /** The device credential, kept by the machine (encrypted with the OS key store in Electron). */
  device: {
    credential(): Promise<DeviceCredential | null>;
    saveCredential(credential: DeviceCredential): Promise<void>;
  };
  /**
   * The kiosk's own log, kept by the machine in a rotating file (`<data>/logs/motcua.log`), so an administrator
   * can read what went wrong at a counter after the fact.
   */
  log: {
    write(entries: LogEntry[]): Promise<LogWriteOutcome>;
    /** The most recent lines, at most `maxBytes` (≤ LOG_LIMITS.readBytes) of them. */
    read(options: { maxBytes: number }): Promise<LogReadOutcome>;
  };
  /** The hall's queue service (electron/services/queue) at the address in the settings' `queue`. */
  queue: {
    request(request: QueueRequest): Promise<QueueAnswer>;
  };
  /** The scanner's watched folder, when the machine has one configured (digitising at reception). */
  scanFolder?: {
    list(afterSeq: number): Promise<ScannedFile[]>;
    read(seq: number): Promise<ScannedFileContent>;
  };
  /**
   * The desktop app only; the web host answers NOT_AVAILABLE. `exitKiosk` leaves full-screen kiosk mode
   * with the administrator PIN (false when wrong); `setBusy(true)` while a dossier is open, so updates wait.
   */
  desktop?: {
    exitKiosk(pin: string): Promise<boolean>;
    setBusy(busy: boolean): Promise<void>;
  };
}

/** The methods of one namespace of the contract (optional namespaces count: their calls exist, a runtime may lack them). */
type MethodsOf<Namespace> = {
  [Method in keyof Namespace & string]-?: NonNullable<Namespace[Method]> extends (...args: never[]) => unknown ? Method : never;
}[keyof Namespace & string];

/** Every call of the contract as `namespace.method`, derived from KioskHost so the two cannot drift apart. */
export type HostCall = {
  [Namespace in keyof KioskHost & string]-?: `${Namespace}.${MethodsOf<NonNullable<KioskHost[Namespace]>>}`;
}[keyof KioskHost & string];

/**
 * One row per call: `satisfies` makes a call missing from KioskHost (an extra row) and a KioskHost method
 * without a row (a missing one) both type errors.
 */
const HOST_CALL_TABLE = {
  'app.info': true,
  'printers.list': true,
  'printers.status': true,
  'printers.printRaster': true,
  'printers.printHtml': true,
  'scanner.listPorts': true,
  'scanner.next': true,
  'settings.get': true,
  'settings.update': true,
  'device.credential': true,
  'device.saveCredential': true,
  'desktop.exitKiosk': true,
  'desktop.setBusy': true,
  'scanFolder.list': true,
  'scanFolder.read': true,
  'log.write': true,
  'log.read': true,
  'queue.request': true,
} as const satisfies Record<HostCall, true>;

/** The call names as `namespace.method`: the only channels main and the web host accept. */
export const HOST_CALLS: readonly HostCall[] = Object.freeze(Object.keys(HOST_CALL_TABLE) as HostCall[]);

export function isHostCall(name: unknown): name is HostCall {
  return typeof name === 'string' && (HOST_CALLS as readonly string[]).includes(name);
}

/** An error crossing the host boundary: a machine code for logs and a Vietnamese message for staff. */
export interface HostError {
  code: string;
  message: string;
}
