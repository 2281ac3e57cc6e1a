import type { PrintOutcome, PrinterStatus } from '../../../../shared/host';

/**
 * One way of getting bytes to a printer. `send` resolves ok only once the transport has handed
 * every byte over (and, where the printer can answer, the printer has acknowledged them).
 */
export interface PrinterTransportDriver {
  /** `job.lengthMm`: the paper the job feeds, so a transport can wait as long as printing it takes. */
  send(bytes: Uint8Array, job?: { lengthMm: number }): Promise<PrintOutcome>;
  status(): Promise<PrinterStatus>;
}

export function failure(retryable: boolean, status: PrinterStatus): PrintOutcome {
  return { ok: false, retryable, status };
}

/** Every byte left for the printer, which never confirmed it: maybe printed, so never retried blindly. */
export function unconfirmed(status: PrinterStatus): PrintOutcome {
  return { ok: false, retryable: false, unconfirmed: true, status };
}
