import { describe, expect, it, vi } from 'vitest';
import type { HostReply } from '../../../main/ipc/jobs/host-protocol';
import { FakeUtilityProcess } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { forkUtilityHost } = await import('../../../main/app/job-host');

describe('the job host utility process', () => {
  it('forks the bundled host and carries requests, replies and exit across', () => {
    const link = forkUtilityHost('/opt/sscp/dist/app/job-host.cjs');
    const { entry, child } = FakeUtilityProcess.forked.at(-1)!;
    expect(entry).toBe('/opt/sscp/dist/app/job-host.cjs');
    link.post({ type: 'cancel', jobId: 'j1' });
    expect(child.posted).toEqual([{ type: 'cancel', jobId: 'j1' }]);
    const replies: HostReply[] = [];
    const exits: (number | null)[] = [];
    link.onMessage((r) => replies.push(r));
    link.onExit((c) => exits.push(c));
    child.emit('message', { type: 'progress', progress: { jobId: 'j1', stage: 'Signing', done: 1, total: 2 } });
    child.emit('exit', 3);
    expect(replies).toEqual([{ type: 'progress', progress: { jobId: 'j1', stage: 'Signing', done: 1, total: 2 } }]);
    expect(exits).toEqual([3]);
    link.kill();
    expect(child.killed).toBe(true);
  });
});
