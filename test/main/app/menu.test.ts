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
    expect(byLabel('Open Assessments File…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(byLabel('New Assessment…')?.accelerator).toBe('CmdOrCtrl+N');
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit']) {
      expect(
        items.some((i) => i.role === role),
        role,
      ).toBe(true);
    }
    (byLabel('Open Assessments File…')?.click as () => void)();
    (byLabel('Undo Last Saved Change')?.click as () => void)();
    expect(sent).toEqual(['open-database', 'undo-last-change']);
  });

  it('never says "database" to the person, on any platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const labels = flatten(buildMenuTemplate(() => undefined, platform)).map((i) => i.label ?? '');
      expect(labels.filter((l) => /database/i.test(l))).toEqual([]);
    }
  });

  it('lists the claim shortcuts with their keys, without taking those keys from text boxes', () => {
    const sent: MenuCommand[] = [];
    const items = flatten(buildMenuTemplate((c) => sent.push(c), 'linux'));
    const next = items.find((i) => i.label === 'Next claim');
    expect(next?.accelerator).toBe('J');
    expect(next?.registerAccelerator).toBe(false);
    expect(items.find((i) => i.label === 'Met')?.accelerator).toBe('1');
    const singleKeys = items.filter((i) => typeof i.accelerator === 'string' && !/(Ctrl|Cmd|Alt)/.test(i.accelerator));
    expect(singleKeys.length).toBeGreaterThan(8);
    expect(singleKeys.every((i) => i.registerAccelerator === false)).toBe(true);
    (next?.click as () => void)();
    (items.find((i) => i.label === 'Keyboard Shortcuts')?.click as () => void)();
    expect(sent).toEqual(['next-claim', 'show-shortcuts']);
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
