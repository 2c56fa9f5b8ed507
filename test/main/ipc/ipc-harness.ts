import type { Actor } from '../../../shared/domain/actor';
import type { ContractEvents, JobChannel, JobResult } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/result';
import { createDispatch, type Dispatch, type HandlerTable } from '../../../main/ipc/dispatch';
import { createServiceHandlers } from '../../../main/ipc/handlers';
import { JobRunner } from '../../../main/ipc/jobs/runner';
import { PathGrants } from '../../../main/ipc/path-grants';
import { openWorkspace } from '../../../main/services/workspace';

/**
 * The service table over real services, behind the window's path grants, as the IPC tests
 * drive it: the tests grant paths as main's dialog handlers would after the user chose them.
 * With `trustOpened`, a database once opened is trusted again (the recent list), as in the app.
 */
export function ipcHarness(
  options: {
    readonly actor?: () => Actor;
    readonly keyStoreHome?: string | undefined;
    readonly trustOpened?: boolean;
  } = {},
) {
  const done = new Map<string, ContractEvents['jobs.done']>();
  const progress: ContractEvents['jobs.progress'][] = [];
  const waiters = new Map<string, (d: ContractEvents['jobs.done']) => void>();
  const opened: string[] = [];
  const grants = new PathGrants({ trustedDatabases: () => (options.trustOpened ? opened : []) });
  const jobs = new JobRunner(
    grants.watchJobs((event, payload) => {
      if (event === 'jobs.progress') progress.push(payload as ContractEvents['jobs.progress']);
      if (event === 'jobs.done') {
        const d = payload as ContractEvents['jobs.done'];
        done.set(d.jobId, d);
        waiters.get(d.jobId)?.(d);
      }
    }),
  );
  const { handlers, session } = createServiceHandlers({
    openWorkspace,
    actor: options.actor ?? (() => ({ name: 'Priya Raman', source: 'profile' })),
    jobs,
    ...(options.trustOpened ? { onWorkspaceOpened: (p: string) => opened.push(p) } : {}),
    ...(options.keyStoreHome === undefined ? {} : { keyStoreHome: options.keyStoreHome }),
  });
  const dispatch: Dispatch = createDispatch(handlers as HandlerTable, grants);
  /** The channel's answer as the window gets it: a value or a failure. */
  const result = async <T>(channel: string, args: unknown): Promise<IpcResult<T>> => (await dispatch(channel, args)) as IpcResult<T>;
  /** The channel's value; a failure throws, naming the channel. */
  const call = async <T>(channel: string, args: unknown): Promise<T> => {
    const answer = await result<T>(channel, args);
    if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
    return answer.value;
  };
  /** Starts a job and waits for its end; a job refused at the start answers with that refusal. */
  const runJob = async <C extends JobChannel>(channel: C, args: unknown): Promise<IpcResult<JobResult<C>>> => {
    const started = await result<{ jobId: string }>(channel, args);
    if (!started.ok) return started as IpcResult<JobResult<C>>;
    const { jobId } = started.value;
    const finished = done.get(jobId) ?? (await new Promise<ContractEvents['jobs.done']>((r) => waiters.set(jobId, r)));
    return finished.result as IpcResult<JobResult<C>>;
  };
  return { dispatch, result, call, runJob, progress, opened, session, grants };
}
