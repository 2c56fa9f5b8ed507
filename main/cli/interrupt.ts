import { SscpError } from '../../shared/errors';
import type { CliIo } from './io';

/** Ctrl-C's exit status in a shell (128 + SIGINT): a cancelled command ends with it. */
export const EXIT_INTERRUPTED = 130;

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Runs work that Ctrl-C (SIGINT) or SIGTERM cancels cleanly: the first signal aborts `work`'s
 * signal, so it stops at its next step and removes what it wrote (no file at the destination,
 * no temp file beside it, the assessment released), and the command ends with "cancelled" and
 * exit status 130. A second signal ends the process at once; the next command that opens the
 * database then finishes or undoes an export it interrupted. Work that is past its last
 * cancel point (a pack already put in place and recorded) finishes and is reported as done.
 */
export async function cancellableByInterrupt<T>(io: CliIo, what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      process.exit(EXIT_INTERRUPTED);
    }
    io.stderr.write(`\nStopping the ${what} (${signal})… press Ctrl-C again to end at once.\n`);
    controller.abort(
      new SscpError('cancelled', `The ${what} was cancelled; nothing was written.`, 'Run the command again when you are ready.'),
    );
  };
  for (const s of STOP_SIGNALS) process.on(s, onSignal);
  try {
    return await work(controller.signal);
  } finally {
    for (const s of STOP_SIGNALS) process.off(s, onSignal);
  }
}
