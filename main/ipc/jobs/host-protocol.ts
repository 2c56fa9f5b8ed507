import type { Actor } from '../../../shared/domain/actor';
import type { JobChannel } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/result';
import type { JobProgress } from '../../../shared/ipc/views';

/** From main to the job host. */
export type HostRequest =
  /** `actor`: who asked for the job, recorded with every change it makes. */
  | {
      readonly type: 'run';
      readonly jobId: string;
      readonly channel: JobChannel;
      readonly args: unknown;
      readonly dbPath: string;
      readonly actor: Actor;
    }
  | { readonly type: 'cancel'; readonly jobId: string };

/** From the job host to main. */
export type HostReply =
  | { readonly type: 'progress'; readonly progress: JobProgress }
  | { readonly type: 'done'; readonly jobId: string; readonly result: IpcResult<unknown> };

/** One end of the channel to a job host: Electron's utilityProcess, or a forked Node process. */
export interface HostLink {
  readonly post: (request: HostRequest) => void;
  readonly onMessage: (listener: (reply: HostReply) => void) => void;
  readonly onExit: (listener: (code: number | null) => void) => void;
  readonly kill: () => void;
}

/** The host's end: where it reads requests and writes replies. */
export interface HostPort {
  readonly post: (reply: HostReply) => void;
  readonly onMessage: (listener: (request: HostRequest) => void) => void;
}
