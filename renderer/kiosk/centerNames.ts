// The names of the province's centers (catalogue kind `center`), by agency code; live, so a screen
// opened before the counter's first catalogue fetch names the centers once it arrives. Only the
// center rows are read: the sign-in screen and the shell's header use it, before and on every screen.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import type { CenterInfo } from '../../shared/sync/protocol';
import type { MotCuaDb } from '../db';
import { useKiosk } from './kiosk';

export type CenterNameOf = (agencyCode: string) => string | undefined;

/** The names as this counter's database holds them, `db` given (the sign-in screen runs before the kiosk's context). */
export function useCenterNamesIn(db: MotCuaDb, wanted = true): CenterNameOf {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    if (!wanted) return;
    const subscription = liveQuery(() => db.catalogue.where('kind').equals('center').toArray()).subscribe({
      next: (rows) => setNames(new Map(rows.map((row) => [(row.body as CenterInfo).agencyCode, (row.body as CenterInfo).name]))),
    });
    return () => subscription.unsubscribe();
  }, [db, wanted]);
  return (code) => names.get(code);
}

export function useCenterNames(wanted = true): CenterNameOf {
  return useCenterNamesIn(useKiosk().db, wanted);
}
