// The running counter: its database, its machine, its enrolment, the officer signed in, and the
// sync client. Screens get all of it from `useKiosk()` and never build their own.
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { RULE_VERSION, type EventMeta } from '../../shared/domain';
import type { DeviceCredential, KioskHost, KioskSettings } from '../../shared/host';
import type { StaffRole } from '../../shared/sync/protocol';
import { MotCuaDb } from '../db';
import { getHost } from '../host';
import { kioskLog } from '../host/log';
import { loadRetentionMonths, pruneReturnedDossiers } from '../db/retention';
import { startScanning } from '../scan';
import { SyncClient } from '../sync';
import { counterReport } from './counterReport';

export interface Officer {
  id: string;
  username: string;
  fullName: string;
  roles: StaffRole[];
  /** Present when signed in online; an offline sign-in works from synced hashes alone. */
  sessionToken?: string;
}

export interface Kiosk {
  db: MotCuaDb;
  host: KioskHost;
  settings: KioskSettings;
  credential: DeviceCredential;
  officer: Officer;
  sync: SyncClient;
  signOut(): void;
  /** The metadata every event recorded at this counter carries. */
  eventMeta(dossierId: string): EventMeta;
}

const KioskContext = createContext<Kiosk | undefined>(undefined);

export function useKiosk(): Kiosk {
  const kiosk = useContext(KioskContext);
  if (!kiosk) throw new Error('useKiosk() ngoài KioskProvider');
  return kiosk;
}

let sharedDb: MotCuaDb | undefined;
export function openDb(): MotCuaDb {
  return (sharedDb ??= new MotCuaDb());
}

export function KioskProvider(props: { host: KioskHost; settings: KioskSettings; credential: DeviceCredential; officer: Officer; onSignOut(): void; children: ReactNode }) {
  const { host, settings, credential, officer, onSignOut } = props;
  const db = openDb();
  const sync = useMemo(() => new SyncClient({ db, baseUrl: credential.serverUrl, credential: credential.token, report: () => counterReport(host) }), [db, credential, host]);
  useEffect(() => {
    sync.start();
    // Each new sync problem once in the machine's log (not every retry of the same one).
    let last: string | undefined;
    const unsubscribe = sync.subscribe((status) => {
      const problem = status.lastError ? `${status.lastError.code}: ${status.lastError.message}` : undefined;
      if (problem && problem !== last) kioskLog.warn('Đồng bộ với máy chủ chưa được', { code: status.lastError!.code, message: status.lastError!.message, pending: status.pendingCount });
      last = problem;
    });
    return () => {
      unsubscribe();
      void sync.stop();
    };
  }, [sync]);
  // The local database stays bounded: returned dossiers older than the retention period leave the
  // counter (the server keeps them), at start and once a day, for the months the Center set (synced setting).
  useEffect(() => {
    const prune = () =>
      void loadRetentionMonths(db)
        .then((months) => pruneReturnedDossiers(db, { months, now: new Date() }))
        .catch((error: Error) => kioskLog.warn('Không dọn được hồ sơ đã trả quá thời hạn lưu giữ', error));
    prune();
    const timer = setInterval(prune, 24 * 3600 * 1000);
    return () => clearInterval(timer);
  }, [db]);
  // One scan stream for the whole app: keyboard-wedge scanners, and serial ones when configured.
  useEffect(() => startScanning({ host, serial: settings.scannerPort ? {} : false }), [host, settings.scannerPort]);

  const value = useMemo<Kiosk>(
    () => ({
      db,
      host,
      settings,
      credential,
      officer,
      sync,
      signOut: onSignOut,
      eventMeta: (dossierId) => ({
        id: crypto.randomUUID(),
        dossierId,
        officerId: officer.id,
        counterId: credential.counterId,
        deviceTime: new Date().toISOString(),
        ruleVersion: RULE_VERSION,
      }),
    }),
    [db, host, settings, credential, officer, sync, onSignOut],
  );
  return <KioskContext.Provider value={value}>{props.children}</KioskContext.Provider>;
}

export { getHost };
