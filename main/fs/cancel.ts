import { SscpError } from '../../shared/errors';

/**
 * Stops work whose signal was aborted, with `cancelled()`: an error saying what was stopped
 * and that nothing of it was kept. Long work checks between its steps (and a file writer just
 * before it puts the file in place), so a cancel stops it at the next step, the caller removes
 * what it had written, and nothing half-written reaches the destination.
 */
export function throwIfCancelled(signal: AbortSignal | undefined, cancelled: () => SscpError): void {
  if (signal?.aborted) throw cancelled();
}

/** The error for a file export that was stopped before its file was put in place. */
export function exportCancelled(what: string): SscpError {
  return SscpError.because({ code: 'export-cancelled', what });
}
