import { REASON_MESSAGES, reasonKind, wordReason, type ErrorReason, type ReasonWords } from './error-reasons';

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
    return new SscpError(reasonKind(reason), wordReason(REASON_MESSAGES, reason), undefined, reason);
  }
}

export function isSscpError(e: unknown): e is SscpError {
  return e instanceof Error && (e as { name?: string }).name === 'SscpError';
}

/**
 * For a person: what is wrong, then what to do about it, as two lines (or one, when there is
 * nothing to do). A refusal given as a reason is worded by the surface's own map (`hints`:
 * the CLI's or the app's), so no caller can leave out its hint or take the other's words.
 */
export function describeErrorLines(e: unknown, hints: ReasonWords): string[] {
  if (isSscpError(e)) {
    const hint = e.reason ? wordReason(hints, e.reason) : e.hint;
    return hint ? [e.message, hint] : [e.message];
  }
  if (e instanceof Error) return [`Unexpected error: ${e.message}`];
  return [`Unexpected error: ${String(e)}`];
}

/** The same as one text, a line break between what is wrong and what to do. */
export function describeError(e: unknown, hints: ReasonWords): string {
  return describeErrorLines(e, hints).join('\n');
}
