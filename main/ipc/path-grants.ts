import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { SscpError } from '../../shared/errors';
import { pathArguments, type Channel, type ContractEvents, type PathAccess } from '../../shared/ipc/contract';
import type { JobEventSink } from './jobs/runner';

/** How a path came to be usable: chosen to read, chosen to save to once, or chosen as the database. */
export type GrantKind = 'read' | 'write' | 'database';

/** Undoes the use of a single-use write grant, when the call that used it did not write. */
export interface GrantLease {
  readonly restore: () => void;
}

export interface PathGrantsOptions {
  /** Databases main itself lists as recent (settings): opening one needs no dialog. */
  readonly trustedDatabases: () => readonly string[];
  /** Files main itself remembers in settings (the chosen blank form): reading one needs no dialog. */
  readonly trustedReads?: () => readonly (string | null | undefined)[];
  /** A grant older than this is refused; the window closing revokes all of them sooner. */
  readonly maxAgeMs?: number;
  readonly now?: () => number;
}

interface Grant {
  readonly kind: GrantKind;
  readonly grantedAt: number;
  readonly generation: number;
}

/** A working day: long enough for choose-now-import-after-lunch, short enough to go stale. */
export const DEFAULT_GRANT_AGE_MS = 12 * 60 * 60 * 1000;
const EARLY_OUTCOMES_KEPT = 100;
const NO_LEASE: GrantLease = { restore: () => undefined };

/**
 * Which files the window may have main read or write. A compromised page could otherwise send
 * "/etc/shadow" as evidence to attach, or a save location anywhere on disk; main acts on a path
 * only if main itself put it here, from a native dialog it showed, a file the user dropped
 * (path found by the preload), or main's own recent-databases list.
 *
 * Channels carry the path itself, checked against this registry, rather than an opaque grant id:
 * the page already shows and keeps the chosen path (file name on screen, preview-then-import of
 * the same pack), the services need the path, and an exact match against paths only main can add
 * gives the same guarantee an unguessable id would: the page can name only what the user chose.
 * Write grants are single use, so one save dialog answer authorises exactly one write.
 *
 * One registry per window: main revokes everything when the window closes.
 */
export class PathGrants {
  private readonly grants = new Map<string, Grant>();
  /** Every path granted in this window, for showing a written file in the file manager. */
  private readonly revealable = new Set<string>();
  private readonly heldForJobs = new Map<string, GrantLease>();
  private readonly earlyFailures = new Map<string, boolean>();
  private generation = 0;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(private readonly options: PathGrantsOptions) {
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_GRANT_AGE_MS;
    this.now = options.now ?? Date.now;
  }

  /** Records what a native dialog main showed answered. */
  grant(path: string, kind: GrantKind): void {
    const key = keyOf(path);
    if (key === null) return;
    const existing = this.grants.get(key);
    // A read grant never downgrades an unused write or database grant for the same path.
    if (existing && kind === 'read' && existing.kind !== 'read' && this.isFresh(existing)) return;
    this.grants.set(key, { kind, grantedAt: this.now(), generation: this.generation });
    this.revealable.add(key);
  }

  /**
   * A file the user dropped onto the window: readable if it is an ordinary file. Folders,
   * devices, pipes and sockets are refused, since "attach" would read them in unexpected ways.
   */
  async grantDropped(path: string): Promise<string> {
    if (keyOf(path) === null) throw notAFile(path);
    const info = await stat(path).catch(() => null);
    if (!info) {
      throw SscpError.because({ code: 'dropped-item-missing', path });
    }
    if (info.isDirectory()) {
      throw SscpError.because({ code: 'dropped-folder' });
    }
    if (!info.isFile()) throw notAFile(path);
    this.grant(path, 'read');
    return path;
  }

