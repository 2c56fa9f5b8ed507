import type { ContractArgs, JobChannel, JobResult } from '../../shared/ipc/contract';
import type { JobProgress } from '../../shared/ipc/views';
import { call, startJob } from '../ipc/client';
import { useWork } from './work';

export interface TrackedJob {
  /** What is happening, before the file's name: "Importing", "Verifying", "Saving the Word form to". */
  readonly label: string;
  /** The file's name, from outside: the status bar shows it as safe text. */
  readonly name: string;
  /** Only jobs that stop when asked get a Cancel: a Cancel that does nothing would mislead. */
  readonly cancellable: boolean;
  readonly onProgress?: (progress: JobProgress) => void;
  /** The card it was started from, which shows its progress and Cancel too (see Work.place). */
  readonly place?: string;
}

let tasks = 0;

/**
 * Runs a long job as a status-bar task, the way attaching and signing do: its title with the
 * file's name, its stage and bar as the job reports them, and Cancel where the job can stop.
 * Resolves with the job's value; a failure or a cancel is thrown for the caller to show.
 */
export async function runTracked<C extends JobChannel>(channel: C, args: ContractArgs<C>, task: TrackedJob): Promise<JobResult<C>> {
  const work = useWork.getState();
  const id = `${channel}-${++tasks}`;
  let jobId: string | null = null;
  let stopped = false;
  // Cancel pressed before the job has its id is passed on as soon as it has one.
  const cancel = () => {
    stopped = true;
    if (jobId) void call('jobs.cancel', { jobId }).catch(() => undefined);
  };
  work.begin({
    id,
    label: task.label,
    name: task.name,
    stage: null,
    done: 0,
    total: 0,
    cancel: task.cancellable ? cancel : null,
    ...(task.place ? { place: task.place } : {}),
  });
  try {
    const job = await startJob(channel, args, (progress) => {
      task.onProgress?.(progress);
      work.update(id, { stage: progress.stage, done: progress.done, total: progress.total });
    });
    jobId = job.jobId;
    if (stopped) cancel();
    return await job.done;
  } finally {
    work.end(id);
  }
}
