import { create } from 'zustand';
import { escapeUnsafe } from '../../shared/domain/text-rules';

/** Long work in progress (attaching, signing, importing, verifying, exporting), shown in the status bar with its Cancel. */
export interface Work {
  readonly id: string;
  /** What is happening, with counts: "Attaching 37 of 200 files to claim 1.1.1". */
  readonly label: string;
  /** A file's name after the label, from outside: shown as safe text. */
  readonly name?: string;
  /** The stage the job last reported, after the name: "Checking the signature and every file". */
  readonly stage?: string | null;
  readonly done: number;
  readonly total: number;
  readonly cancel: (() => void) | null;
  /**
   * Where the person started it (a card such as "import-pack"): that place shows the same job's
   * progress and Cancel where they are looking, besides the status bar (see JobProgressAt).
   */
  readonly place?: string;
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

/** The task as one line of plain text, for the progress bar's and Cancel's accessible names. */
export function workText(work: Work): string {
  return [work.label, work.name ? escapeUnsafe(work.name, false) : ''].filter(Boolean).join(' ') + (work.stage ? `: ${work.stage}` : '');
}
