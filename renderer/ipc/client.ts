import type { ContractArgs, ContractResult, JobChannel, JobResult, PageChannel } from '../../shared/ipc/contract';
import type { JobProgress } from '../../shared/ipc/views';
import { api } from './api';
import { UiError } from './ui-error';
import { awaitJob } from './job-tracker';

/** Calls main and returns the value, or throws a UiError carrying the message and hint. */
export async function call<C extends PageChannel>(channel: C, args: ContractArgs<C>): Promise<ContractResult<C>> {
  const method = api()[channel] as (
    a: ContractArgs<C>,
  ) => Promise<{ ok: true; value: ContractResult<C> } | { ok: false; error: ConstructorParameters<typeof UiError>[0] }>;
  const result = await method(args);
  if (!result.ok) throw new UiError(result.error);
  return result.value;
}

export interface RunningJob<T> {
  readonly jobId: string;
  readonly done: Promise<T>;
}

/** Starts a long job and resolves with its value when `jobs.done` arrives. */
export async function startJob<C extends JobChannel>(
  channel: C,
  args: ContractArgs<C>,
  onProgress?: (progress: JobProgress) => void,
): Promise<RunningJob<JobResult<C>>> {
  const { jobId } = (await call(channel, args)) as { jobId: string };
  return { jobId, done: awaitJob(jobId, onProgress) as Promise<JobResult<C>> };
}
