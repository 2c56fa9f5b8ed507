import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';

/**
 * The menu bar with the usual accelerators. Commands the page carries out (open a database,
 * new assessment, undo the last saved change) are sent to it; editing roles stay native.
 */
export function buildMenuTemplate(send: (command: MenuCommand) => void, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [{ role: 'appMenu', submenu: [{ role: 'about' }, { type: 'separator' }, { label: 'Settings…', accelerator: 'Cmd+,', click: () => send('show-settings') }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] }]
    : [];
  return [
    ...appMenu,
    {
      label: '&File',
      submenu: [
        { label: 'New Assessment…', accelerator: 'CmdOrCtrl+N', click: () => send('new-assessment') },
        { type: 'separator' },
        { label: 'Open Database…', accelerator: 'CmdOrCtrl+O', click: () => send('open-database') },
        { label: 'New Database…', accelerator: 'CmdOrCtrl+Shift+N', click: () => send('new-database') },
        ...(isMac ? [] : [{ type: 'separator' } as const, { label: 'Settings…', accelerator: 'Ctrl+,', click: () => send('show-settings') }]),
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
    {
      label: '&View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: 'About SSCP Evidence Pack', click: () => send('show-about') }],
    },
  ];
}
