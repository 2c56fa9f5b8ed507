import { randomUUID } from 'node:crypto';
import { SscpError, isSscpError } from '../../../shared/errors';
import type { ContractEvents } from '../../../shared/ipc/contract';
import { ok, failed } from '../../../shared/ipc/result';
import { toIpcError } from '../errors';

export type JobEventSink = <E extends keyof ContractEvents>(event: E, payload: ContractEvents[E]) => void;

export interface JobContext {
  readonly signal: AbortSignal;
  /** Reports `done` of `total` units of the named stage. */
  readonly progress: (stage: string, done: number, total: number) => void;
}

export type JobWork<T> = (ctx: JobContext) => Promise<T>;

/**
 * Runs long work (attach a big file, export, verify, import) off the request path: the request
 * returns a job id at once, progress and the outcome arrive as events, and `cancel` aborts.
 */
export class JobRunner {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly emit: JobEventSink) {}

  /** `jobId` is given by a job host, which must answer under the id its parent handed out. */
  start<T>(work: JobWork<T>, jobId: string = randomUUID()): string {
    const controller = new AbortController();
    this.running.set(jobId, controller);
    const progress = (stage: string, done: number, total: number): void => {
      if (!controller.signal.aborted) this.emit('jobs.progress', { jobId, stage, done, total });
    };
    // Started on the next turn so the caller has the id before the first event can arrive.
    setImmediate(() => {
      void this.run(jobId, controller, () => work({ signal: controller.signal, progress }));
    });
    return jobId;
  }

  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    if (!controller) return false;
    controller.abort(SscpError.because({ code: 'job-cancelled' }));
    return true;
  }

  get activeCount(): number {
    return this.running.size;
  }

  /** Cancels everything still running, for example when the window closes. */
  cancelAll(): void {
    for (const id of [...this.running.keys()]) this.cancel(id);
  }

  private async run<T>(jobId: string, controller: AbortController, work: () => Promise<T>): Promise<void> {
    try {
      // Cancelled before it started: do none of the work.
      if (controller.signal.aborted) throw controller.signal.reason;
      // Work that finished is reported as done even if a cancel arrived meanwhile: what it did
      // (a signed pack, an attached file) is recorded, so "cancelled" would be untrue.
      const value = await work();
      this.emit('jobs.done', { jobId, result: ok(value) });
    } catch (e) {
      // A job that stopped for the cancel says what it stopped and that nothing was kept; the
      // runner's own words stand in for work that just gave up (a stream's AbortError).
      const reason = controller.signal.aborted && !(isSscpError(e) && e.kind === 'cancelled') ? controller.signal.reason : e;
      this.emit('jobs.done', { jobId, result: failed(toIpcError(reason)) });
    } finally {
      this.running.delete(jobId);
    }
  }
}
