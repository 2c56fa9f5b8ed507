import { join } from 'node:path';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, type ServiceChannel } from '../../../shared/ipc/contract';
import type { Settings } from '../../../shared/ipc/views';
import { createDispatch, type HandlerTable } from '../../../main/ipc/dispatch';
import { PathGrants } from '../../../main/ipc/path-grants';
import { dialog, FakeBrowserWindow, FakeIpcMain, shell } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { registerIpc } = await import('../../../main/app/ipc');
const { makeSenderCheck } = await import('../../../main/app/sender-check');
const { createDialogs } = await import('../../../main/app/dialogs');
const { createPlatformHandlers } = await import('../../../main/app/platform-handlers');

const rendererRoot = join('/opt', 'sscp', 'dist', 'renderer');
type Result = { ok: boolean; value?: unknown; error?: { message: string } };

/**
 * Main as the app wires it: Electron's (fake) native dialogs behind the platform handlers, the
 * window's grants in the dispatch, and a service table that records what reached it.
 */
async function setup() {
  const window = new FakeBrowserWindow({});
  await window.loadFile(join(rendererRoot, 'index.html'));
  let settings: Settings = {
    theme: 'light',
    recentDatabases: ['/home/priya/Recent.sscp'],
    defaultIdentityId: null,
    defaultExportFolder: null,
    profile: null,
  };
  const grants = new PathGrants({ trustedDatabases: () => settings.recentDatabases, trustedReads: () => [settings.formTemplatePath] });
  const reached: { channel: string; args: unknown }[] = [];
  const services = Object.fromEntries(
    channels.map((c) => [
      c,
      async (args: unknown) => {
        reached.push({ channel: c, args });
        return { jobId: 'job-1' };
      },
    ]),
  ) as unknown as Pick<HandlerTable, ServiceChannel>;
  const platform = createPlatformHandlers({
    dialogs: createDialogs(
      () => window as never,
      () => null,
    ),
    grants,
    settings: {
      get: () => settings,
      update: (patch) => (settings = { ...settings, ...(patch.formTemplatePath === null ? { formTemplatePath: null } : {}) }),
      setFormTemplate: (path) => {
        settings = { ...settings, formTemplatePath: path };
      },
      addRecentDatabase: () => undefined,
      windowBounds: () => null,
      saveWindowBounds: () => undefined,
    },
    appInfo: async () => ({ productName: 'SSCP Evidence Pack', version: '0', catalogVersion: 'x', licences: [] }),
    applyTheme: () => undefined,
    pageSaved: () => undefined,
  });
  const ipcMain = new FakeIpcMain();
  registerIpc(
    ipcMain as never,
    createDispatch({ ...services, ...platform }, grants),
    makeSenderCheck(() => window as never, rendererRoot),
  );
  const invoke = async (channel: string, args: unknown) =>
    (await ipcMain.handlers.get(channel)!({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, args)) as Result;
  return { invoke, reached, grants, window };
}

describe('native dialogs grant exactly what the user chose', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sscp-dialog-grants-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lets the page use a file only after the open dialog chose it', async () => {
    const { invoke, reached } = await setup();
    const refused = await invoke('packs.verify', { path: '/home/priya/pack.pdf' });
    expect(refused).toMatchObject({ ok: false, error: { message: 'That file was not chosen in this window.' } });
    expect(reached).toEqual([]);

    dialog.openAnswers.push(['/home/priya/pack.pdf']);
    expect(await invoke('dialogs.chooseFile', { purpose: 'pack' })).toEqual({ ok: true, value: { path: '/home/priya/pack.pdf' } });
    expect(await invoke('packs.verify', { path: '/home/priya/pack.pdf' })).toMatchObject({ ok: true });
    expect(reached.map((r) => r.channel)).toEqual(['packs.verify']);

    // A cancelled dialog grants nothing.
    expect(await invoke('dialogs.chooseFile', { purpose: 'form' })).toEqual({ ok: true, value: { path: null } });
    expect(await invoke('forms.import', { path: '/home/priya/form.docx' })).toMatchObject({ ok: false });
  });

  it('grants every file of a multi-file evidence dialog for reading, not for writing', async () => {
    const { invoke } = await setup();
    dialog.openAnswers.push(['/home/priya/a.txt', '/home/priya/b.png']);
    await invoke('dialogs.openEvidenceFiles', {});
    for (const filePath of ['/home/priya/a.txt', '/home/priya/b.png']) {
      expect(await invoke('evidence.attach', { assessmentId: 'a', claimId: '1.1.1', filePath, meta: {} })).toMatchObject({ ok: true });
    }
    expect(await invoke('forms.export', { assessmentId: 'a', outPath: '/home/priya/a.txt' })).toMatchObject({ ok: false });
  });

  it('lets one save dialog answer authorise one write, then shows it in its folder', async () => {
    const { invoke, reached } = await setup();
    dialog.saveAnswers.push('/home/priya/Acme form.docx');
    expect(await invoke('dialogs.saveFile', { purpose: 'form', suggestedName: 'Acme form.docx' })).toEqual({
      ok: true,
      value: { path: '/home/priya/Acme form.docx' },
    });
    expect(await invoke('forms.export', { assessmentId: 'a', outPath: '/home/priya/Acme form.docx' })).toMatchObject({ ok: true });
    expect(await invoke('forms.export', { assessmentId: 'a', outPath: '/home/priya/Acme form.docx' })).toMatchObject({
      ok: false,
      error: { message: 'That save location was not chosen in this window.' },
    });
    expect(reached.filter((r) => r.channel === 'forms.export')).toHaveLength(1);
    shell.revealed.length = 0;
    expect(await invoke('shell.reveal', { path: '/home/priya/Acme form.docx' })).toMatchObject({ ok: true });
    expect(await invoke('shell.reveal', { path: '/home/priya/.ssh' })).toMatchObject({ ok: false });
    expect(shell.revealed).toEqual(['/home/priya/Acme form.docx']);
  });

  it('remembers the blank form chosen in its dialog, refuses one that is not the form, and lets the page only clear it', async () => {
    const { invoke, reached } = await setup();
    const notForm = join(dir, 'letter.docx');
    await writeFile(notForm, 'not a zip');
    dialog.openAnswers.push([notForm]);
    expect(await invoke('settings.chooseFormTemplate', {})).toMatchObject({
      ok: false,
      error: { message: 'letter.docx is not a Word document (.docx): it is not a zip archive.' },
    });
    expect(((await invoke('settings.get', {})) as unknown as { value: Settings }).value.formTemplatePath ?? null).toBeNull();

    const template = join(dir, 'Official form.docx');
    await copyFile(join(import.meta.dirname, '../../fixtures/form/form-43.docx'), template);
    dialog.openAnswers.push([template]);
    expect(await invoke('settings.chooseFormTemplate', {})).toMatchObject({ ok: true, value: { formTemplatePath: template } });
    // The remembered form is readable by the export in this and later windows without a new dialog; any other is not.
    dialog.saveAnswers.push('/home/priya/Filled.docx');
    await invoke('dialogs.saveFile', { purpose: 'form', suggestedName: 'Filled.docx' });
    expect(await invoke('forms.export', { assessmentId: 'a', outPath: '/home/priya/Filled.docx', templatePath: notForm })).toMatchObject({
      ok: false,
      error: { message: 'That file was not chosen in this window.' },
    });
    expect(await invoke('forms.export', { assessmentId: 'a', outPath: '/home/priya/Filled.docx', templatePath: template })).toMatchObject({
      ok: true,
    });
    expect(reached.filter((r) => r.channel === 'forms.export')).toHaveLength(1);

    // The page cannot point the setting at a file of its choosing, only clear it.
    expect(await invoke('settings.update', { formTemplatePath: '/etc/shadow' })).toMatchObject({ ok: false });
    expect(await invoke('settings.update', { formTemplatePath: null })).toMatchObject({ ok: true, value: { formTemplatePath: null } });
  });

  it('opens databases from the open and new dialogs or the recent list', async () => {
    const { invoke } = await setup();
    expect(await invoke('workspace.open', { dbPath: '/home/priya/Recent.sscp' })).toMatchObject({ ok: true });
    expect(await invoke('workspace.open', { dbPath: '/home/priya/Chosen.sscp' })).toMatchObject({ ok: false });
    dialog.openAnswers.push(['/home/priya/Chosen.sscp']);
    await invoke('dialogs.openDatabase', {});
    expect(await invoke('workspace.open', { dbPath: '/home/priya/Chosen.sscp' })).toMatchObject({ ok: true });
    dialog.saveAnswers.push('/home/priya/New.sscp');
    await invoke('dialogs.newDatabase', {});
    expect(await invoke('workspace.open', { dbPath: '/home/priya/New.sscp' })).toMatchObject({ ok: true });
  });

  it('grants a dropped ordinary file through the preload channel, and refuses a folder', async () => {
    const { invoke } = await setup();
    const file = join(dir, 'dropped.txt');
    await writeFile(file, 'evidence');
    expect(await invoke('grants.registerDrop', { path: file })).toEqual({ ok: true, value: { path: file } });
    expect(await invoke('evidence.attach', { assessmentId: 'a', claimId: '1.1.1', filePath: file, meta: {} })).toMatchObject({ ok: true });
    expect(await invoke('grants.registerDrop', { path: dir })).toMatchObject({
      ok: false,
      error: { message: 'A folder was dropped, and only files can be attached.' },
    });
    expect(await invoke('evidence.attach', { assessmentId: 'a', claimId: '1.1.1', filePath: dir, meta: {} })).toMatchObject({ ok: false });
  });
});
