import { create } from 'zustand';
import type { EvidenceItem } from '../../shared/domain/types';
import type { ContractArgs, ContractResult } from '../../shared/ipc/contract';
import type { EvidenceLibraryItem, EvidencePreview } from '../../shared/ipc/views';
import { NO_FILTERS, type LibraryFilters, type LibrarySort, type SortKey } from '../screens/library/library-view';
import { followedLinkNote } from '../format/links';
import { call, startJob } from '../ipc/client';
import { useAnnouncer } from './announcer';
import { useAssessment } from './assessment';

export type BulkPatch = ContractArgs<'evidence.updateMany'>['patch'];

interface LibraryState {
  readonly items: readonly EvidenceLibraryItem[];
  readonly loaded: boolean;
  readonly filters: LibraryFilters;
  readonly sort: LibrarySort;
  /** Ids of the selected files (kept across filtering: what is selected is what the bulk action changes). */
  readonly selected: ReadonlySet<string>;
  /** The last file clicked without Shift: where a Shift-click range starts. */
  readonly anchor: string | null;
  readonly replacing: { readonly evidenceId: string; readonly done: number; readonly total: number } | null;
  readonly preview: EvidencePreview | null;
  readonly load: () => Promise<void>;
  readonly setFilters: (patch: Partial<LibraryFilters>) => void;
  /** Sorts by `key`; choosing the current key again reverses the order. */
  readonly sortBy: (key: SortKey) => void;
  /** Selects or clears one file; with `range`, every file between the anchor and it (in `order`). */
  readonly toggle: (evidenceId: string, order: readonly string[], range?: boolean) => void;
  readonly select: (evidenceIds: readonly string[]) => void;
  readonly clearSelection: () => void;
  readonly update: (evidenceId: string, patch: ContractArgs<'evidence.update'>['patch']) => Promise<EvidenceItem>;
  /** One call, one transaction: the same dates or confidentiality for every selected file. */
  readonly updateSelected: (patch: BulkPatch) => Promise<void>;
  /** One call, one transaction: links every selected file to a claim of a draft assessment. */
  readonly linkSelected: (target: {
    readonly assessmentId: string;
    readonly claimId: string;
    readonly organisation: string;
  }) => Promise<void>;
  readonly replace: (evidenceId: string) => Promise<void>;
  readonly showPreview: (evidenceId: string) => Promise<void>;
  readonly closePreview: () => void;
  /** The last removal while its Undo is offered: what it took out, to put back in place. */
  readonly removal: PendingRemoval | null;
  /** One call, one transaction: removes the files from the library and every draft claim, undoably for a while. */
  readonly remove: (evidenceIds: readonly string[]) => Promise<void>;
  /** Puts the last removal back, files and links, while its Undo is offered. */
  readonly undoRemoval: () => Promise<void>;
  /** Closes the Undo: the removal becomes final and files nothing else uses are deleted. */
  readonly finishRemoval: () => Promise<void>;
}

export interface PendingRemoval {
  readonly removalId: string;
  readonly items: readonly EvidenceLibraryItem[];
}

/** How long the status bar offers Undo after a removal (main holds the files longer, so Undo never arrives too late). */
export const REMOVAL_UNDO_MS = 20_000;
let removalTimer: ReturnType<typeof setTimeout> | null = null;

const plural = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;

