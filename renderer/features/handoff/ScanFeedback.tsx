// The answer to the last scan: its colour, its Vietnamese label and what to do, in one box that
// flashes; staff can tell the outcome from the sound alone, and read it here.
import { useEffect, useRef } from 'react';
import { acknowledgeScan, SCAN_OUTCOME_COLOURS, SCAN_OUTCOME_LABELS, type ScanOutcome } from '../../scan';

export interface ShownVerdict {
  outcome: ScanOutcome;
  message: string;
  /** Increments per scan, so the same outcome twice still flashes and beeps twice. */
  serial: number;
}

/** `labels` overrides the outbound wording where a screen means something else (an inbound result refused). */
export function ScanFeedback({ verdict, idle, labels }: { verdict?: ShownVerdict; idle: string; labels?: Partial<Record<ScanOutcome, string>> }) {
  const box = useRef<HTMLDivElement>(null);
  // Acknowledged when the verdict reaches the screen: the caller sets it only after the durable write.
  useEffect(() => {
    if (verdict) acknowledgeScan(verdict.outcome, box.current ?? undefined);
  }, [verdict]);
  const colour = verdict ? SCAN_OUTCOME_COLOURS[verdict.outcome] : 'idle';
  return (
    <div ref={box} className={`scan-feedback ${colour}`} data-testid="scan-feedback" data-outcome={verdict?.outcome ?? ''} role="status" aria-live="assertive">
      {verdict ? (
        <>
          <strong>{labels?.[verdict.outcome] ?? SCAN_OUTCOME_LABELS[verdict.outcome]}</strong>
          <span>{verdict.message}</span>
        </>
      ) : (
        <span className="idle">{idle}</span>
      )}
    </div>
  );
}
