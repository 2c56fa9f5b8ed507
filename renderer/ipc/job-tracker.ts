import type { ContractEvents } from '../../shared/ipc/contract';
import type { JobProgress } from '../../shared/ipc/views';
import { api } from './api';
import { UiError } from './ui-error';

type Done = ContractEvents['jobs.done'];

interface Waiter {
  readonly resolve: (value: unknown) => void;
  readonly reject: (e: UiError) => void;
  readonly onProgress?: (p: JobProgress) => void;
}

const waiters = new Map<string, Waiter>();
// A job can finish before the caller has registered for it: keep its outcome until asked.
const early = new Map<string, Done>();
let subscribed = false;

function settle(waiter: Waiter, done: Done): void {
  if (done.result.ok) waiter.resolve(done.result.value);
  else waiter.reject(new UiError(done.result.error));
}

function subscribe(): void {
  if (subscribed) return;
  subscribed = true;
  api().onEvent('jobs.progress', (p) => waiters.get(p.jobId)?.onProgress?.(p));
  api().onEvent('jobs.done', (done) => {
    const waiter = waiters.get(done.jobId);
    if (!waiter) {
      early.set(done.jobId, done);
      return;
    }
    waiters.delete(done.jobId);
    settle(waiter, done);
  });
}

export function awaitJob(jobId: string, onProgress?: (p: JobProgress) => void): Promise<unknown> {
  subscribe();
  return new Promise((resolve, reject) => {
    const waiter: Waiter = { resolve, reject, onProgress };
    const finished = early.get(jobId);
    if (finished) {
      early.delete(jobId);
      settle(waiter, finished);
      return;
    }
    waiters.set(jobId, waiter);
  });
}

/** Subscribes early, so no event is missed between a job's start and its first await. */
export function initJobTracking(): void {
  subscribe();
}

/** For tests that install a fresh fake `window.sscp`. */
export function resetJobTracking(): void {
  waiters.clear();
  early.clear();
  subscribed = false;
}
