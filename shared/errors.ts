import { REASON_KIND, REASON_MESSAGES, wordReason, type ErrorReason } from './error-reasons';

/**
 * Errors a person can act on. `message` says what is wrong; `hint` says what to do.
 * The CLI prints both and exits 2; the UI shows both; neither shows a stack trace.
 */
export type ErrorKind =
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'frozen'
  | 'unreadable'
  | 'unwritable'
  | 'unsupported-version'
  | 'integrity'
  /** A signed pack is intact but nothing establishes who signed it (the CLI exits 3). */
  | 'untrusted-signer'
  | 'wrong-passphrase'
  | 'cancelled'
  /** The assessment is being signed and exported right now: edits and a second export wait for it. */
  | 'export-in-progress';

export class SscpError extends Error {
  override readonly name = 'SscpError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly hint?: string,
    /** Set when a surface words what to do (see `error-reasons.ts`); `hint` is then empty. */
    readonly reason?: ErrorReason,
  ) {
    super(message);
  }

  /** A refusal as a reason and its facts: the CLI and the app each say what to do about it. */
  static because(reason: ErrorReason): SscpError {
    return new SscpError(REASON_KIND[reason.code], wordReason(REASON_MESSAGES, reason), undefined, reason);
  }
}

export function isSscpError(e: unknown): e is SscpError {
  return e instanceof Error && (e as { name?: string }).name === 'SscpError';
}

/** One line for a person: the message, then what to do about it. */
export function describeError(e: unknown): string {
  if (isSscpError(e)) return e.hint ? `${e.message}\n${e.hint}` : e.message;
  if (e instanceof Error) return `Unexpected error: ${e.message}`;
  return `Unexpected error: ${String(e)}`;
}
