// Entry of a job host forked by forkNodeHost (tests, the end-to-end bridge).
import { openWorkspace } from '../../services/workspace';
import type { HostReply, HostRequest } from './host-protocol';
import { serveJobs } from './host';

const host = serveJobs(
  {
    post: (reply: HostReply) => process.send?.(reply),
    onMessage: (listener) => process.on('message', (m) => listener(m as HostRequest)),
  },
  openWorkspace,
);
process.on('disconnect', () => {
  host.close();
  process.exit(0);
});
