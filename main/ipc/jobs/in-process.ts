import type { JobChannel, ParsedArgs } from '../../../shared/ipc/contract';
import type { JobRunner } from './runner';
import type { JobExecutor } from './executor';
import { jobWork, type JobServices } from './job-work';

/** Runs jobs in this process, on the services of the open database (the CLI-like default). */
export function inProcessExecutor(runner: JobRunner, services: JobServices): JobExecutor {
  return {
    start: <C extends JobChannel>(channel: C, args: ParsedArgs<C>) => {
      const work = jobWork[channel] as (
        s: JobServices,
        a: ParsedArgs<C>,
        ctx: Parameters<Parameters<JobRunner['start']>[0]>[0],
      ) => Promise<unknown>;
      return runner.start((ctx) => work(services, args, ctx));
    },
    cancel: (jobId) => runner.cancel(jobId),
    cancelAll: () => runner.cancelAll(),
  };
}
