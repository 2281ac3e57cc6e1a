// Number leasing: which numbers a counter may issue offline without ever colliding with another.
//
// Dossier daily sequence (per agency per day, 4 digits): the server leases blocks from 1..8999.
// 9000..9999 is never leased: it is split into fixed fallback ranges of 50 per counter index
// (counter 1 → 9000–9049, counter 2 → 9050–9099, … counter 20 → 9950–9999), used only when a counter
// runs out of leased numbers while offline. Counter indexes are unique (assigned at enrolment), so
// fallback ranges cannot overlap each other nor any lease.
// Receipts (per series, up to 8 digits): leases from 1..89,999,999; fallback 90,000,000 + (i−1)·100,000.
import type { LeaseBlock, LeaseKind } from './protocol';

export const DOSSIER_SEQ_LEASE_MAX = 8999;
export const DOSSIER_SEQ_FALLBACK_BASE = 9000;
export const DOSSIER_SEQ_FALLBACK_SIZE = 50;
export const RECEIPT_LEASE_MAX = 89_999_999;
export const RECEIPT_FALLBACK_BASE = 90_000_000;
export const RECEIPT_FALLBACK_SIZE = 100_000;
export const MAX_FALLBACK_COUNTERS = 20;
export const DEFAULT_LEASE_BLOCK = 50;
export const MAX_LEASE_BLOCK = 500;

export function leaseCeiling(kind: LeaseKind): number {
  return kind === 'dossierSeq' ? DOSSIER_SEQ_LEASE_MAX : RECEIPT_LEASE_MAX;
}

/** The fixed range a counter may use when its leases are exhausted offline, or undefined past 20 counters. */
export function fallbackRange(kind: LeaseKind, counterIndex: number): { first: number; last: number } | undefined {
  if (!Number.isInteger(counterIndex) || counterIndex < 1 || counterIndex > MAX_FALLBACK_COUNTERS) return undefined;
  const base = kind === 'dossierSeq' ? DOSSIER_SEQ_FALLBACK_BASE : RECEIPT_FALLBACK_BASE;
  const size = kind === 'dossierSeq' ? DOSSIER_SEQ_FALLBACK_SIZE : RECEIPT_FALLBACK_SIZE;
  const first = base + (counterIndex - 1) * size;
  return { first, last: first + size - 1 };
}

export function dossierSeqScope(agencyCode: string, yymmdd: string): string {
  return `${agencyCode}:${yymmdd}`;
}

export function receiptScope(formSymbol: string, series: string): string {
  return `${formSymbol}:${series}`;
}

/** A lease block as the counter holds it: `next` is the first number not yet issued. */
export interface HeldLease extends LeaseBlock {
  next: number;
}

/**
 * The next number to issue in a scope: the lowest unused number of the held blocks,
 * then the counter's fallback range (`fallbackUsed` = how many fallback numbers it already issued).
 */
export function nextNumber<L extends HeldLease>(
  held: readonly L[],
  kind: LeaseKind,
  scope: string,
  counterIndex: number,
  fallbackUsed: number,
): { number: number; from: 'lease'; lease: L } | { number: number; from: 'fallback' } | undefined {
  const usable = held.filter((l) => l.kind === kind && l.scope === scope && l.next <= l.last).sort((a, b) => a.first - b.first);
  const lease = usable[0];
  if (lease) return { number: lease.next, from: 'lease', lease };
  const fb = fallbackRange(kind, counterIndex);
  if (!fb || fb.first + fallbackUsed > fb.last) return undefined;
  return { number: fb.first + fallbackUsed, from: 'fallback' };
}

/** Whether a counter was entitled to issue `n` in a scope: inside one of its leases or its fallback range. */
export function mayIssue(n: number, kind: LeaseKind, counterIndex: number, leases: readonly { first: number; last: number }[]): boolean {
  if (leases.some((l) => n >= l.first && n <= l.last)) return true;
  const fb = fallbackRange(kind, counterIndex);
  return fb !== undefined && n >= fb.first && n <= fb.last;
}

/** Numbers still available to issue in a scope from held leases (not counting fallback). */
export function remainingInScope(held: readonly HeldLease[], kind: LeaseKind, scope: string): number {
  return held.filter((l) => l.kind === kind && l.scope === scope).reduce((sum, l) => sum + Math.max(0, l.last - l.next + 1), 0);
}
