import { wordReason } from '../../shared/error-reasons';
import { isSscpError } from '../../shared/errors';
import type { IpcErrorValue } from '../../shared/ipc/result';
import { CLI_HINTS } from '../../main/cli/error-hints';
import { APP_HINTS } from '../../renderer/ipc/error-hints';

/**
 * What to do about a service error, in the CLI's words: a refusal given as a reason is worded
 * by the CLI's map, the rest carry their own hint. For tests that pin the words a person reads.
 */
export function cliHintOf(e: unknown): string | undefined {
  if (!isSscpError(e)) return undefined;
  return e.reason ? wordReason(CLI_HINTS, e.reason) : e.hint;
}

/** The same in the app's words, for an error as it crosses the IPC boundary. */
export function appHintOf(e: Pick<IpcErrorValue, 'hint' | 'reason'>): string | undefined {
  return e.reason ? wordReason(APP_HINTS, e.reason) : e.hint;
}
