import type { PrintOutcome, PrinterStatus } from '../../../../shared/host';

/**
 * One way of getting bytes to a printer. `send` resolves ok only once the transport has handed
 * every byte over (and, where the printer can answer, the printer has acknowledged them).
 */
export interface PrinterTransportDriver {
  send(bytes: Uint8Array): Promise<PrintOutcome>;
  status(): Promise<PrinterStatus>;
}

export function failure(retryable: boolean, status: PrinterStatus): PrintOutcome {
  return { ok: false, retryable, status };
}
