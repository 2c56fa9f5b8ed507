import { create } from 'zustand';
import type { Assessment, AssessmentDetail, EvidenceItem, EvidenceLink } from '../../shared/domain/types';
import type { ContractArgs } from '../../shared/ipc/contract';
import type { ClaimEvidenceView } from '../../shared/ipc/views';
import type { AcceptedClaimView } from '../../shared/ipc/views-contributions';
import { UiError } from '../ipc/ui-error';
import { call } from '../ipc/client';
import { useAnnouncer } from './announcer';
import { applyPatch, mergePatches, replaceResponse, responseFor, valuesBefore, type ClaimPatch } from './claim-patch';
import {
  applyAttached,
  applyClaimEvidence,
  applyEvidenceItems,
  applyRemovedEvidence,
  applyRestOfEvidence,
  applyRestoredEvidence,
  detailFromOpening,
  type SavedItem,
} from './evidence-replies';

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

export interface LastChange {
  readonly claimId: string;
  readonly before: ClaimPatch;
}

interface AssessmentState {
  readonly detail: AssessmentDetail | null;
  readonly saveState: SaveState;
  readonly lastChange: LastChange | null;
  /**
   * Reads the assessment. Given the claim the screen shows (`claimId`, null for the screen's
   * choice) and not already open, it comes in two replies: what that screen shows first, then,
   * after the frame showing it, every evidence record (the detail holds every link meanwhile, and
   * only some items: `holdsAllEvidence`). Otherwise it is read whole.
   */
  readonly load: (assessmentId: string, shown?: { readonly claimId: string | null }) => Promise<void>;
  readonly refresh: () => Promise<void>;
  /** Shows the change at once and saves it: typing after a pause, choices straight away. */
  readonly editClaim: (claimId: string, patch: ClaimPatch, options?: { readonly immediate?: boolean }) => void;
  readonly flush: () => Promise<void>;
  readonly undo: () => Promise<void>;
  /** Saves changed details of the assessment itself (organisation, role, period, signer). */
  readonly updateDetails: (patch: ContractArgs<'assessments.update'>['patch']) => Promise<Assessment>;
  /** The assessment's own record as main answered it (archived, unarchived elsewhere): taken if it is the one open. */
  readonly applyAssessment: (assessment: Assessment) => void;
  // Replies about evidence, applied in place (renderer/stores/evidence-replies.ts): no reload.
  /** A claim's evidence as main gave it after a link was made or taken away. */
  readonly applyClaimEvidence: (view: ClaimEvidenceView) => void;
  /** An item main attached to (or recorded for) a claim of the open assessment. */
  readonly applyAttached: (assessmentId: string, claimId: string, item: EvidenceItem) => void;
  /** An item's saved details; `previousId` is the id it was saved under (a new version has another). */
  readonly applyEvidenceItem: (previousId: string, item: EvidenceItem) => void;
  /** Many items' saved details or new versions at once (a bulk change, a replaced file). */
  readonly applyEvidenceItems: (saved: readonly SavedItem[]) => void;
  /** Items removed from the library leave this assessment's claims. */
  readonly applyRemovedEvidence: (removedIds: readonly string[]) => void;
  /** Claims a contribution accepted into, as main answers them: their answers and evidence. */
  readonly applyAcceptedClaims: (claims: readonly AcceptedClaimView[]) => void;
  /** A removal undone: its items back on the claims of this assessment they were on. */
  readonly applyRestoredEvidence: (restored: { readonly items: readonly EvidenceItem[]; readonly links: readonly EvidenceLink[] }) => void;
  /** Drops the assessment when another database is opened (after `flush`). */
  readonly forget: () => void;
}

const TYPING_PAUSE_MS = 700;

let pending = new Map<string, { patch: ClaimPatch; before: ClaimPatch }>();
let timer: ReturnType<typeof setTimeout> | null = null;
let saving: Promise<void> = Promise.resolve();
/** Counts loads (and `forget`): a reply to an older one is dropped, so a late reply cannot show another assessment. */
let generation = 0;
/** Reads again when the detail changed here while a whole read was on its way, at most this many times. */
const REREADS = 3;

/** A window that is hidden or minimised paints no frame: past this, the rest is asked for anyway. */
const UNPAINTED_MS = 250;

/** Resolves once the browser has painted the frame being made: rAF runs just before that paint, a task queued from it after. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const unpainted = setTimeout(resolve, UNPAINTED_MS);
    const painted = () => {
      clearTimeout(unpainted);
      setTimeout(resolve, 0);
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(painted);
    else painted();
  });
}

/**
 * Runs load `gen`; its failure is reported only while it is still the latest: a read that fails
 * because the database was closed or another assessment opened meanwhile is of no concern now.
 */
