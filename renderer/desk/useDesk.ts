// What every desk screen loads once, from one place: the catalogue (departments, procedures, the
// working-day calendar) and the Center's configuration, live, so a counter enrolled minutes ago
// sees them arrive; the printers; numbers leased ahead; and the desk context built from it all.
import { liveQuery } from 'dexie';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { vnDateKey } from '../../shared/calendar';
import type { PrinterConfig } from '../../shared/host';
import { dossierSeqScope, receiptScope } from '../../shared/sync/leases';
import { remainingNumbers } from '../db';
import type { ServerAccess } from '../kiosk/api';
import { useKiosk } from '../kiosk/kiosk';
import { useOptionalPrinting } from '../kiosk/printing';
import { loadDeskCatalogue, type DeskCatalogue } from './catalogue';
import { agencyTableFor, loadCenterConfig, receiptSeriesFor, type CenterConfig } from './config';
import type { DeskContext } from './context';

/** Top up when fewer than this many numbers are left. */
const LEASE_LOW_WATER = 10;

export interface DeskSetup {
  catalogue: DeskCatalogue;
  config: CenterConfig;
  printers: PrinterConfig[];
  /** Maps a scanned barcode key's agency index back to an agency code. */
  agencyTable: string[];
  departmentName(id: string): string | undefined;
}

export interface DeskOptions {
  /**
   * Numbers this desk issues, leased ahead while online: 'dossier' (dossier codes and receipts, the
   * receiving counter) or 'receipt' (fees collected at the return desk).
   */
  leases?: 'dossier' | 'receipt';
  /** Ask the server for a newer catalogue when the screen opens (the receiving counter). */
  refreshCatalogue?: boolean;
}

export interface Desk {
  setup?: DeskSetup;
  ctx?: DeskContext;
  server: ServerAccess;
  /** The catalogue could not be read from this machine's database. */
  error?: string;
  /** Dossier numbers left in today's leases (not counting the fallback range), with leases 'dossier'. */
  remaining?: number;
  refreshLeases(): Promise<void>;
}

export function useDesk(options: DeskOptions = {}): Desk {
  const { leases, refreshCatalogue = false } = options;
  const { db, host, sync, credential, officer, eventMeta } = useKiosk();
  const printing = useOptionalPrinting();
  const [loaded, setLoaded] = useState<{ catalogue: DeskCatalogue; config: CenterConfig }>();
  const [printers, setPrinters] = useState<PrinterConfig[]>();
  const [error, setError] = useState<string>();
  const [remaining, setRemaining] = useState<number>();

  useEffect(() => {
    // The counter's own center (by the agency code it enrolled under) names the slips of a center other than the configured one.
    const subscription = liveQuery(() => Promise.all([loadDeskCatalogue(db), loadCenterConfig(db, credential.agencyCode)])).subscribe({
      next: ([catalogue, config]) => setLoaded({ catalogue, config }),
      error: (e: unknown) => setError(`Không đọc được danh mục trên máy: ${e instanceof Error ? e.message : String(e)}`),
    });
    return () => subscription.unsubscribe();
  }, [db, credential.agencyCode]);

  useEffect(() => {
    let cancelled = false;
    void host.printers
      .list()
      .catch(() => [] as PrinterConfig[])
      .then((list) => !cancelled && setPrinters(list));
    // Offline: the catalogue the counter already holds is used; the live query shows a newer one.
    if (refreshCatalogue) void sync.pullCatalogue().catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [host, sync, refreshCatalogue]);

  const refreshLeases = useCallback(async () => {
    if (!leases) return;
    const config = await loadCenterConfig(db, credential.agencyCode);
    const key = vnDateKey(new Date());
    const yymmdd = key.slice(2, 4) + key.slice(5, 7) + key.slice(8, 10);
    const series = receiptSeriesFor(config, Number(key.slice(0, 4)));
    const dossierScope = dossierSeqScope(credential.agencyCode, yymmdd);
    const receiptsLeft = await remainingNumbers(db, 'receipt', receiptScope(config.receiptFormSymbol, series));
    let left = leases === 'dossier' ? await remainingNumbers(db, 'dossierSeq', dossierScope) : Infinity;
    if (left < LEASE_LOW_WATER || receiptsLeft < LEASE_LOW_WATER) {
      try {
        await sync.requestLeases({ requestId: crypto.randomUUID(), dossierDates: leases === 'dossier' ? [yymmdd] : undefined, receiptSeries: [{ formSymbol: config.receiptFormSymbol, series }] });
        if (leases === 'dossier') left = await remainingNumbers(db, 'dossierSeq', dossierScope);
      } catch {
        // Offline: the counter keeps using what it holds, then its fallback range (with a warning).
      }
    }
    if (leases === 'dossier') setRemaining(left);
  }, [db, sync, credential.agencyCode, leases]);

  useEffect(() => {
    void refreshLeases();
  }, [refreshLeases]);

  const setup = useMemo<DeskSetup | undefined>(() => {
    if (!loaded || !printers) return undefined;
    const { catalogue, config } = loaded;
    return { catalogue, config, printers, agencyTable: agencyTableFor(config, credential.agencyCode), departmentName: (id) => catalogue.departments.get(id)?.name };
  }, [loaded, printers, credential.agencyCode]);

  const server = useMemo(() => ({ baseUrl: credential.serverUrl, token: credential.token }), [credential]);

  const print = printing?.print;
  const ctx = useMemo<DeskContext | undefined>(
    () =>
      setup && {
        db,
        eventMeta,
        config: setup.config,
        calendar: setup.catalogue.calendar,
        printers: setup.printers,
        print: print ?? (async () => ({ ok: false, message: 'Chức năng in chưa sẵn sàng; hồ sơ đã được lưu, hãy in lại sau.' })),
        counter: { agencyCode: credential.agencyCode, counterIndex: credential.counterIndex, counterName: credential.counterName },
        officerName: officer.fullName,
        departmentName: setup.departmentName,
        centerName: (agencyCode) => setup.catalogue.centers.get(agencyCode)?.name,
        ...(setup.catalogue.scope ? { scope: setup.catalogue.scope } : {}),
      },
    [setup, db, eventMeta, print, credential, officer.fullName],
  );

  return { setup, ctx, server, error, remaining, refreshLeases };
}
