import { fork } from 'node:child_process';
import type { HostLink, HostReply, HostRequest } from './host-protocol';

/**
 * A job host as a forked Node process: what tests and the end-to-end bridge use in place of
 * Electron's utilityProcess, speaking the same protocol.
 */
export function forkNodeHost(entry: string, execArgv: readonly string[] = []): HostLink {
  const child = fork(entry, [], { execArgv: [...execArgv], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    post: (request: HostRequest) => {
      if (child.connected) child.send(request);
    },
    onMessage: (listener) => child.on('message', (m) => listener(m as HostReply)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => {
      child.kill();
    },
  };
}
