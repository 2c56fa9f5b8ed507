import { SscpError, isSscpError } from '../../shared/errors';

/**
 * Stops work whose signal was aborted. Long work checks between its steps (and a file writer
 * just before it puts the file in place), so a cancel stops it at the next step, the caller
 * removes what it had written, and nothing half-written reaches the destination.
 * The error is the one the canceller gave (the app's job runner and the CLI's Ctrl-C each
 * give theirs), else `fallback`.
 */
export function throwIfCancelled(signal: AbortSignal | undefined, fallback: () => SscpError): void {
  if (!signal?.aborted) return;
  const reason: unknown = signal.reason;
  throw isSscpError(reason) && reason.kind === 'cancelled' ? reason : fallback();
}

/** The error for a file export that was stopped before its file was put in place. */
export function exportCancelled(what: string): SscpError {
  return new SscpError('cancelled', `The ${what} export was cancelled; no file was written.`, 'Export it again when you are ready.');
}
