import type { ErrorReason } from '../error-reasons';
import type { ErrorKind } from '../errors';

/**
 * What crosses the process boundary when something goes wrong: the kind, a sentence a person
 * can read, and what to do. Never a stack trace.
 */
export interface IpcErrorValue {
  readonly kind: ErrorKind | 'internal';
  readonly message: string;
  readonly hint?: string;
  /** Why, as facts: the renderer words what to do from it (`renderer/ipc/error-hints.ts`). */
  readonly reason?: ErrorReason;
}

/** Every invoke resolves to one of these; nothing rejects across the boundary. */
export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcErrorValue };

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function failed<T = never>(error: IpcErrorValue): IpcResult<T> {
  return { ok: false, error };
}
