import { create } from 'zustand';
import type { EvidenceItem } from '../../shared/domain/types';
import type { ContractArgs } from '../../shared/ipc/contract';
import type { EvidenceLibraryItem, EvidencePreview } from '../../shared/ipc/views';
import { followedLinkNote } from '../format/links';
import { call, startJob } from '../ipc/client';
import { useAnnouncer } from './announcer';

interface LibraryState {
  readonly items: readonly EvidenceLibraryItem[];
  readonly loaded: boolean;
  readonly query: string;
  readonly replacing: { readonly evidenceId: string; readonly done: number; readonly total: number } | null;
  readonly preview: EvidencePreview | null;
  readonly load: () => Promise<void>;
  readonly setQuery: (query: string) => void;
  readonly update: (evidenceId: string, patch: ContractArgs<'evidence.update'>['patch']) => Promise<EvidenceItem>;
  readonly replace: (evidenceId: string) => Promise<void>;
  readonly showPreview: (evidenceId: string) => Promise<void>;
  readonly closePreview: () => void;
}

/** Every evidence file in the database, whichever assessments use it. */
export const useLibrary = create<LibraryState>((set, get) => ({
  items: [],
  loaded: false,
  query: '',
  replacing: null,
  preview: null,
  load: async () => set({ items: await call('evidence.list', {}), loaded: true }),
  setQuery: (query) => set({ query }),
  update: async (evidenceId, patch) => {
    const item = await call('evidence.update', { evidenceId, patch });
    // Only the file's own details changed; which claims use it did not.
    set({ items: get().items.map((i) => (i.item.id === item.id ? { ...i, item } : i)) });
    useAnnouncer.getState().announce(`Details of ${item.fileName} saved.`);
    return item;
  },
  replace: async (evidenceId) => {
    const { path } = await call('dialogs.chooseFile', { purpose: 'evidence' });
    if (!path) return;
    set({ replacing: { evidenceId, done: 0, total: 0 } });
    try {
      const job = await startJob('evidence.replace', { evidenceId, filePath: path }, (p) => set({ replacing: { evidenceId, done: p.done, total: p.total } }));
      const item = await job.done;
      await get().load();
      const link = item.followedLink ? ` ${followedLinkNote(path, item.followedLink)}` : '';
      useAnnouncer.getState().announce(`${item.fileName} is now the current version; every claim that used the old one now uses it.${link}`);
    } finally {
      set({ replacing: null });
    }
  },
  showPreview: async (evidenceId) => set({ preview: await call('evidence.preview', { evidenceId }) }),
  closePreview: () => set({ preview: null }),
}));

/** Items whose name or description contains the query, ignoring case. */
export function filterLibrary(items: readonly EvidenceLibraryItem[], query: string): readonly EvidenceLibraryItem[] {
  const q = query.trim().toLowerCase();
  if (!q) return items;
  return items.filter((i) => i.item.fileName.toLowerCase().includes(q) || i.item.description.toLowerCase().includes(q));
}
