// What every handoff panel needs once: departments and the working calendar from the catalogue,
// the deployment's agency header and barcode agency table, and event metadata for this officer.
import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'react';
import { useKiosk } from '../../kiosk/kiosk';
import { loadReceiveCatalogue, type ReceiveCatalogue } from '../../desk/catalogue';
import { agencyTableFor, loadReceiveConfig, type ReceiveConfig } from '../../desk/config';

export interface HandoffSetup {
  catalogue: ReceiveCatalogue;
  config: ReceiveConfig;
  agencyTable: string[];
  departmentName(id: string | undefined): string;
}

export function useHandoffSetup(): { setup?: HandoffSetup; error?: string } {
  const { db, credential } = useKiosk();
  const [loaded, setLoaded] = useState<{ catalogue: ReceiveCatalogue; config: ReceiveConfig }>();
  const [error, setError] = useState<string>();
  // Live: a counter enrolled minutes ago may still be pulling the catalogue when this opens.
  useEffect(() => {
    const subscription = liveQuery(() => Promise.all([loadReceiveCatalogue(db), loadReceiveConfig(db)])).subscribe({
      next: ([catalogue, config]) => setLoaded({ catalogue, config }),
      error: (e: unknown) => setError(`Không đọc được danh mục trên máy: ${e instanceof Error ? e.message : String(e)}`),
    });
    return () => subscription.unsubscribe();
  }, [db]);
  const setup = useMemo<HandoffSetup | undefined>(() => {
    if (!loaded) return undefined;
    const { catalogue, config } = loaded;
    return {
      catalogue,
      config,
      agencyTable: agencyTableFor(config, credential.agencyCode),
      departmentName: (id) => (id ? (catalogue.departments.get(id)?.name ?? id) : 'cơ quan chưa rõ'),
    };
  }, [loaded, credential.agencyCode]);
  return { setup, error };
}
