// Security for the signed-in shell: the audit log's push loop and the one way screens record that
// personal data was viewed, printed in full or exported.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useKiosk } from '../kiosk/kiosk';
import { AuditSync, recordAudit, type AuditAction, type AuditEntry, type PushOutcome } from './audit';

export interface PersonalDataAccess {
  action: AuditAction;
  /** What was shown: 'idNumber', 'phone', or a short name of an export ('danh sách hồ sơ'). */
  field: string;
  dossierId?: string;
  dossierCode?: string;
  detail?: string;
}

export interface Security {
  /** Durable before it resolves: show the data only after this. */
  recordAccess(access: PersonalDataAccess): Promise<AuditEntry>;
  lastPush?: PushOutcome;
}

const SecurityContext = createContext<Security | undefined>(undefined);

export function useSecurity(): Security {
  const security = useContext(SecurityContext);
  if (!security) throw new Error('useSecurity() ngoài SecurityProvider');
  return security;
}

export function SecurityProvider({ children }: { children: ReactNode }) {
  const { db, credential, officer } = useKiosk();
  const [lastPush, setLastPush] = useState<PushOutcome>();
  const sync = useMemo(() => new AuditSync(db, { serverUrl: credential.serverUrl, token: credential.token }, { onOutcome: setLastPush }), [db, credential]);
  useEffect(() => {
    sync.start();
    return () => sync.stop();
  }, [sync]);

  const value = useMemo<Security>(
    () => ({
      lastPush,
      async recordAccess(access) {
        const entry = await recordAudit(db, { ...access, counterId: credential.counterId, officerId: officer.id, officerName: officer.fullName });
        sync.kick();
        return entry;
      },
    }),
    [db, credential, officer, sync, lastPush],
  );
  return <SecurityContext.Provider value={value}>{children}</SecurityContext.Provider>;
}
