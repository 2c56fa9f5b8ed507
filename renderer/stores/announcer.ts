import { create } from 'zustand';
import { toUiError, type UiError } from '../ipc/ui-error';

interface AnnouncerState {
  /** Read out by screen readers (aria-live) and shown in the status bar. */
  readonly message: string;
  readonly error: UiError | null;
  readonly announce: (message: string) => void;
  readonly fail: (e: unknown) => void;
  readonly dismissError: () => void;
}

export const useAnnouncer = create<AnnouncerState>((set) => ({
  message: '',
  error: null,
  announce: (message) => set({ message }),
  fail: (e) => set({ error: toUiError(e) }),
  dismissError: () => set({ error: null }),
}));

/** Runs an action and shows its failure, if any, in the error banner. */
export async function attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (e) {
    useAnnouncer.getState().fail(e);
    return undefined;
  }
}
