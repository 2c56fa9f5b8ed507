import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';
import { SHORTCUTS } from '../../shared/ipc/shortcuts';

/**
 * The claim shortcuts, listed with their keys. The page handles the keys itself
 * (`registerAccelerator: false`), so a letter typed into a text box is never taken.
 */
function claimMenu(send: (command: MenuCommand) => void): MenuItemConstructorOptions[] {
  const item = (command: (typeof SHORTCUTS)[number]['command']): MenuItemConstructorOptions => {
    const s = SHORTCUTS.find((x) => x.command === command)!;
    return {
      label: s.label.replace(/^Result: /, ''),
      accelerator: s.accelerator,
      registerAccelerator: false,
      click: () => send(s.command),
    };
  };
  return [
    item('next-claim'),
    item('previous-claim'),
    item('find-claim'),
    { type: 'separator' },
    { label: 'Result', submenu: SHORTCUTS.filter((s) => s.result).map((s) => item(s.command)) },
    item('status-done'),
    item('status-needs-review'),
    item('write-evidence'),
  ];
}

/**
 * The menu bar with the usual accelerators. Commands the page carries out (open a database,
 * new assessment, undo the last saved change) are sent to it; editing roles stay native.
 */
export function buildMenuTemplate(send: (command: MenuCommand) => void, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          role: 'appMenu',
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { label: 'Settings…', accelerator: 'Cmd+,', click: () => send('show-settings') },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  return [
    ...appMenu,
    {
      label: '&File',
      submenu: [
        { label: 'New Assessment…', accelerator: 'CmdOrCtrl+N', click: () => send('new-assessment') },
        { type: 'separator' },
        { label: 'Open Assessments File…', accelerator: 'CmdOrCtrl+O', click: () => send('open-database') },
        { label: 'New Assessments File…', accelerator: 'CmdOrCtrl+Shift+N', click: () => send('new-database') },
        ...(isMac
          ? []
          : [{ type: 'separator' } as const, { label: 'Settings…', accelerator: 'Ctrl+,', click: () => send('show-settings') }]),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Undo Last Saved Change', accelerator: 'CmdOrCtrl+Alt+Z', click: () => send('undo-last-change') },
      ],
    },
    { label: '&Claim', submenu: claimMenu(send) },
    {
      label: '&View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Keyboard Shortcuts', accelerator: 'Shift+/', registerAccelerator: false, click: () => send('show-shortcuts') },
        { label: 'About SSCP Evidence Pack', click: () => send('show-about') },
      ],
    },
  ];
}