  /**
   * Checks every path argument of a request before its handler runs, and uses up the write
   * grants it needs. Throws the SscpError the page shows when a path was not chosen here.
   */
  authorise(channel: Channel, args: unknown): GrantLease {
    const wanted = pathArguments(channel)
      // A list of paths (the files a contribution attaches) is checked path by path.
      .flatMap(([name, access]) => {
        const value = (args as Record<string, unknown>)[name];
        return (Array.isArray(value) ? value : [value]).map((path: unknown) => ({ access, path }));
      })
      .filter((w): w is { access: PathAccess; path: string } => typeof w.path === 'string');
    for (const { path, access } of wanted) this.check(path, access);
    const used = wanted.filter((w) => w.access === 'write').map((w) => this.useWrite(w.path));
    if (used.length === 0) return NO_LEASE;
    return { restore: () => used.forEach((lease) => lease.restore()) };
  }

  /** A job's write grant comes back if the job fails or is cancelled: nothing was written. */
  holdForJob(jobId: string, lease: GrantLease): void {
    if (lease === NO_LEASE) return;
    const failedEarly = this.earlyFailures.get(jobId);
    if (failedEarly !== undefined) {
      this.earlyFailures.delete(jobId);
      if (failedEarly) lease.restore();
      return;
    }
    this.heldForJobs.set(jobId, lease);
  }

  /** Wraps the job event sink, so a job's outcome settles the write grant it held. */
  watchJobs(sink: JobEventSink): JobEventSink {
    return (event, payload) => {
      if (event === 'jobs.done') this.jobDone(payload as ContractEvents['jobs.done']);
      sink(event, payload);
    };
  }

  /** The window closed: nothing chosen in it is usable any more. */
  revokeAll(): void {
    this.generation += 1;
    this.grants.clear();
    this.revealable.clear();
    this.heldForJobs.clear();
    this.earlyFailures.clear();
  }

  private jobDone({ jobId, result }: ContractEvents['jobs.done']): void {
    const lease = this.heldForJobs.get(jobId);
    if (lease) {
      this.heldForJobs.delete(jobId);
      if (!result.ok) lease.restore();
      return;
    }
    // The job may finish before its starter has handed over the lease.
    this.earlyFailures.set(jobId, !result.ok);
    if (this.earlyFailures.size > EARLY_OUTCOMES_KEPT) this.earlyFailures.delete(this.earlyFailures.keys().next().value as string);
  }

  private check(path: string, access: PathAccess): void {
    const key = keyOf(path);
    const grant = key === null ? undefined : this.grants.get(key);
    const fresh = grant !== undefined && this.isFresh(grant);
    const allowed =
      key !== null &&
      ((access === 'read' && ((fresh && grant.kind === 'read') || this.isTrustedRead(key))) ||
        (access === 'write' && fresh && grant.kind === 'write') ||
        (access === 'database' && ((fresh && grant.kind === 'database') || this.isTrustedDatabase(key))) ||
        (access === 'reveal' && this.revealable.has(key)));
    if (!allowed) throw refusal(access);
  }

  private useWrite(path: string): GrantLease {
    const key = keyOf(path) as string;
    const grant = this.grants.get(key) as Grant;
    this.grants.delete(key);
    return {
      restore: () => {
        if (grant.generation === this.generation && !this.grants.has(key)) this.grants.set(key, grant);
      },
    };
  }

  private isFresh(grant: Grant): boolean {
    return grant.generation === this.generation && this.now() - grant.grantedAt <= this.maxAgeMs;
  }

  private isTrustedRead(key: string): boolean {
    return (this.options.trustedReads?.() ?? []).some((p) => typeof p === 'string' && keyOf(p) === key);
  }

  private isTrustedDatabase(key: string): boolean {
    return this.options.trustedDatabases().some((p) => keyOf(p) === key);
  }
}

/** Only absolute paths are ever granted; `a/../b` and `b` are the same grant. */
function keyOf(path: string): string | null {
  return isAbsolute(path) ? resolve(path) : null;
}

function notAFile(path: string): SscpError {
  return SscpError.because({ code: 'dropped-not-a-file', path });
}

function refusal(access: PathAccess): SscpError {
  switch (access) {
    case 'write':
      return SscpError.because({ code: 'save-location-not-chosen' });
    case 'database':
      return SscpError.because({ code: 'database-not-chosen' });
    default:
      return SscpError.because({ code: 'file-not-chosen' });
  }
}
