// The desk context for the running counter: the kiosk's database and officer, the print queue,
// and the setup loaded once per screen.
import { useMemo } from 'react';
import { useKiosk } from '../kiosk/kiosk';
import { usePrinting } from '../kiosk/printing';
import type { DeskSetup } from './useDeskSetup';
import type { ServerAccess } from '../features/dossier/history';
import type { DeskContext } from './context';

export function useDeskContext(setup: DeskSetup | undefined): { ctx?: DeskContext & { departmentName(id: string): string | undefined }; server: ServerAccess } {
  const { db, eventMeta, credential, officer } = useKiosk();
  const printing = usePrinting();
  const server = useMemo(() => ({ baseUrl: credential.serverUrl, token: credential.token }), [credential]);
  const ctx = useMemo(
    () =>
      setup && {
        db,
        eventMeta,
        config: setup.config,
        calendar: setup.calendar,
        printers: setup.printers,
        print: printing.print,
        counter: { counterIndex: credential.counterIndex, counterName: credential.counterName },
        officerName: officer.fullName,
        departmentName: setup.departmentName,
      },
    [setup, db, eventMeta, printing.print, credential, officer.fullName],
  );
  return { ctx, server };
}
