// Entry of the job host utility process (bundled to dist/app/job-host.cjs). No electron
// import: Electron gives a utility process its channel to main as process.parentPort.
import { serveJobs } from '../ipc/jobs/host';
import type { HostReply, HostRequest } from '../ipc/jobs/host-protocol';
import { openWorkspace } from '../services/workspace';

const parentPort = (process as NodeJS.Process & { parentPort: Electron.ParentPort }).parentPort;
serveJobs(
  {
    post: (reply: HostReply) => parentPort.postMessage(reply),
    onMessage: (listener) => parentPort.on('message', (event) => listener(event.data as HostRequest)),
  },
  openWorkspace,
);
