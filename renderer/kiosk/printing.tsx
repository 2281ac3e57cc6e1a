// Printing for every screen: documents go into the persistent print queue (Dexie) and leave for the
// printer configured for their role. Enqueueing never waits on a printer and never throws.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { PrintDocument } from '../../shared/documents/model';
import type { MotCuaDb } from '../db';
import { hostDelivery } from '../print/rasterise';
import { PrintQueue, type EnqueueResult, type PrintJobRecord, type PrintJobState, type PrintJobStore, type PrintRole } from '../print/queue';
import '../print/fonts.css';
import fontRegular from '../../assets/fonts/NotoSans-Regular.ttf?url';
import fontBold from '../../assets/fonts/NotoSans-Bold.ttf?url';
import fontItalic from '../../assets/fonts/NotoSans-Italic.ttf?url';
import { useKiosk } from './kiosk';

export type { PrintRole };

const ROLE_LABELS: Record<PrintRole, string> = {
  slip: 'giấy hẹn',
  receipt: 'biên lai',
  handover: 'biên bản giao nhận',
  form: 'mẫu phiếu khổ A4/A5',
  ticket: 'phiếu số thứ tự',
};

const RUNNER_LOCK = 'motcua-print-queue-runner';
const WAKE_CHANNEL = 'motcua-print-queue';

function notifyRunner(): void {
  const channel = new BroadcastChannel(WAKE_CHANNEL);
  channel.postMessage('wake');
  channel.close();
}

export function dexiePrintJobStore(db: MotCuaDb): PrintJobStore {
  return {
    put: async (job) => void (await db.printQueue.put(job)),
    get: (id) => db.printQueue.get(id),
    listByState: async (states: PrintJobState[]) => (await db.printQueue.where('state').anyOf(states).toArray()).sort((a, b) => a.createdAt - b.createdAt),
  };
}

export interface Printing {
  print(document: PrintDocument, options: { role: PrintRole; copies?: number }): Promise<EnqueueResult>;
  queue: PrintQueue;
  jobs: PrintJobRecord[];
}

const PrintingContext = createContext<Printing | undefined>(undefined);

export function usePrinting(): Printing {
  const printing = useContext(PrintingContext);
  if (!printing) throw new Error('usePrinting() ngoài PrintingProvider');
  return printing;
}

/** The printing context when the shell provides it; desks still record dossiers without it. */
export function useOptionalPrinting(): Printing | undefined {
  return useContext(PrintingContext);
}

export function PrintingProvider({ children }: { children: ReactNode }) {
  const { db, host } = useKiosk();
  const [jobs, setJobs] = useState<PrintJobRecord[]>([]);
  const queue = useMemo(
    () =>
      new PrintQueue({
        store: dexiePrintJobStore(db),
        printers: () => host.printers.list(),
        deliver: hostDelivery(host, { regular: fontRegular, bold: fontBold, italic: fontItalic }),
        onChange: (job) => setJobs((all) => [job, ...all.filter((j) => j.id !== job.id)].slice(0, 50)),
      }),
    [db, host],
  );
  // One queue runner per machine: a second tab or window on the same database would otherwise print
  // every job twice. The runner holds a Web Lock; the other tabs only enqueue and wake it.
  useEffect(() => {
    const wake = new BroadcastChannel(WAKE_CHANNEL);
    const released = new AbortController();
    let holding = false;
    wake.onmessage = () => {
      if (holding) void queue.runDue();
    };
    navigator.locks
      .request(RUNNER_LOCK, { signal: released.signal }, async () => {
        holding = true;
        await queue.start();
        await new Promise<void>((resolve) => released.signal.addEventListener('abort', () => resolve()));
      })
      .catch(() => undefined);
    return () => {
      released.abort();
      holding = false;
      queue.stop();
      wake.close();
    };
  }, [queue]);

  const value = useMemo<Printing>(
    () => ({
      queue,
      jobs,
      async print(document, { role, copies }) {
        // The machine's service away (restarting) says nothing about the printers: the job is queued for
        // its role and gets the printer when the service answers again. Only a list without one is "none".
        const printers = await host.printers.list().catch(() => undefined);
        const printer = printers?.find((p) => p.roles.includes(role));
        if (printers && !printer) return { ok: false, message: `Chưa cài máy in cho ${ROLE_LABELS[role]}. Vào Cài đặt (F9) để chọn máy in; hồ sơ đã được lưu.` };
        const result = await queue.enqueue(
          printer ? { printerId: printer.id, document, copies: copies ?? printer.copies[role] ?? 1 } : { role, document, ...(copies !== undefined ? { copies } : {}) },
        );
        if (result.ok) notifyRunner();
        return result;
      },
    }),
    [queue, jobs, host],
  );
  return <PrintingContext.Provider value={value}>{children}</PrintingContext.Provider>;
}