async function unlessSuperseded(gen: number, read: () => Promise<void>): Promise<void> {
  try {
    await read();
  } catch (e) {
    if (gen === generation) throw e;
  }
}

/** The detail from a reply with the changes typed here and not yet saved put back on top. */
function withUnsaved(detail: AssessmentDetail): AssessmentDetail {
  let d = detail;
  for (const [claimId, { patch }] of pending) d = applyPatch(d, claimId, patch);
  return d;
}

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

  /**
   * The whole detail, for load `gen`. A change made here while it was on its way (a link, an
   * action, a saved answer) may be newer than the reply, so it is read again; after REREADS
   * tries only its items are taken, merged as the second reply of an opening is.
   */
  const readWhole = async (assessmentId: string, gen: number): Promise<void> => {
    for (let read = 0; ; read++) {
      const before = get().detail;
      const detail = await call('assessments.get', { assessmentId });
      if (gen !== generation) return;
      const now = get().detail;
      const same = now?.assessment.id === assessmentId;
      if (same && now !== before) {
        if (read < REREADS) continue;
        set({ detail: applyRestOfEvidence(now, detail.evidence) });
        return;
      }
      set({
        detail: same ? withUnsaved(detail) : detail,
        saveState: pending.size > 0 ? get().saveState : 'idle',
        lastChange: same ? get().lastChange : null,
      });
      return;
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
    load: async (assessmentId, shown) => {
      await get().flush();
      const open = get().detail?.assessment.id === assessmentId;
      const gen = ++generation;
      await unlessSuperseded(gen, async () => {
        if (!shown || open) return readWhole(assessmentId, gen);
        const opening = await call('assessments.open', { assessmentId, claimId: shown.claimId });
        if (gen !== generation) return;
        set({ detail: detailFromOpening(opening), saveState: 'idle', lastChange: null });
        // The rest crosses after the first frame is on screen, not in the way of it.
        await afterPaint();
        if (gen !== generation) return;
        const items = await call('assessments.evidence', { assessmentId });
        const now = get().detail;
        // Only the items are taken, merged into the detail as it is now: a change made meanwhile stays.
        if (gen === generation && now?.assessment.id === assessmentId) set({ detail: applyRestOfEvidence(now, items) });
      });
    },
    refresh: async () => {
      const current = get().detail;
      if (!current) return;
      await get().flush();
      const gen = ++generation;
      await unlessSuperseded(gen, () => readWhole(current.assessment.id, gen));
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
      get().applyAssessment(assessment);
      useAnnouncer.getState().announce('Assessment details saved.');
      return assessment;
    },
    applyAssessment: (assessment) => {
      const now = get().detail;
      if (now && now.assessment.id === assessment.id) set({ detail: { ...now, assessment } });
    },
    applyClaimEvidence: (view) => {
      const detail = get().detail;
      if (detail) set({ detail: applyClaimEvidence(detail, view) });
    },
    applyAttached: (assessmentId, claimId, item) => {
      const detail = get().detail;
      if (detail && detail.assessment.id === assessmentId) set({ detail: applyAttached(detail, claimId, item) });
    },
    applyEvidenceItem: (previousId, item) => get().applyEvidenceItems([{ previousId, item }]),
    // Each sets the detail only when it changed: an unchanged detail does not make a whole read on its way read again.
    applyEvidenceItems: (saved) => {
      const detail = get().detail;
      const next = detail && applyEvidenceItems(detail, saved);
      if (next && next !== detail) set({ detail: next });
    },
    applyRemovedEvidence: (removedIds) => {
      const detail = get().detail;
      const next = detail && applyRemovedEvidence(detail, removedIds);
      if (next && next !== detail) set({ detail: next });
    },
    applyAcceptedClaims: (claims) => {
      const start = get().detail;
      let detail = start;
      for (const claim of claims) {
        if (!detail || claim.assessmentId !== detail.assessment.id) continue;
        detail = replaceResponse(applyClaimEvidence(detail, claim), claim.response);
        // What is typed here and not saved yet stays on top, and is saved next, as after a whole read.
        const unsaved = pending.get(claim.claimId);
        if (unsaved) detail = applyPatch(detail, claim.claimId, unsaved.patch);
      }
      if (detail && detail !== start) set({ detail });
    },
    applyRestoredEvidence: (restored) => {
      const detail = get().detail;
      const next = detail && applyRestoredEvidence(detail, restored);
      if (next && next !== detail) set({ detail: next });
    },
    forget: () => {
      generation++;
      set({ detail: null, saveState: 'idle', lastChange: null });
    },
  };
});
