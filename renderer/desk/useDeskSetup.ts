// What the desk screens share: department names, the working-day calendar, the deployment's
// configuration (agency header, receipt series, form set) and the agency table for scanned keys.
import { useEffect, useState } from 'react';
import type { WorkCalendar } from '../../shared/calendar';
import type { PrinterConfig } from '../../shared/host';
import { useKiosk } from '../kiosk/kiosk';
import { loadReceiveCatalogue } from './catalogue';
import { agencyTableFor, loadReceiveConfig, receiptSeriesFor, type ReceiveConfig } from './config';
import { vnDateKey } from '../../shared/calendar';
import { receiptScope } from '../../shared/sync/leases';
import { remainingNumbers } from '../db';

const RECEIPT_LOW_WATER = 10;

export interface DeskSetup {
  config: ReceiveConfig;
  calendar: WorkCalendar;
  departmentName(id: string): string | undefined;
  agencyTable: string[];
  printers: PrinterConfig[];
}

export function useDeskSetup(): DeskSetup | undefined {
  const { db, host, credential, sync } = useKiosk();
  const [setup, setSetup] = useState<DeskSetup>();
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const [catalogue, config, printers] = await Promise.all([loadReceiveCatalogue(db), loadReceiveConfig(db), host.printers.list().catch(() => [] as PrinterConfig[])]);
      if (cancelled) return;
      setSetup({
        config,
        calendar: catalogue.calendar,
        departmentName: (id) => catalogue.departments.get(id)?.name,
        agencyTable: agencyTableFor(config, credential.agencyCode),
        printers,
      });
      // The desk collects remaining fees: keep receipt numbers leased ahead while online.
      const series = receiptSeriesFor(config, Number(vnDateKey(new Date()).slice(0, 4)));
      if ((await remainingNumbers(db, 'receipt', receiptScope(config.receiptFormSymbol, series))) < RECEIPT_LOW_WATER) {
        await sync.requestLeases({ requestId: crypto.randomUUID(), receiptSeries: [{ formSymbol: config.receiptFormSymbol, series }] }).catch(() => {
          // Offline: the counter's fallback receipt range still works, with a warning at the fee.
        });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [db, host, sync, credential.agencyCode]);
  return setup;
}
