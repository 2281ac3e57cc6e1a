// The dossier open on a desk screen, re-read from the database after each action. A server copy
// (find.ts) is not in the database, so it stays as fetched.
import { useCallback, useState } from 'react';
import { useKiosk } from '../../kiosk/kiosk';
import type { DossierRow } from '../../db';
import { isServerCopy } from './find';

export function useOpenDossier(): { row?: DossierRow; open(row: DossierRow | undefined): void; reload(): Promise<void> } {
  const { db } = useKiosk();
  const [row, setRow] = useState<DossierRow>();
  const reload = useCallback(async () => {
    if (row && !isServerCopy(row)) setRow(await db.dossiers.get(row.id));
  }, [db, row]);
  return { row, open: setRow, reload };
}
