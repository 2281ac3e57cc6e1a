// A field says what a scanner burst typed into it means, with `data-scan` (TextField's `scan`):
// - 'text': the field takes scans as text (a postal tracking number, a free code): every burst is
//   typed into it, the scanner's terminator dropped;
// - 'typing': a field people type in (a name, an address): a burst that is no code is the officer's
//   own fast typing and goes in as typed, Enter included; a dossier code, batch code or slip key
//   scanned there still reaches the screen. A textarea (reasons, notes) is for typing unless it says otherwise.
// Anywhere, a citizen's card (or what looks like one) goes to the screen, which fills the applicant
// from it or says why it cannot: no one wants the card's '|'-separated text in a field.
import { looksLikeCitizenCard } from '../../shared/codes';
import type { Scan } from './scanStream';

export type FieldScanPolicy = 'text' | 'typing';

export function fieldScanPolicy(target: EventTarget | null): FieldScanPolicy | undefined {
  if (!(target instanceof Element)) return undefined;
  const policy = target.closest('[data-scan]')?.getAttribute('data-scan') ?? (target instanceof HTMLTextAreaElement ? 'typing' : undefined);
  return policy === 'text' || policy === 'typing' ? policy : undefined;
}

/** Whether `scan`, typed by a scanner into a field with `policy`, goes into the field as text. */
export function scanTypedIntoField(policy: FieldScanPolicy | undefined, scan: Scan): boolean {
  if (policy === undefined || looksLikeCitizenCard(scan.code) || scan.classification.kind === 'citizenCard') return false;
  return policy === 'text' || scan.classification.kind === 'unknown';
}
