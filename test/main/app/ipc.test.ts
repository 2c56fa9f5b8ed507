import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { channels } from '../../../shared/ipc/contract';
import { createDispatch, type HandlerTable } from '../../../main/ipc/dispatch';
import { PathGrants } from '../../../main/ipc/path-grants';
import { FakeBrowserWindow, FakeFrame, FakeIpcMain, FakeWebContents } from './fake-electron';
import { appHintOf } from '../../setup/error-words';
import type { IpcErrorValue } from '../../../shared/ipc/result';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { registerIpc } = await import('../../../main/app/ipc');
const { makeSenderCheck } = await import('../../../main/app/sender-check');

const rendererRoot = join('/opt', 'sscp', 'dist', 'renderer');
const appPage = pathToFileURL(join(rendererRoot, 'index.html')).href;

/** No file has been chosen in this window: these tests send no paths that should pass. */
const noGrants = () => new PathGrants({ trustedDatabases: () => [] });

/** A table whose every handler records that a service ran. */
function recordingTable(calls: string[]): HandlerTable {
  return Object.fromEntries(
    channels.map((c) => [
      c,
      async (args: unknown) => {
        calls.push(c);
        return { echoed: args };
      },
    ]),
  ) as unknown as HandlerTable;
}

async function setup() {
  const window = new FakeBrowserWindow({});
  await window.loadFile(join(rendererRoot, 'index.html'));
  const ipcMain = new FakeIpcMain();
  const calls: string[] = [];
  registerIpc(
    ipcMain as never,
    createDispatch(recordingTable(calls), noGrants()),
    makeSenderCheck(() => window as never, rendererRoot),
  );
  const invoke = (
    channel: string,
    args: unknown,
    event: unknown = { sender: window.webContents, senderFrame: window.webContents.mainFrame },
  ) => ipcMain.handlers.get(channel)!(event, args);
  return { window, ipcMain, calls, invoke };
}

describe('IPC registration', () => {
  it('registers exactly the contract channels, nothing else', async () => {
    const { ipcMain } = await setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channels].sort());
  });

  it('answers the app window and passes validated arguments to the service', async () => {
    const { invoke, calls } = await setup();
    const result = await invoke('assessments.get', { assessmentId: 'a1' });
    expect(result).toEqual({ ok: true, value: { echoed: { assessmentId: 'a1' } } });
    expect(calls).toEqual(['assessments.get']);
  });

  it('refuses senders other than the app window before any service runs', async () => {
    const { invoke, calls, window } = await setup();
    const stranger = new FakeWebContents(appPage);
    const subframe = new FakeFrame(appPage, window.webContents.mainFrame);
    const foreignPage = new FakeFrame('https://evil.example/');
    const refusals = [
      { sender: stranger, senderFrame: stranger.mainFrame },
      { sender: window.webContents, senderFrame: subframe },
      { sender: window.webContents, senderFrame: null },
      { sender: window.webContents, senderFrame: foreignPage },
    ];
    for (const event of refusals) {
      const result = (await invoke('assessments.list', {}, event)) as { ok: boolean; error?: { kind: string } };
      expect(result.ok).toBe(false);
      expect(result.error?.kind).toBe('invalid-input');
    }
    window.webContents.mainFrame.url = 'file:///tmp/other/index.html';
    expect(((await invoke('assessments.list', {})) as { ok: boolean }).ok).toBe(false);
    expect(calls).toEqual([]);
  });

  it('refuses bad arguments with a typed error and never reaches the service', async () => {
    const { invoke, calls } = await setup();
    const bad = [
      ['assessments.get', {}],
      ['assessments.get', { assessmentId: 42 }],
      ['claims.update', { assessmentId: 'a', claimId: '1; DROP TABLE', patch: {} }],
      ['claims.update', { assessmentId: 'a', claimId: '1.1.1', patch: { result: 'excellent' } }],
      ['claims.update', { assessmentId: 'a', claimId: '1.1.1', patch: {}, extra: true }],
      [
        'assessments.create',
        {
          organisation: '',
          products: [],
          role: 'developer-distributor',
          theme3InScope: false,
          periodStart: null,
          periodEnd: null,
          sroName: 'A',
          sroRole: 'B',
        },
      ],
      ['actions.add', { assessmentId: 'a', claimId: '1.1.1', fields: { description: 'x', owner: 'y', dueDate: '31/12/2026' } }],
      ['shell.openExternal', { url: 'http://example.com/' }],
      ['shell.openExternal', { url: 'file:///etc/passwd' }],
      // Well-formed, but no dialog in this window chose these files.
      ['packs.verify', { path: '/etc/shadow' }],
      ['evidence.attach', { assessmentId: 'a', claimId: '1.1.1', filePath: '/home/priya/.ssh/id_ed25519', meta: {} }],
      [
        'packs.export',
        {
          assessmentId: 'a',
          identityLabel: 'P',
          passphrase: 'x',
          outPath: '/etc/cron.d/evil',
          profile: 'customer',
          acceptExceptions: true,
        },
      ],
      ['workspace.open', { dbPath: '/tmp/elsewhere.sscp' }],
      ['shell.reveal', { path: '/etc' }],
    ] as const;
    for (const [channel, args] of bad) {
      const result = (await invoke(channel, args)) as { ok: boolean; error?: IpcErrorValue };
      expect(result.ok, `${channel} ${JSON.stringify(args)}`).toBe(false);
      expect(result.error?.kind).toBe('invalid-input');
      expect(result.error && appHintOf(result.error)).toBeTruthy();
    }
    expect(calls).toEqual([]);
  });

  it('turns a bug in a service into a plain sentence without a stack trace', async () => {
    const table = {
      ...recordingTable([]),
      'assessments.list': async () => {
        throw new TypeError('x is undefined at /src/secret.ts:12');
      },
    } as HandlerTable;
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => {
      logged.push(line);
    });
    const result = await createDispatch(table, noGrants())('assessments.list', {});
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result);
    expect(text).not.toContain('secret.ts');
    expect(text).not.toContain('TypeError');
    expect(logged.join('\n')).toContain('secret.ts');
    vi.restoreAllMocks();
  });

  it('rejects a channel that is not in the contract', async () => {
    const dispatch = createDispatch(recordingTable([]), noGrants());
    const result = await dispatch('fs.readFile', { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false });
    expect(await dispatch('toString', {})).toMatchObject({ ok: false });
  });
});
