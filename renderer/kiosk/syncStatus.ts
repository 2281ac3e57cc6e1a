// The sync client's state as React state, for the shell's badge and any screen that shows it.
import { useEffect, useState } from 'react';
import type { SyncStatus } from '../sync';
import { useKiosk } from './kiosk';

export function useSyncStatus(): SyncStatus {
  const { sync } = useKiosk();
  const [status, setStatus] = useState<SyncStatus>(sync.getStatus());
  useEffect(() => sync.subscribe(setStatus), [sync]);
  return status;
}
