import { ACTOR_SOURCES, type Actor } from '../../../shared/domain/actor';
import { SscpError } from '../../../shared/errors';
import { isJobChannel } from '../../../shared/ipc/contract';
import { validateRequest } from '../validate';
import { failed } from '../../../shared/ipc/result';
import { toIpcError } from '../errors';
import { JobRunner, type JobContext } from './runner';
import { WorkspaceSession, type OpenWorkspace } from '../session';
import type { HostPort, HostRequest } from './host-protocol';
import { jobWork, type JobServices } from './job-work';

/**
 * The job host: runs long jobs away from the process that answers the window, on its own
 * connection to the same database file (SQLite WAL lets both work at once). Arguments are
 * checked again here against the contract, since this is a separate trust boundary.
 */
export function serveJobs(port: HostPort, openWorkspace: OpenWorkspace): { readonly close: () => void } {
  const sessions = new Map<string, WorkspaceSession>();
  const runner = new JobRunner((event, payload) => {
    if (event === 'jobs.progress') port.post({ type: 'progress', progress: payload as never });
    if (event === 'jobs.done') {
      const done = payload as { jobId: string; result: never };
      port.post({ type: 'done', jobId: done.jobId, result: done.result });
    }
  });
  // One connection per database and person, so a job's changes are recorded under exactly
  // the actor who started it even while another person's job runs (normally there is one).
  const servicesFor = (dbPath: string, actor: Actor): JobServices => {
    const key = JSON.stringify([dbPath, actor.name, actor.role ?? null, actor.email ?? null, actor.source]);
    let session = sessions.get(key);
    if (!session) {
      session = new WorkspaceSession(openWorkspace, () => actor);
      session.open(dbPath);
      sessions.set(key, session);
    }
    const s = session;
    return { ws: () => s.get(), identities: () => s.identities() };
  };
  const run = (request: Extract<HostRequest, { type: 'run' }>): void => {
    try {
      const { channel, args } = validateRequest(request.channel, request.args);
      if (!isJobChannel(channel)) throw SscpError.because({ code: 'job-unknown', channel: String(channel) });
      const services = servicesFor(request.dbPath, hostActor(request.actor));
      const work = jobWork[channel] as (s: JobServices, a: unknown, ctx: JobContext) => Promise<unknown>;
      runner.start((ctx) => work(services, args, ctx), request.jobId);
    } catch (e) {
      port.post({ type: 'done', jobId: request.jobId, result: failed(toIpcError(e)) });
    }
  };
  port.onMessage((request) => {
    if (request.type === 'run') run(request);
    else if (request.type === 'cancel') runner.cancel(request.jobId);
  });
  return {
    close: () => {
      runner.cancelAll();
      for (const session of sessions.values()) session.close();
      sessions.clear();
    },
  };
}

/** The actor as main sent it, checked at this boundary like the arguments (appendAudit checks the name). */
function hostActor(value: unknown): Actor {
  const a = value as Partial<Actor> | null;
  const optional = (v: unknown): v is string | undefined => v === undefined || typeof v === 'string';
  if (
    !a ||
    typeof a !== 'object' ||
    typeof a.name !== 'string' ||
    !ACTOR_SOURCES.includes(a.source as never) ||
    !optional(a.role) ||
    !optional(a.email)
  ) {
    throw SscpError.because({ code: 'job-without-caller' });
  }
  return {
    name: a.name,
    source: a.source!,
    ...(a.role !== undefined ? { role: a.role } : {}),
    ...(a.email !== undefined ? { email: a.email } : {}),
  };
}
