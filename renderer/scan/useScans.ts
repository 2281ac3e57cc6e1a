// React access to scans: a screen asks for them while mounted, the shell sets what happens to a
// scan no screen asked for.
import { useEffect, useRef } from 'react';
import { scanRouter } from './scanning';
import type { ScanClaim, ScanHandler, ScanRouter } from './scanStream';

export type UseScansOptions = { enabled?: boolean; router?: ScanRouter };

/**
 * Routes scans to `handler` while the component is mounted and `enabled`; the most recently mounted
 * caller wins (a dialog over a screen takes the scans until it closes). The handler may change on
 * every render without re-subscribing. Note React runs children's effects before their parent's,
 * so within one tree the parent's claim is the later one.
 */
export function useScans(handler: ScanClaim, options: UseScansOptions = {}): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  const { enabled = true, router = scanRouter } = options;
  useEffect(() => {
    if (!enabled) return;
    return router.claim((scan) => latest.current(scan));
  }, [enabled, router]);
}

/** What a scan does when no screen has claimed scans: the shell opens the scanned dossier. */
export function useScanFallback(handler: ScanHandler, router: ScanRouter = scanRouter): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => router.setFallback((scan) => latest.current(scan)), [router]);
}
