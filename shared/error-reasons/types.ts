import type { ErrorKind } from '../errors';

/** The reasons of one area: each is a code and its facts. */
export interface Coded {
  readonly code: string;
}

/** One function per code of `R`, exhaustive: adding a reason without its words fails to compile. */
export type WordsFor<R extends Coded> = { readonly [C in R['code']]: (reason: Extract<R, { readonly code: C }>) => string };

/** The kind of error each code of `R` is. */
export type KindsFor<R extends Coded> = { readonly [C in R['code']]: ErrorKind };

/** The date part of an ISO instant, as messages show it. */
export const day = (iso: string): string => iso.slice(0, 10);
