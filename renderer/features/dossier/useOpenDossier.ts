// The dossier open on a desk screen, kept live from the database: what this desk records (a return,
// a digitised paper), another window or a sync pull writes shows on the card at once. A server
// copy (find.ts) is not in the database, so it stays as fetched.
import { liveQuery } from 'dexie';
import { useCallback, useEffect, useState } from 'react';
import { useKiosk } from '../../kiosk/kiosk';
import type { DossierRow } from '../../db';
import { isServerCopy } from './find';

export function useOpenDossier(): { row?: DossierRow; open(row: DossierRow | undefined): void; reload(): Promise<void> } {
  const { db } = useKiosk();
  const [opened, setOpened] = useState<DossierRow>();
  const [live, setLive] = useState<DossierRow>();
  useEffect(() => {
    if (!opened || isServerCopy(opened)) return;
    const subscription = liveQuery(() => db.dossiers.get(opened.id)).subscribe({ next: setLive });
    return () => subscription.unsubscribe();
  }, [db, opened]);
  const reload = useCallback(async () => {
    if (opened && !isServerCopy(opened)) setLive(await db.dossiers.get(opened.id));
  }, [db, opened]);
  const row = opened && live?.id === opened.id ? live : opened;
  return { row, open: setOpened, reload };
}
