// The answer to the last scan: its colour, its Vietnamese label and what to do, in one box that
// flashes; staff can tell the outcome from the sound alone, and read it here.
import { useLayoutEffect, useRef } from 'react';
import { acknowledgeScan, SCAN_OUTCOME_COLOURS, SCAN_OUTCOME_LABELS, type ScanOutcome } from '../../scan';

export interface ShownVerdict {
  outcome: ScanOutcome;
  message: string;
  /** Overrides the heading for this one scan (see ScanVerdict.label). */
  label?: string;
  /** See ScanVerdict.aboutForm. */
  aboutForm?: true;
  /** Increments per scan, so the same outcome twice still flashes and beeps twice. */
  serial: number;
}

/** `labels` overrides the outbound wording where a screen means something else (an inbound result refused). */
export function ScanFeedback({ verdict, idle, labels }: { verdict?: ShownVerdict; idle: string; labels?: Partial<Record<ScanOutcome, string>> }) {
  const flash = useRef<HTMLSpanElement>(null);
  // Acknowledged in the same task that puts the verdict on screen (a passive effect would wait for
  // the paint); the caller sets the verdict only after the durable write.
  useLayoutEffect(() => {
    if (verdict) acknowledgeScan(verdict.outcome, flash.current ?? undefined);
  }, [verdict]);
  const colour = verdict ? SCAN_OUTCOME_COLOURS[verdict.outcome] : 'idle';
  return (
    <div className={`scan-feedback ${colour}`} data-testid="scan-feedback" data-outcome={verdict?.outcome ?? ''} data-serial={verdict?.serial ?? 0} role="status" aria-live="assertive">
      <span ref={flash} className="scan-flash" aria-hidden="true" />
      {verdict ? (
        <>
          <strong>{verdict.label ?? labels?.[verdict.outcome] ?? SCAN_OUTCOME_LABELS[verdict.outcome]}</strong>
          <span>{verdict.message}</span>
        </>
      ) : (
        <span className="idle">{idle}</span>
      )}
    </div>
  );
}
