import { utilityProcess } from 'electron';
import type { HostLink, HostReply, HostRequest } from '../ipc/jobs/host-protocol';

/**
 * The job host as an Electron utility process: exports, imports, verification and big
 * attachments run there, so the main process stays free to answer the window.
 */
export function forkUtilityHost(entry: string): HostLink {
  const child = utilityProcess.fork(entry, [], { serviceName: 'SSCP Evidence Pack jobs', stdio: 'inherit' });
  return {
    post: (request: HostRequest) => child.postMessage(request),
    onMessage: (listener) => child.on('message', (message: HostReply) => listener(message)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => {
      child.kill();
    },
  };
}
