import type { IpcErrorValue } from '../../shared/ipc/result';
import { appHintFor } from './error-hints';

/** A failure the UI can show as it is: what went wrong and what to do. */
export class UiError extends Error {
  readonly kind: IpcErrorValue['kind'];
  readonly hint: string | undefined;
  constructor(value: IpcErrorValue) {
    super(value.message);
    this.name = 'UiError';
    this.kind = value.kind;
    // A refusal given as a reason is worded here, in the app's words; the rest carry their own.
    this.hint = value.reason ? appHintFor(value.reason) : value.hint;
  }
}

export function toUiError(e: unknown): UiError {
  if (e instanceof UiError) return e;
  return new UiError({
    kind: 'internal',
    message: 'The application could not complete that action.',
    hint: 'Try again. If it keeps happening, restart the application.',
  });
}
