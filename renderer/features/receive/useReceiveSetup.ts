// What the receiving screen needs before the first citizen: the catalogue, the configuration, the
// printers, and numbers leased ahead. Online it refreshes the catalogue and tops up today's leases;
// offline it works from what the counter already holds.
import { useCallback, useEffect, useState } from 'react';
import { vnDateKey } from '../../../shared/calendar';
import type { PrinterConfig } from '../../../shared/host';
import { dossierSeqScope, receiptScope } from '../../../shared/sync/leases';
import { remainingNumbers } from '../../db';
import { useKiosk } from '../../kiosk/kiosk';
import { loadReceiveCatalogue, type ReceiveCatalogue } from '../../desk/catalogue';
import { loadReceiveConfig, receiptSeriesFor, type ReceiveConfig } from '../../desk/config';

/** Top up when fewer than this many dossier numbers are left for today. */
const LEASE_LOW_WATER = 10;

export interface ReceiveSetup {
  catalogue?: ReceiveCatalogue;
  config?: ReceiveConfig;
  printers: PrinterConfig[];
  /** Dossier numbers left in today's leases (not counting the fallback range). */
  remaining?: number;
  refreshLeases(): Promise<void>;
}

export function useReceiveSetup(): ReceiveSetup {
  const { db, host, sync, credential } = useKiosk();
  const [catalogue, setCatalogue] = useState<ReceiveCatalogue>();
  const [config, setConfig] = useState<ReceiveConfig>();
  const [printers, setPrinters] = useState<PrinterConfig[]>([]);
  const [remaining, setRemaining] = useState<number>();

  const refreshLeases = useCallback(async () => {
    const cfg = await loadReceiveConfig(db);
    const key = vnDateKey(new Date());
    const yymmdd = key.slice(2, 4) + key.slice(5, 7) + key.slice(8, 10);
    const series = receiptSeriesFor(cfg, Number(key.slice(0, 4)));
    const scope = dossierSeqScope(credential.agencyCode, yymmdd);
    let left = await remainingNumbers(db, 'dossierSeq', scope);
    const receiptsLeft = await remainingNumbers(db, 'receipt', receiptScope(cfg.receiptFormSymbol, series));
    if (left < LEASE_LOW_WATER || receiptsLeft < LEASE_LOW_WATER) {
      try {
        await sync.requestLeases({ requestId: crypto.randomUUID(), dossierDates: [yymmdd], receiptSeries: [{ formSymbol: cfg.receiptFormSymbol, series }] });
        left = await remainingNumbers(db, 'dossierSeq', scope);
      } catch {
        // Offline: the counter keeps using what it holds, then its fallback range (with a warning).
      }
    }
    setRemaining(left);
  }, [db, sync, credential.agencyCode]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const [cat, cfg, list] = await Promise.all([loadReceiveCatalogue(db), loadReceiveConfig(db), host.printers.list().catch(() => [] as PrinterConfig[])]);
      if (cancelled) return;
      setCatalogue(cat);
      setConfig(cfg);
      setPrinters(list);
      try {
        if ((await sync.pullCatalogue()) > 0 && !cancelled) {
          const [fresh, freshCfg] = await Promise.all([loadReceiveCatalogue(db), loadReceiveConfig(db)]);
          setCatalogue(fresh);
          setConfig(freshCfg);
        }
      } catch {
        // Offline: the catalogue the counter already holds is used.
      }
      if (!cancelled) await refreshLeases();
    })();
    return () => {
      cancelled = true;
    };
  }, [db, host, sync, refreshLeases]);

  return { catalogue, config, printers, remaining, refreshLeases };
}
