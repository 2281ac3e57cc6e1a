// The dossier open on a desk screen, re-read from the database after each action.
import { useCallback, useState } from 'react';
import { useKiosk } from '../../app/kiosk';
import type { DossierRow } from '../../db';

export function useOpenDossier(): { row?: DossierRow; open(row: DossierRow | undefined): void; reload(): Promise<void> } {
  const { db } = useKiosk();
  const [row, setRow] = useState<DossierRow>();
  const reload = useCallback(async () => {
    if (row) setRow(await db.dossiers.get(row.id));
  }, [db, row]);
  return { row, open: setRow, reload };
}
