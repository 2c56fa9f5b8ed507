import type { Actor } from '../../../shared/domain/actor';
import type { JobChannel, ParsedArgs } from '../../../shared/ipc/contract';

/** Starts long jobs somewhere (this process, or a job host process) and cancels them. */
export interface JobExecutor {
  /**
   * Returns the job id at once; progress and the outcome arrive as `jobs.*` events. What the
   * job changes is recorded under `actor`, who asked for it.
   */
  start<C extends JobChannel>(channel: C, args: ParsedArgs<C>, dbPath: string, actor: Actor): string;
  cancel(jobId: string): boolean;
  cancelAll(): void;
}
