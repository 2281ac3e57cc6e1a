// The print queue: jobs live in the database (a `PrintJobStore`), so a slip survives an app restart,
// a printer that is off or out of paper is retried with backoff, and saving a dossier never waits
// on a printer: enqueue is one store write and printing happens afterwards, off the caller's path.
// A copy that may have printed (sent, never confirmed) is never sent again until staff say so.
import type { PrintOutcome, PrinterConfig } from '../../shared/host';
import { markReprint } from '../../shared/documents/forms';
import { HostCallError } from '../host';
import { kioskLog } from '../host/log';
import type { PrintDocument } from '../../shared/documents/model';

/** `unconfirmed`: the copy after `copiesDone` may be on paper; staff answer "Đã in ra chưa?". */
export type PrintJobState = 'queued' | 'printing' | 'unconfirmed' | 'done' | 'failed' | 'cancelled';

export interface PrintJobRecord {
  id: string;
  printerId: string;
  document: PrintDocument;
  copies: number;
  /** Copies the printer acknowledged; a restart resumes after them, never reprinting one. */
  copiesDone: number;
  state: PrintJobState;
  attempts: number;
  /** Epoch ms before which the job is not tried again. */
  nextAttemptAt: number;
  createdAt: number;
  /** Vietnamese, for staff: the last failure. */
  lastError?: string;
  reprintOf?: string;
  /**
   * Queued while the machine could not say which printer serves this kind of paper (its local
   * service away or restarting): the printer is chosen when the job is first tried, with its
   * copies for the role unless `copies` was asked. `printerId` is '' until then.
   */
  awaitsPrinter?: { role: PrintRole; copies?: number };
}

/** Persistence of jobs; the app backs it with Dexie's `printJobs` table. */
export interface PrintJobStore {
  put(job: PrintJobRecord): Promise<void>;
  get(id: string): Promise<PrintJobRecord | undefined>;
  /** Jobs in any of these states, oldest first. */
  listByState(states: PrintJobState[]): Promise<PrintJobRecord[]>;
}

/** Sends one copy of a document to a printer (render + host call); never throws on printer trouble. */
export type DeliverCopy = (doc: PrintDocument, printer: PrinterConfig, jobId: string) => Promise<PrintOutcome>;

export interface PrintQueueOptions {
  store: PrintJobStore;
  printers: () => Promise<PrinterConfig[]>;
  deliver: DeliverCopy;
  now?: () => number;
  newId?: () => string;
  /** First retry delay and cap, ms. */
  backoff?: { baseMs: number; maxMs: number };
  /** Called after any job changes, for the screen's queue list. */
  onChange?: (job: PrintJobRecord) => void;
  /** Where errors of the queue itself (store failures) are logged. */
  log?: (line: string) => void;
}

/** What a document is printed as; a printer serves one or more roles. */
export type PrintRole = PrinterConfig['roles'][number];

export type EnqueueResult = { ok: true; jobId: string } | { ok: false; message: string };

/** A printer, or the role of the printer to choose when the job is tried (the printers could not be listed). */
export type EnqueueRequest = { document: PrintDocument; copies?: number } & ({ printerId: string } | { role: PrintRole });

// While the machine's service is away (a restart takes a few seconds), the queue asks again at least this often.
const HOST_AWAY_MAX_MS = 10_000;

export function backoffDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

export class PrintQueue {
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly backoff: { baseMs: number; maxMs: number };
  private running: Promise<void> | undefined;
  private rerun = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private started = false;
  // The printers could not be listed (the machine's service away): nothing is tried before this.
  private hostAwayUntil = 0;
  private hostFailures = 0;

  constructor(private readonly options: PrintQueueOptions) {
    this.now = options.now ?? (() => Date.now());
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.backoff = options.backoff ?? { baseMs: 2_000, maxMs: 60_000 };
  }

  /** Startup: a job left 'printing' by a crash or restart may have printed its copy in flight, so staff are asked. */
  async start(): Promise<void> {
    this.started = true;
    for (const job of await this.options.store.listByState(['printing'])) {
      await this.save({ ...job, state: 'unconfirmed', lastError: 'Máy đã tắt hoặc khởi động lại khi đang in lệnh này.' });
    }
    this.kick();
  }

