import { useEffect } from 'react';
import { shortcutForKey } from '../../shared/ipc/shortcuts';
import { runClaimCommand } from '../stores/claim-commands';

const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color', 'range', 'image']);

/** True where a key press types or picks something: text boxes, choice lists, editable regions. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

/**
 * The single-key shortcuts (see shared/ipc/shortcuts.ts). They never fire while typing or in a
 * dialog; Escape in a text box hands the keys back by moving focus to the page's heading.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      if (document.querySelector('dialog[open]')) return;
      if (isTypingTarget(e.target)) {
        if (e.key === 'Escape' && !(e.target instanceof HTMLSelectElement)) {
          const heading = document.getElementById('claim-heading') ?? document.getElementById('page-title');
          if (heading) {
            e.preventDefault();
            heading.focus({ preventScroll: true });
          }
        }
        return;
      }
      const shortcut = shortcutForKey(e);
      if (shortcut && runClaimCommand(shortcut.command)) e.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