/** Every evidence file in the database, whichever assessments use it. */
export const useLibrary = create<LibraryState>((set, get) => ({
  items: [],
  loaded: false,
  filters: NO_FILTERS,
  sort: { key: 'name', direction: 'ascending' },
  selected: new Set(),
  anchor: null,
  replacing: null,
  preview: null,
  load: async () => {
    const items = await call('evidence.list', {});
    // A selected file that is gone (replaced in another window) is no longer selected.
    const present = new Set(items.map((i) => i.item.id));
    set({ items, loaded: true, selected: new Set([...get().selected].filter((id) => present.has(id))) });
  },
  setFilters: (patch) => set({ filters: { ...get().filters, ...patch } }),
  sortBy: (key) => {
    const { sort } = get();
    set({ sort: { key, direction: sort.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending' } });
  },
  toggle: (evidenceId, order, range = false) => {
    const { selected, anchor } = get();
    const next = new Set(selected);
    const from = anchor === null ? -1 : order.indexOf(anchor);
    const to = order.indexOf(evidenceId);
    if (range && from >= 0 && to >= 0) {
      // Shift-click gives every file between the two the state the anchor has.
      const on = selected.has(anchor!);
      for (let i = Math.min(from, to); i <= Math.max(from, to); i += 1) {
        if (on) next.add(order[i]!);
        else next.delete(order[i]!);
      }
      set({ selected: next });
      return;
    }
    if (next.has(evidenceId)) next.delete(evidenceId);
    else next.add(evidenceId);
    set({ selected: next, anchor: evidenceId });
  },
  select: (evidenceIds) => set({ selected: new Set([...get().selected, ...evidenceIds]) }),
  clearSelection: () => set({ selected: new Set(), anchor: null }),
  update: async (evidenceId, patch) => {
    const item = await call('evidence.update', { evidenceId, patch });
    // The open assessment shows the saved details at once, from the reply.
    useAssessment.getState().applyEvidenceItem(evidenceId, item);
    if (item.id === evidenceId) {
      // Only the file's own details changed; which claims use it did not.
      set({ items: get().items.map((i) => (i.item.id === item.id ? { ...i, item } : i)) });
    } else if (get().loaded) {
      // A signed assessment uses it, so it became a new version the drafts moved to: where each version is used changed too.
      await get().load();
    }
    useAnnouncer.getState().announce(`Details of ${item.fileName} saved.`);
    return item;
  },
  updateSelected: async (patch) => {
    const evidenceIds = [...get().selected];
    const changed = await call('evidence.updateMany', { evidenceIds, patch });
    // Main answers each item in the order asked (a new version where a signed assessment kept the old):
    // the open assessment shows them at once, its drafts on the new versions.
    useAssessment.getState().applyEvidenceItems(changed.map((item, i) => ({ previousId: evidenceIds[i]!, item })));
    if (changed.some((item, i) => item.id !== evidenceIds[i])) {
      // Files used by signed assessments became new versions: where each is used changed too.
      await get().load();
    } else {
      const byId = new Map(changed.map((item) => [item.id, item]));
      set({ items: get().items.map((i) => (byId.has(i.item.id) ? { ...i, item: byId.get(i.item.id)! } : i)) });
    }
    useAnnouncer.getState().announce(`Details of ${plural(changed.length)} saved.`);
  },
  linkSelected: async ({ assessmentId, claimId, organisation }) => {
    const evidenceIds = [...get().selected];
    const { linked, ...claim } = await call('evidence.linkMany', { assessmentId, claimId, evidenceIds });
    // The reply is the claim's evidence as it is now: the open assessment shows it at once (another one is left alone).
    useAssessment.getState().applyClaimEvidence(claim);
    const chosen = new Set(evidenceIds);
    // The reply says how many links were made; add them here instead of reading the whole library again.
    set({
      items: get().items.map((i) =>
        chosen.has(i.item.id) && !i.usedBy.some((u) => u.assessmentId === assessmentId && u.claimId === claimId)
          ? { ...i, usedBy: [...i.usedBy, { assessmentId, claimId, evidenceId: i.item.id, organisation, state: 'draft' as const }] }
          : i,
      ),
    });
    const already = evidenceIds.length - linked;
    useAnnouncer
      .getState()
      .announce(`${plural(linked)} linked to claim ${claimId}.${already > 0 ? ` ${plural(already)} already were.` : ''}`);
  },
  replace: async (evidenceId) => {
    const { path } = await call('dialogs.chooseFile', { purpose: 'evidence' });
    if (!path) return;
    set({ replacing: { evidenceId, done: 0, total: 0 } });
    try {
      const job = await startJob('evidence.replace', { evidenceId, filePath: path }, (p) =>
        set({ replacing: { evidenceId, done: p.done, total: p.total } }),
      );
      const { followedLink, ...item } = await job.done;
      // Every draft claim that used the old version uses this one now: the open assessment too (a signed one keeps the old).
      useAssessment.getState().applyEvidenceItem(evidenceId, item);
      await get().load();
      const link = followedLink ? ` ${followedLinkNote(path, followedLink)}` : '';
      useAnnouncer
        .getState()
        .announce(`${item.fileName} is now the current version; every claim that used the old one now uses it.${link}`);
    } finally {
      set({ replacing: null });
    }
  },
  showPreview: async (evidenceId) => set({ preview: await call('evidence.preview', { evidenceId }) }),
  closePreview: () => set({ preview: null }),
  removal: null,
  remove: async (evidenceIds) => {
    // Only the last removal is offered for undo: an earlier one still open becomes final first.
    if (get().removal) await get().finishRemoval();
    const result = await call('evidence.remove', { evidenceIds: [...evidenceIds] });
    const gone = new Set(result.removedIds);
    // The files leave the open assessment's claims too (main removed only files no signed assessment cites).
    useAssessment.getState().applyRemovedEvidence(result.removedIds);
    const items = get().items;
    const selected = new Set([...get().selected].filter((id) => !gone.has(id)));
    set({
      items: items.filter((i) => !gone.has(i.item.id)),
      selected,
      removal: { removalId: result.removalId, items: items.filter((i) => gone.has(i.item.id)) },
    });
    if (removalTimer) clearTimeout(removalTimer);
    removalTimer = setTimeout(() => void get().finishRemoval(), REMOVAL_UNDO_MS);
    const lost = result.unlinked > 0 ? ` ${result.unlinked === 1 ? '1 claim' : `${result.unlinked} claims`} lost them.` : '';
    useAnnouncer.getState().announce(`${plural(result.removedIds.length)} removed from the library.${lost} Undo is in the status bar.`);
  },
  undoRemoval: async () => {
    const removal = get().removal;
    if (!removal) return;
    if (removalTimer) clearTimeout(removalTimer);
    removalTimer = null;
    let restored: ContractResult<'evidence.undoRemoval'>;
    try {
      restored = await call('evidence.undoRemoval', { removalId: removal.removalId });
    } finally {
      set({ removal: null });
    }
    // Back on the open assessment's claims, from what main put back.
    useAssessment.getState().applyRestoredEvidence(restored);
    // Back exactly as they were: the same items and the same claims.
    const present = new Set(get().items.map((i) => i.item.id));
    set({ items: [...get().items, ...removal.items.filter((i) => !present.has(i.item.id))] });
    useAnnouncer.getState().announce(`${plural(removal.items.length)} put back in the library and on their claims.`);
  },
  finishRemoval: async () => {
    const removal = get().removal;
    if (removalTimer) clearTimeout(removalTimer);
    removalTimer = null;
    if (!removal) return;
    set({ removal: null });
    // If this fails, main makes the removal final itself when its hold ends (at the latest on the next open).
    await call('evidence.finishRemoval', { removalId: removal.removalId }).catch(() => undefined);
  },
}));

/** Items whose name or description contains the query, ignoring case. */
export function filterLibrary(items: readonly EvidenceLibraryItem[], query: string): readonly EvidenceLibraryItem[] {
  const q = query.trim().toLowerCase();
  if (!q) return items;
  return items.filter((i) => i.item.fileName.toLowerCase().includes(q) || i.item.description.toLowerCase().includes(q));
}