  stop(): void {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** One store write; resolves with an error message instead of throwing, so a save path can ignore it safely. */
  async enqueue(request: EnqueueRequest): Promise<EnqueueResult> {
    const copies = Math.max(1, Math.floor(request.copies ?? 1));
    const job: PrintJobRecord = {
      id: this.newId(),
      printerId: 'printerId' in request ? request.printerId : '',
      ...('role' in request ? { awaitsPrinter: { role: request.role, ...(request.copies !== undefined ? { copies } : {}) } } : {}),
      document: request.document,
      copies,
      copiesDone: 0,
      state: 'queued',
      attempts: 0,
      nextAttemptAt: this.now(),
      createdAt: this.now(),
    };
    try {
      await this.save(job);
    } catch (error) {
      this.log(`[in] không lưu được lệnh in "${request.document.title}": ${(error as Error).message}`);
      return { ok: false, message: `Không lưu được lệnh in "${request.document.title}". Hồ sơ đã lưu; hãy in lại từ danh sách hồ sơ.` };
    }
    this.kick();
    return { ok: true, jobId: job.id };
  }

  /** A new one-copy job of the same document, marked "BẢN IN LẠI". */
  async reprint(jobId: string, printerId?: string): Promise<EnqueueResult> {
    const original = await this.options.store.get(jobId);
    if (!original) return { ok: false, message: 'Không tìm thấy lệnh in gốc để in lại.' };
    const result = await this.enqueue({ printerId: printerId ?? original.printerId, document: markReprint(original.document), copies: 1 });
    if (result.ok) {
      const job = await this.options.store.get(result.jobId);
      if (job) await this.save({ ...job, reprintOf: original.id });
    }
    return result;
  }

  /** Cancels a job that has not finished; copies already printed stay printed. */
  async cancel(jobId: string): Promise<boolean> {
    const job = await this.options.store.get(jobId);
    if (!job || job.state === 'done' || job.state === 'cancelled') return false;
    await this.save({ ...job, state: 'cancelled' });
    return true;
  }

  /** Puts a failed job back in the queue (after staff fixed the printer settings). */
  async retry(jobId: string): Promise<boolean> {
    const job = await this.options.store.get(jobId);
    if (!job || job.state !== 'failed') return false;
    await this.save({ ...job, state: 'queued', nextAttemptAt: this.now(), lastError: undefined });
    this.kick();
    return true;
  }

  /** Staff saw the copy on paper: it counts, and the job's other copies print. */
  async confirmPrinted(jobId: string): Promise<boolean> {
    const job = await this.options.store.get(jobId);
    if (!job || job.state !== 'unconfirmed') return false;
    const copiesDone = Math.min(job.copies, job.copiesDone + 1);
    await this.save({ ...job, copiesDone, state: copiesDone === job.copies ? 'done' : 'queued', nextAttemptAt: this.now(), lastError: undefined });
    this.kick();
    return true;
  }

  /** Staff found no paper: the same copy prints again. */
  async printAgain(jobId: string): Promise<boolean> {
    const job = await this.options.store.get(jobId);
    if (!job || job.state !== 'unconfirmed') return false;
    await this.save({ ...job, state: 'queued', nextAttemptAt: this.now(), lastError: undefined });
    this.kick();
    return true;
  }

  /** Runs the due jobs now; resolves when this pass is over. Tests call it directly with a fake clock. */
  runDue(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = this.pass()
      .catch((error: unknown) => this.log(`[in] lỗi hàng đợi in: ${(error as Error).message}`))
      .finally(() => {
        this.running = undefined;
        if (this.rerun) {
          this.rerun = false;
          void this.runDue();
        } else {
          void this.scheduleNext();
        }
      });
    return this.running;
  }

  private kick(): void {
    if (this.started) void this.runDue();
  }

  private async scheduleNext(): Promise<void> {
    if (!this.started) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const queued = await this.options.store.listByState(['queued']);
    if (queued.length === 0) return;
    const next = Math.max(this.hostAwayUntil, Math.min(...queued.map((j) => j.nextAttemptAt)));
    this.timer = setTimeout(() => void this.runDue(), Math.max(0, next - this.now()));
  }

  private async pass(): Promise<void> {
    if (this.hostAwayUntil > this.now()) return;
    let printers: PrinterConfig[];
    try {
      printers = await this.options.printers();
      this.hostFailures = 0;
      this.hostAwayUntil = 0;
    } catch (error) {
      // The jobs stay queued as they are; they are tried again once the machine answers.
      this.hostFailures += 1;
      this.hostAwayUntil = this.now() + backoffDelay(this.hostFailures, this.backoff.baseMs, Math.min(this.backoff.maxMs, HOST_AWAY_MAX_MS));
      if (this.hostFailures === 1) this.log(`[in] chưa lấy được danh sách máy in, các lệnh in chờ trong hàng đợi: ${(error as Error).message}`);
      return;
    }
    // A printer that just failed keeps its later jobs waiting, so slips come out in order.
    const blocked = new Set<string>();
    for (const listed of await this.options.store.listByState(['queued'])) {
      const queued = listed.awaitsPrinter ? await this.choosePrinter(listed, printers) : listed;
      if (!queued) continue;
      if (blocked.has(queued.printerId)) continue;
      if (queued.nextAttemptAt > this.now()) {
        blocked.add(queued.printerId);
        continue;
      }
      const ok = await this.printJob(queued, printers);
      if (!ok) blocked.add(queued.printerId);
    }
  }

  /** A job queued for a role gets the printer now serving it; none: the job fails and says so. */
  private async choosePrinter(job: PrintJobRecord, printers: PrinterConfig[]): Promise<PrintJobRecord | undefined> {
    const { awaitsPrinter, ...rest } = job;
    const { role, copies } = awaitsPrinter!;
    const printer = printers.find((p) => p.roles.includes(role));
    if (!printer) {
      await this.save({ ...job, state: 'failed', lastError: 'Chưa có máy in nào được chọn cho loại giấy này. Vào Cài đặt (F9) chọn máy in rồi bấm In lại.' });
      return undefined;
    }
    const chosen: PrintJobRecord = { ...rest, printerId: printer.id, copies: copies ?? Math.max(1, printer.copies[role] ?? 1) };
    await this.save(chosen);
    return chosen;
  }

  private async printJob(queued: PrintJobRecord, printers: PrinterConfig[]): Promise<boolean> {
    const printer = printers.find((p) => p.id === queued.printerId);
    let job: PrintJobRecord = { ...queued, state: 'printing', attempts: queued.attempts + 1 };
    if (!printer) {
      await this.save({ ...job, state: 'failed', lastError: 'Máy in của lệnh này không còn trong cài đặt. Hãy chọn máy in khác rồi in lại.' });
      return false;
    }
    await this.save(job);
    while (job.copiesDone < job.copies) {
      const current = await this.options.store.get(job.id);
      if (current?.state === 'cancelled') return true;
      let outcome: PrintOutcome;
      try {
        outcome = await this.options.deliver(job.document, printer, `${job.id}#${job.copiesDone + 1}`);
      } catch (error) {
        // The machine's service went away before the job reached it: nothing was sent, so it is tried again.
        outcome =
          error instanceof HostCallError && error.code === 'HOST_UNREACHABLE'
            ? { ok: false, retryable: true, status: { state: 'offline', message: error.message } }
            : { ok: false, retryable: false, status: { state: 'error', message: `Không tạo được bản in: ${(error as Error).message}` } };
      }
      if (!outcome.ok && outcome.unconfirmed) {
        this.log(`[in] lệnh in "${job.document.title}" (${job.id}) đã gửi tới ${printer.name} nhưng máy in không xác nhận: ${outcome.status.message}; chờ cán bộ trả lời đã in ra chưa`);
        await this.save({ ...job, state: 'unconfirmed', lastError: outcome.status.message });
        return false;
      }
      if (!outcome.ok) {
        const delay = backoffDelay(job.attempts, this.backoff.baseMs, this.backoff.maxMs);
        this.log(`[in] lệnh in "${job.document.title}" (${job.id}) chưa in được trên ${printer.name}, lần ${job.attempts}: ${outcome.status.message}${outcome.retryable ? '; sẽ thử lại' : ''}`);
        await this.save({
          ...job,
          state: outcome.retryable ? 'queued' : 'failed',
          nextAttemptAt: this.now() + delay,
          lastError: outcome.status.message,
        });
        return false;
      }
      job = { ...job, copiesDone: job.copiesDone + 1, lastError: undefined };
      const after = await this.options.store.get(job.id);
      if (after?.state === 'cancelled') {
        await this.save({ ...after, copiesDone: job.copiesDone });
        return true;
      }
      await this.save(job.copiesDone === job.copies ? { ...job, state: 'done' } : job);
    }
    return true;
  }

  private async save(job: PrintJobRecord): Promise<void> {
    await this.options.store.put(job);
    this.options.onChange?.(job);
  }

  private log(line: string): void {
    (this.options.log ?? ((text: string) => kioskLog.warn(text)))(line);
  }
}

/** An in-memory store (tests, and a kiosk whose database failed to open). */
export class MemoryPrintJobStore implements PrintJobStore {
  readonly jobs = new Map<string, PrintJobRecord>();

  async put(job: PrintJobRecord): Promise<void> {
    this.jobs.set(job.id, structuredClone(job));
  }

  async get(id: string): Promise<PrintJobRecord | undefined> {
    const job = this.jobs.get(id);
    return job ? structuredClone(job) : undefined;
  }

  async listByState(states: PrintJobState[]): Promise<PrintJobRecord[]> {
    return [...this.jobs.values()]
      .filter((j) => states.includes(j.state))
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((j) => structuredClone(j));
  }
}
