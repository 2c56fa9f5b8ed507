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
  fail: (e) => {
    const error = toUiError(e);
    // A job stopped because the person pressed Cancel did what they asked: its message
    // ("… was cancelled; no file was written.") goes in the status line, not in the error banner.
    if (error.kind === 'cancelled') set({ message: error.message });
    else set({ error });
  },
  dismissError: () => set({ error: null }),
}));

/** Runs an action and shows its failure, if any, in the error banner (a cancel in the status line). */
export async function attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (e) {
    useAnnouncer.getState().fail(e);
    return undefined;
  }
}
