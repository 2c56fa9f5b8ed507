import type { JobChannel, ParsedArgs } from '../../../shared/ipc/contract';

/** Starts long jobs somewhere (this process, or a job host process) and cancels them. */
export interface JobExecutor {
  /** Returns the job id at once; progress and the outcome arrive as `jobs.*` events. */
  start<C extends JobChannel>(channel: C, args: ParsedArgs<C>, dbPath: string): string;
  cancel(jobId: string): boolean;
  cancelAll(): void;
}
