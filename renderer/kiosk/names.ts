// Who and where, by name: the officers (the synced staff list) and the counters (GET /v1/counters,
// synced with it). Screens show "Quầy 5 – Trả kết quả · Trần Văn Hùng", never "quay-5 · 7f3c…".
import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'react';
import type { CounterName, StaffRecord } from '../../shared/sync/protocol';
import { COUNTER_NAMES_SETTING } from '../sync';
import { useKiosk } from './kiosk';

export interface Names {
  officer(id: string): string;
  counter(id: string): string;
}

/**
 * The names known on this machine. Before the lists arrive (a counter enrolled offline) this
 * counter and the officer signed in are still named; anyone else is named by their id, said as such.
 */
export function nameBook(
  staff: readonly Pick<StaffRecord, 'id' | 'fullName'>[],
  counters: readonly CounterName[],
  own: { counterId: string; counterName: string; officerId: string; officerName: string },
): Names {
  const officers = new Map(staff.map((s) => [s.id, s.fullName]));
  officers.set(own.officerId, own.officerName);
  const places = new Map(counters.map((c) => [c.counterId, c.counterName]));
  places.set(own.counterId, own.counterName);
  return {
    officer: (id) => officers.get(id) ?? `cán bộ mã ${id}`,
    counter: (id) => places.get(id) ?? `quầy mã ${id}`,
  };
}

export function useNames(): Names {
  const { db, credential, officer } = useKiosk();
  const [lists, setLists] = useState<{ staff: StaffRecord[]; counters: CounterName[] }>({ staff: [], counters: [] });
  useEffect(() => {
    const subscription = liveQuery(async () => {
      const [staff, counters] = await Promise.all([db.staff.toArray(), db.settings.get(COUNTER_NAMES_SETTING)]);
      return { staff, counters: Array.isArray(counters?.value) ? (counters.value as CounterName[]) : [] };
    }).subscribe({ next: setLists });
    return () => subscription.unsubscribe();
  }, [db]);
  return useMemo(
    () => nameBook(lists.staff, lists.counters, { counterId: credential.counterId, counterName: credential.counterName, officerId: officer.id, officerName: officer.fullName }),
    [lists, credential.counterId, credential.counterName, officer.id, officer.fullName],
  );
}
