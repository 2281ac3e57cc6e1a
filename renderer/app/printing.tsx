// Printing for every screen: documents go into the persistent print queue (Dexie) and leave for the
// printer configured for their role. Enqueueing never waits on a printer and never throws.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { PrintDocument } from '../../shared/documents/model';
import type { PrinterConfig } from '../../shared/host';
import type { MotCuaDb } from '../db';
import { hostDelivery } from '../print/rasterise';
import { PrintQueue, type EnqueueResult, type PrintJobRecord, type PrintJobState, type PrintJobStore } from '../print/queue';
import '../print/fonts.css';
import fontRegular from '../../assets/fonts/NotoSans-Regular.ttf?url';
import fontBold from '../../assets/fonts/NotoSans-Bold.ttf?url';
import fontItalic from '../../assets/fonts/NotoSans-Italic.ttf?url';
import { useKiosk } from './kiosk';

export type PrintRole = PrinterConfig['roles'][number];

const ROLE_LABELS: Record<PrintRole, string> = {
  slip: 'giấy hẹn',
  receipt: 'biên lai',
  handover: 'biên bản giao nhận',
  form: 'mẫu phiếu khổ A4/A5',
};

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
  useEffect(() => {
    void queue.start();
    return () => queue.stop();
  }, [queue]);

  const value = useMemo<Printing>(
    () => ({
      queue,
      jobs,
      async print(document, { role, copies }) {
        const printers = await host.printers.list().catch(() => [] as PrinterConfig[]);
        const printer = printers.find((p) => p.roles.includes(role));
        if (!printer) return { ok: false, message: `Chưa cài máy in cho ${ROLE_LABELS[role]}. Vào Cài đặt (F9) để chọn máy in; hồ sơ đã được lưu.` };
        return queue.enqueue({ printerId: printer.id, document, copies: copies ?? printer.copies[role] ?? 1 });
      },
    }),
    [queue, jobs, host],
  );
  return <PrintingContext.Provider value={value}>{children}</PrintingContext.Provider>;
}
