import { create } from 'zustand';
import type { Assessment, AssessmentDetail, EvidenceItem } from '../../shared/domain/types';
import type { ContractArgs } from '../../shared/ipc/contract';
import type { ClaimEvidenceView } from '../../shared/ipc/views';
import { UiError } from '../ipc/ui-error';
import { call } from '../ipc/client';
import { useAnnouncer } from './announcer';
import { applyPatch, mergePatches, replaceResponse, responseFor, valuesBefore, type ClaimPatch } from './claim-patch';
import { applyAttached, applyClaimEvidence, applyEvidenceItem } from './evidence-replies';

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

export interface LastChange {
  readonly claimId: string;
  readonly before: ClaimPatch;
}

interface AssessmentState {
  readonly detail: AssessmentDetail | null;
  readonly saveState: SaveState;
  readonly lastChange: LastChange | null;
  readonly load: (assessmentId: string) => Promise<void>;
  readonly refresh: () => Promise<void>;
  /** Shows the change at once and saves it: typing after a pause, choices straight away. */
  readonly editClaim: (claimId: string, patch: ClaimPatch, options?: { readonly immediate?: boolean }) => void;
  readonly flush: () => Promise<void>;
  readonly undo: () => Promise<void>;
  /** Saves changed details of the assessment itself (organisation, role, period, signer). */
  readonly updateDetails: (patch: ContractArgs<'assessments.update'>['patch']) => Promise<Assessment>;
  // Replies about evidence, applied in place (renderer/stores/evidence-replies.ts): no reload.
  /** A claim's evidence as main gave it after a link was made or taken away. */
  readonly applyClaimEvidence: (view: ClaimEvidenceView) => void;
  /** An item main attached to (or recorded for) a claim of the open assessment. */
  readonly applyAttached: (assessmentId: string, claimId: string, item: EvidenceItem) => void;
  /** An item's saved details; `previousId` is the id it was saved under (a new version has another). */
  readonly applyEvidenceItem: (previousId: string, item: EvidenceItem) => void;
  /** Drops the assessment when another database is opened (after `flush`). */
  readonly forget: () => void;
}

const TYPING_PAUSE_MS = 700;

let pending = new Map<string, { patch: ClaimPatch; before: ClaimPatch }>();
let timer: ReturnType<typeof setTimeout> | null = null;
let saving: Promise<void> = Promise.resolve();

/** The assessment being worked on, with autosave and undo of the last saved change. */
export const useAssessment = create<AssessmentState>((set, get) => {
  const saveNow = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = pending;
    pending = new Map();
    if (batch.size === 0) return;
    set({ saveState: 'saving' });
    let last: LastChange | null = null;
    try {
      for (const [claimId, { patch, before }] of batch) {
        const saved = await call('claims.update', { assessmentId: get().detail!.assessment.id, claimId, patch });
        const detail = get().detail;
        // Keep what the user typed meanwhile; take the saved copy only for untouched claims.
        if (detail && !pending.has(claimId)) set({ detail: replaceResponse(detail, saved) });
        last = { claimId, before };
      }
      set({ saveState: pending.size > 0 ? 'pending' : 'saved', lastChange: last ?? get().lastChange });
    } catch (e) {
      // Put the unsaved edits back so the next attempt includes them.
      for (const [claimId, entry] of batch) {
        const newer = pending.get(claimId);
        pending.set(claimId, { patch: mergePatches(entry.patch, newer?.patch ?? {}), before: entry.before });
      }
      set({ saveState: 'failed' });
      useAnnouncer.getState().fail(e);
    }
  };

  const queueSave = (): Promise<void> => {
    saving = saving.then(saveNow);
    return saving;
  };

  return {
    detail: null,
    saveState: 'idle',
    lastChange: null,
    load: async (assessmentId) => {
      await get().flush();
      const detail = await call('assessments.get', { assessmentId });
      set({ detail, saveState: 'idle', lastChange: get().detail?.assessment.id === assessmentId ? get().lastChange : null });
    },
    refresh: async () => {
      const current = get().detail;
      if (!current) return;
      await get().flush();
      set({ detail: await call('assessments.get', { assessmentId: current.assessment.id }) });
    },
    editClaim: (claimId, patch, options) => {
      const detail = get().detail;
      if (!detail) return;
      const previous = pending.get(claimId);
      const before = mergePatches(valuesBefore(responseFor(detail, claimId), patch), previous?.before ?? {});
      pending.set(claimId, { patch: mergePatches(previous?.patch, patch), before });
      set({ detail: applyPatch(detail, claimId, patch), saveState: 'pending' });
      if (timer) clearTimeout(timer);
      if (options?.immediate) void queueSave();
      else timer = setTimeout(() => void queueSave(), TYPING_PAUSE_MS);
    },
    flush: () => queueSave(),
    undo: async () => {
      await get().flush();
      const change = get().lastChange;
      if (!change) return;
      get().editClaim(change.claimId, change.before, { immediate: true });
      await get().flush();
      set({ lastChange: null });
      useAnnouncer.getState().announce(`Undid the last change to claim ${change.claimId}.`);
    },
    updateDetails: async (patch) => {
      const current = get().detail;
      if (!current) throw new UiError({ kind: 'not-found', message: 'No assessment is open.', hint: 'Open an assessment first.' });
      const assessment = await call('assessments.update', { assessmentId: current.assessment.id, patch });
      // Only the assessment's own fields changed: the reply is all of them.
      const now = get().detail;
      if (now && now.assessment.id === assessment.id) set({ detail: { ...now, assessment } });
      useAnnouncer.getState().announce('Assessment details saved.');
      return assessment;
    },
    applyClaimEvidence: (view) => {
      const detail = get().detail;
      if (detail) set({ detail: applyClaimEvidence(detail, view) });
    },
    applyAttached: (assessmentId, claimId, item) => {
      const detail = get().detail;
      if (detail && detail.assessment.id === assessmentId) set({ detail: applyAttached(detail, claimId, item) });
    },
    applyEvidenceItem: (previousId, item) => {
      const detail = get().detail;
      if (detail) set({ detail: applyEvidenceItem(detail, previousId, item) });
    },
    forget: () => set({ detail: null, saveState: 'idle', lastChange: null }),
  };
});
