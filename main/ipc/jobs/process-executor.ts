import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../shared/domain/actor';
import type { JobChannel, ParsedArgs } from '../../../shared/ipc/contract';
import { failed } from '../../../shared/ipc/result';
import type { JobEventSink } from './runner';
import type { JobExecutor } from './executor';
import type { HostLink } from './host-protocol';

/**
 * Runs jobs in a separate job host process, started on first use and again after it stops.
 * If the host dies mid-job, each job it held ends with a plain error instead of hanging.
 */
export function processExecutor(spawnHost: () => HostLink, emit: JobEventSink): JobExecutor & { readonly close: () => void } {
  let host: HostLink | null = null;
  const pending = new Set<string>();

  const connect = (): HostLink => {
    if (host) return host;
    const link = spawnHost();
    link.onMessage((reply) => {
      if (reply.type === 'progress') {
        if (pending.has(reply.progress.jobId)) emit('jobs.progress', reply.progress);
        return;
      }
      if (!pending.delete(reply.jobId)) return;
      emit('jobs.done', { jobId: reply.jobId, result: reply.result });
    });
    link.onExit(() => {
      if (host === link) host = null;
      for (const jobId of [...pending]) {
        pending.delete(jobId);
        emit('jobs.done', {
          jobId,
          result: failed({
            kind: 'internal',
            message: 'The background worker stopped before the job finished; nothing was changed by the unfinished part.',
            hint: 'Try again. If it happens again, restart the application.',
          }),
        });
      }
    });
    host = link;
    return link;
  };

  return {
    start: <C extends JobChannel>(channel: C, args: ParsedArgs<C>, dbPath: string, actor: Actor) => {
      const jobId = randomUUID();
      pending.add(jobId);
      connect().post({ type: 'run', jobId, channel, args, dbPath, actor });
      return jobId;
    },
    cancel: (jobId) => {
      if (!pending.has(jobId) || !host) return false;
      host.post({ type: 'cancel', jobId });
      return true;
    },
    cancelAll: () => {
      for (const jobId of pending) host?.post({ type: 'cancel', jobId });
    },
    close: () => {
      host?.kill();
      host = null;
    },
  };
}
