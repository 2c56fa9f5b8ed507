import { describe, expect, it, vi } from 'vitest';
import { eventNames, pageChannels } from '../../../shared/ipc/contract';
import type { SscpApi } from '../../../shared/ipc/api';
import { exposed, ipcRenderer } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

await import('../../../main/preload/index');
const api = exposed.sscp as SscpApi<{ name: string }>;

describe('the preload', () => {
  it('exposes one method per page channel, the event subscription and dropped-file granting, nothing else', () => {
    expect(Object.keys(exposed)).toEqual(['sscp']);
    expect(Object.keys(api).sort()).toEqual([...pageChannels, 'onEvent', 'droppedFile'].sort());
    // Only the preload may ask main to grant a dropped file, and only for a path webUtils found.
    expect('grants.registerDrop' in api).toBe(false);
    expect(Object.isFrozen(api)).toBe(true);
    expect('ipcRenderer' in api).toBe(false);
    expect('invoke' in api).toBe(false);
  });

  it('forwards each method to its own channel with its arguments', async () => {
    ipcRenderer.invoked.length = 0;
    await api['assessments.get']({ assessmentId: 'a1' });
    await api['assessments.list']({});
    expect(ipcRenderer.invoked).toEqual([
      { channel: 'assessments.get', args: { assessmentId: 'a1' } },
      { channel: 'assessments.list', args: {} },
    ]);
  });

  it('subscribes only to the contract events and unsubscribes cleanly', () => {
    const seen: unknown[] = [];
    const off = api.onEvent('jobs.progress', (p) => seen.push(p));
    ipcRenderer.emit('jobs.progress', {}, { jobId: 'j', stage: 's', done: 1, total: 2 });
    off();
    ipcRenderer.emit('jobs.progress', {}, { jobId: 'j', stage: 's', done: 2, total: 2 });
    expect(seen).toEqual([{ jobId: 'j', stage: 's', done: 1, total: 2 }]);
    expect(eventNames).toContain('jobs.done');
    expect(() => api.onEvent('evil.channel' as never, () => {})).toThrow();
  });

  it('asks main to grant a dropped file, with the path webUtils gives, not one from the page', async () => {
    ipcRenderer.invoked.length = 0;
    await api.droppedFile({ name: 'policy.pdf' });
    expect(ipcRenderer.invoked).toEqual([{ channel: 'grants.registerDrop', args: { path: '/dropped/policy.pdf' } }]);
  });
});
