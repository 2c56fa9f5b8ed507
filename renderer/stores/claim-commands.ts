import { create } from 'zustand';
import type { ClaimCommand } from '../../shared/ipc/shortcuts';

interface ClaimCommandsState {
  /** Set by the claim workspace while it shows; the menu bar and the keyboard reach it here. */
  readonly handler: ((command: ClaimCommand) => void) | null;
  readonly helpOpen: boolean;
  readonly register: (handler: ((command: ClaimCommand) => void) | null) => void;
  readonly setHelpOpen: (open: boolean) => void;
}

export const useClaimCommands = create<ClaimCommandsState>((set) => ({
  handler: null,
  helpOpen: false,
  register: (handler) => set({ handler }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
}));

/**
 * Carries out a shortcut's command. The help list works everywhere; the rest only where there
 * are claims. Returns whether anything happened, so an unused key press is left alone.
 */
export function runClaimCommand(command: ClaimCommand): boolean {
  const state = useClaimCommands.getState();
  if (command === 'show-shortcuts') {
    state.setHelpOpen(true);
    return true;
  }
  if (!state.handler) return false;
  state.handler(command);
  return true;
}
