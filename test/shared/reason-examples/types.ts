import type { Coded } from '../../../shared/error-reasons/types';

/** One example of every reason of an area: a new code without an example fails to compile. */
export type ExamplesFor<R extends Coded> = { readonly [C in R['code']]: Extract<R, { readonly code: C }> };
