import { create } from 'zustand';

/** Long work in progress (attaching, signing), shown in the status bar with its Cancel. */
export interface Work {
  readonly id: string;
  /** What is happening, with counts: "Attaching 37 of 200 files to claim 1.1.1". */
  readonly label: string;
  readonly done: number;
  readonly total: number;
  readonly cancel: (() => void) | null;
}

interface WorkState {
  readonly items: readonly Work[];
  readonly begin: (work: Work) => void;
  readonly update: (id: string, change: Partial<Omit<Work, 'id'>>) => void;
  readonly end: (id: string) => void;
}

export const useWork = create<WorkState>((set, get) => ({
  items: [],
  begin: (work) => set({ items: [...get().items.filter((w) => w.id !== work.id), work] }),
  update: (id, change) => set({ items: get().items.map((w) => (w.id === id ? { ...w, ...change } : w)) }),
  end: (id) => set({ items: get().items.filter((w) => w.id !== id) }),
}));
