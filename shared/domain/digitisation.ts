// What is digitised and what is still paper-only, read from the dossier's state: the one rule for
// "fully digitised" (every ticked checklist line copied or exempt) that the panel, the dossier card
// and the scorecard's digitisation rate all use.
import type { DossierState, LineDigitised } from './types';

export type LineProgress =
  | { line: number; state: 'digitised'; entry: Extract<LineDigitised, { kind: 'copy' }> }
  | { line: number; state: 'exempt'; entry: Extract<LineDigitised, { kind: 'exempt' }> }
  | { line: number; state: 'paperOnly' };

export interface DigitisationProgress {
  lines: LineProgress[];
  digitised: number;
  exempt: number;
  paperOnly: number;
  /**
   * Every ticked line digitised or exempt. False when the state predates the checklist count
   * (documentCount unknown): such a dossier cannot be shown to be digitised.
   */
  complete: boolean;
}

export function digitisationProgress(state: Pick<DossierState, 'documentCount' | 'digitisation'>): DigitisationProgress {
  const known = state.documentCount !== undefined;
  const lines = Array.from({ length: state.documentCount ?? 0 }, (_, line): LineProgress => {
    const entry = state.digitisation?.[line];
    if (entry?.kind === 'copy') return { line, state: 'digitised', entry };
    if (entry?.kind === 'exempt') return { line, state: 'exempt', entry };
    return { line, state: 'paperOnly' };
  });
  const count = (s: LineProgress['state']) => lines.filter((l) => l.state === s).length;
  const paperOnly = count('paperOnly');
  return { lines, digitised: count('digitised'), exempt: count('exempt'), paperOnly, complete: known && paperOnly === 0 };
}

/** "3/4 giấy tờ" for the card: lines digitised or exempt over lines ticked; undefined when unknown. */
export function digitisationSummary(state: Pick<DossierState, 'documentCount' | 'digitisation'>): string | undefined {
  if (state.documentCount === undefined || state.documentCount === 0) return undefined;
  const p = digitisationProgress(state);
  return `${p.digitised + p.exempt}/${state.documentCount} giấy tờ${p.exempt > 0 ? ` (${p.exempt} không phải số hóa)` : ''}`;
}
