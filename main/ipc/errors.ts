import { isSscpError } from '../../shared/errors';
import type { IpcErrorValue } from '../../shared/ipc/result';

/**
 * Turns anything thrown by a service into a value a person can read. An SscpError keeps its
 * kind, message and hint; anything else is a bug, so the renderer gets a plain sentence and the
 * details go to the main process log only.
 */
export function toIpcError(e: unknown, log: (line: string) => void = defaultLog): IpcErrorValue {
  if (isSscpError(e)) {
    if (e.reason) return { kind: e.kind, message: e.message, reason: e.reason };
    return e.hint ? { kind: e.kind, message: e.message, hint: e.hint } : { kind: e.kind, message: e.message };
  }
  log(e instanceof Error ? (e.stack ?? e.message) : String(e));
  return {
    kind: 'internal',
    message: 'Something unexpected went wrong, and the action was not completed.',
    hint: 'Try again. If it happens again, note what you were doing and tell your IT support.',
  };
}

function defaultLog(line: string): void {
  console.error(`[sscp] ${line}`);
}
