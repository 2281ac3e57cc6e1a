// The sync client's state as React state, for the shell's badge and any screen that shows it. What
// waits to be sent is counted from the outbox itself, live, not from the client's last exchange: a
// badge must never say "đã gửi hết" while a recorded event is still on this machine only.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import type { SyncStatus } from '../sync';
import { useKiosk } from './kiosk';

export function useSyncStatus(): SyncStatus {
  const { sync, db } = useKiosk();
  const [status, setStatus] = useState<SyncStatus>(sync.getStatus());
  const [pending, setPending] = useState<number>();
  useEffect(() => sync.subscribe(setStatus), [sync]);
  useEffect(() => {
    const subscription = liveQuery(() => db.outbox.where('status').equals('pending').count()).subscribe({ next: setPending, error: () => setPending(undefined) });
    return () => subscription.unsubscribe();
  }, [db]);
  return pending === undefined ? status : { ...status, pendingCount: pending };
}
