import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../../main/app/menu';
import { withRecent } from '../../../main/app/settings-recent';
import type { MenuCommand } from '../../../shared/ipc/contract';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

describe('the menu bar', () => {
  it('has the usual accelerators and sends page commands to the window', () => {
    const sent: MenuCommand[] = [];
    const items = flatten(buildMenuTemplate((c) => sent.push(c), 'linux'));
    const byLabel = (label: string) => items.find((i) => i.label === label);
    expect(byLabel('Open Database…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(byLabel('New Assessment…')?.accelerator).toBe('CmdOrCtrl+N');
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit']) {
      expect(items.some((i) => i.role === role), role).toBe(true);
    }
    (byLabel('Open Database…')?.click as () => void)();
    (byLabel('Undo Last Saved Change')?.click as () => void)();
    expect(sent).toEqual(['open-database', 'undo-last-change']);
  });

  it('follows macOS conventions there', () => {
    const items = flatten(buildMenuTemplate(() => {}, 'darwin'));
    expect(items.some((i) => i.role === 'appMenu')).toBe(true);
    expect(items.find((i) => i.label === 'Settings…')?.accelerator).toBe('Cmd+,');
  });
});

describe('recent databases', () => {
  it('keeps the most recent first, without duplicates, at most eight', () => {
    let recent: string[] = [];
    for (let i = 0; i < 10; i++) recent = withRecent(recent, `/db${i}.sscp`);
    recent = withRecent(recent, '/db5.sscp');
    expect(recent[0]).toBe('/db5.sscp');
    expect(recent).toHaveLength(8);
    expect(new Set(recent).size).toBe(8);
  });
});
