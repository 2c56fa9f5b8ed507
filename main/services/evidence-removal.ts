import type { EvidenceItem, EvidenceLink } from '../../shared/domain/types';
import { SscpError } from '../../shared/errors';
import { findAssessment } from '../store/assessments-repo';
import { appendAudit } from '../store/audit-log';
import { nowInstant } from '../store/clock';
import { findEvidence, insertEvidence, insertLink, listLinksForEvidence } from '../store/evidence-repo';
import {
  deleteEvidenceRemoval,
  deleteEvidenceRows,
  evidenceRemovalsDue,
  findEvidenceRemoval,
  insertEvidenceRemoval,
  sha256StillNeeded,
  type RemovalRecord,
} from '../store/evidence-removals-repo';
import { newId } from '../store/ids';
import { touch } from './changes';
import { requireEvidence } from './evidence-ops';
import { assertNoExportInProgress } from './export-lease';
import { inWriteTransaction, type StoreContext } from './store-context';
import { assertEditable, checkClaimId, catalogFor } from './validate';
import type { EvidenceKeeper, EvidenceRemoval, EvidenceRemovalPlan, EvidenceRemovalUndo, RemoveEvidenceOptions } from './workspace-types';
import { BULK_LIMIT } from './evidence-ops';

/** The app's undo window: the removal is undoable, and its files kept, for this long. */
export const APP_UNDO_HOLD_MS = 2 * 60 * 1000;
/** The longest a removal may be held: a runaway hold must not keep files for ever. */
const MAX_HOLD_MS = 24 * 60 * 60 * 1000;

interface Gathered {
  readonly items: EvidenceItem[];
  readonly links: EvidenceLink[];
  readonly keptBy: EvidenceKeeper[];
  readonly editable: Set<string>;
}

/**
 * Reads the chosen items and every assessment citing them, sorting the citers into drafts
 * (which lose the item) and signed or archived ones (whose record is frozen, so they keep it).
 */
function gather(ctx: StoreContext, evidenceIds: readonly string[]): Gathered {
  const ids = checkIds(evidenceIds);
  const items: EvidenceItem[] = [];
  const links: EvidenceLink[] = [];
  const keepers = new Map<string, { keeper: Omit<EvidenceKeeper, 'evidenceIds'>; evidenceIds: Set<string> }>();
  const editable = new Set<string>();
  const states = new Map<string, ReturnType<typeof findAssessment>>();
  for (const id of ids) {
    items.push(requireEvidence(ctx, id));
    for (const link of listLinksForEvidence(ctx.db, id)) {
      if (!states.has(link.assessmentId)) states.set(link.assessmentId, findAssessment(ctx.db, link.assessmentId));
      const a = states.get(link.assessmentId);
      if (a && a.state === 'draft') {
        editable.add(a.id);
        links.push(link);
        continue;
      }
      const key = link.assessmentId;
      const entry = keepers.get(key) ?? {
        keeper: { assessmentId: key, organisation: a?.organisation ?? '', state: a?.state ?? 'signed', signedAt: a?.signedAt ?? null },
        evidenceIds: new Set<string>(),
      };
      entry.evidenceIds.add(id);
      keepers.set(key, entry);
    }
  }
  const keptBy = [...keepers.values()].map((k) => ({ ...k.keeper, evidenceIds: [...k.evidenceIds] }));
  return { items, links, keptBy, editable };
}

function checkIds(evidenceIds: readonly string[]): string[] {
  if (!Array.isArray(evidenceIds) || evidenceIds.length === 0) {
    throw SscpError.because({ code: 'removal-nothing-chosen' });
  }
  if (evidenceIds.length > BULK_LIMIT) {
    throw SscpError.because({ code: 'removal-too-many', count: evidenceIds.length, max: BULK_LIMIT });
  }
  const ids = [...new Set(evidenceIds)];
  for (const id of ids) if (typeof id !== 'string' || id === '') throw SscpError.because({ code: 'removal-empty-id' });
  return ids;
}

/** What removing the items would do, changing nothing: the confirmation's facts. */
export function planEvidenceRemoval(ctx: StoreContext, evidenceIds: readonly string[]): EvidenceRemovalPlan {
  return ctx.db.transaction(() => {
    const g = gather(ctx, evidenceIds);
    const kept = new Set(g.keptBy.flatMap((k) => k.evidenceIds));
    const removable = g.items.filter((i) => !kept.has(i.id));
    const removableIds = new Set(removable.map((i) => i.id));
    const organisation = (id: string) => findAssessment(ctx.db, id)?.organisation ?? '';
    const freed = new Set<string>();
    const removedShas = new Map<string, number>();
    for (const i of removable) if (i.kind === 'file') removedShas.set(i.sha256, (removedShas.get(i.sha256) ?? 0) + 1);
    for (const [sha, n] of removedShas) if (!sha256StillNeeded(ctx.db, sha, n)) freed.add(sha);
    return {
      removableIds: removable.map((i) => i.id),
      claimLinks: g.links
        .filter((l) => removableIds.has(l.evidenceId))
        .map((l) => ({
          assessmentId: l.assessmentId,
          organisation: organisation(l.assessmentId),
          claimId: l.claimId,
          evidenceId: l.evidenceId,
        })),
      keptBy: g.keptBy,
      storedFilesFreed: freed.size,
    };
  })();
}

/**
 * Removes items from the library: takes them off every claim of draft assessments and deletes
 * their rows, in one transaction with one audit entry per item and assessment it reached (a
 * general entry for an item no assessment used). An item a signed or archived assessment cites
 * is never removed: the whole removal is refused, naming that assessment.
 *
 * The stored files are not touched in the transaction: it records what it removed in
 * `evidence_removals`, so the removal can be undone until `holdUntil`, and the files are deleted
 * afterwards by `finishEvidenceRemovals`, only where nothing else needs the same bytes. A kill
 * at any moment leaves the old state or the new one; at worst a stored file nothing uses (which
 * `sscp check` reports as harmless and the next open for changes deletes), never a missing one.
 */
export function removeEvidence(ctx: StoreContext, evidenceIds: readonly string[], options: RemoveEvidenceOptions = {}): EvidenceRemoval {
  const holdMs = options.holdMs ?? 0;
  if (!Number.isInteger(holdMs) || holdMs < 0 || holdMs > MAX_HOLD_MS) {
    throw SscpError.because({ code: 'undo-window-invalid' });
  }
  const removal = inWriteTransaction(ctx, () => {
    const g = gather(ctx, evidenceIds);
    const first = g.keptBy[0];
    if (first) {
      const firstId = first.evidenceIds[0]!;
      const item = g.items.find((i) => i.id === firstId)!;
      throw SscpError.because({
        code: 'evidence-kept-by-signed',
        fileName: item.fileName,
        assessmentId: first.assessmentId,
        organisation: first.organisation,
        signedAt: first.signedAt,
        archived: first.state === 'archived',
        kept: new Set(g.keptBy.flatMap((k) => k.evidenceIds)).size,
      });
    }
    for (const id of g.editable) {
      assertNoExportInProgress(ctx, id);
      assertEditable(findAssessment(ctx.db, id)!);
    }
    const now = nowInstant();
    const removedIds = g.items.map((i) => i.id);
    const { replacesIds, successors, contributionFiles } = deleteEvidenceRows(ctx.db, removedIds);
    const record: RemovalRecord = {
      items: g.items.map((item) => ({ item, replacesId: replacesIds.get(item.id) ?? null })),
      links: g.links,
      successors,
      contributionFiles,
    };
    const removalId = newId();
    const holdUntil = new Date(Date.parse(now) + holdMs).toISOString();
    insertEvidenceRemoval(ctx.db, { id: removalId, removedAt: now, holdUntil, record });
    const bulk = removedIds.length;
    for (const item of g.items) {
      const byAssessment = new Map<string, string[]>();
      for (const l of g.links)
        if (l.evidenceId === item.id) byAssessment.set(l.assessmentId, [...(byAssessment.get(l.assessmentId) ?? []), l.claimId]);
      const detail = { evidenceId: item.id, sha256: item.sha256, fileName: item.fileName, removalId, ...(bulk > 1 ? { bulk } : {}) };
      if (byAssessment.size === 0)
        appendAudit(ctx.db, { assessmentId: null, action: 'evidence.removed', detail: { ...detail, claimIds: [] } }, now);
      for (const [assessmentId, claimIds] of byAssessment)
        appendAudit(ctx.db, { assessmentId, action: 'evidence.removed', detail: { ...detail, claimIds } }, now);
    }
    for (const id of g.editable) touch(ctx, id, now);
    return { removalId, removedIds, unlinked: g.links.length, assessmentIds: [...g.editable], holdUntil, final: false };
  });
  if (holdMs > 0) return removal;
  finishEvidenceRemovals(ctx, removal.removalId);
  return { ...removal, final: true };
}

/**
 * Puts a removal back while it is held: the items with their ids, dates and versions, and
 * their links to draft claims, in one transaction. Refused whole when the removal is final
 * (its files deleted) or a claim it would relink can no longer change (signed, archived).
 */
export function undoEvidenceRemoval(ctx: StoreContext, removalId: string): EvidenceRemovalUndo {
  return inWriteTransaction(ctx, () => {
    const removal = typeof removalId === 'string' ? findEvidenceRemoval(ctx.db, removalId) : undefined;
    if (!removal) throw SscpError.because({ code: 'removal-not-undoable', removalId: String(removalId) });
    const { record } = removal;
    for (const { item } of record.items) {
      if (item.kind === 'file' && item.present && !ctx.blobs.has(item.sha256)) {
        throw SscpError.because({ code: 'removal-not-undoable', removalId });
      }
    }
    const assessments = new Set(record.links.map((l) => l.assessmentId));
    for (const id of assessments) {
      assertNoExportInProgress(ctx, id);
      const a = findAssessment(ctx.db, id);
      if (!a) throw SscpError.because({ code: 'assessment-not-found', id });
      assertEditable(a);
      for (const l of record.links) if (l.assessmentId === id) checkClaimId(catalogFor(a), l.claimId);
    }
    // Older versions first, so an item's replaces_id points at a row that is back already.
    const restoring = new Set(record.items.map((r) => r.item.id));
    const pending = [...record.items];
    const inserted = new Set<string>();
    while (pending.length > 0) {
      const i = pending.findIndex((r) => r.replacesId === null || !restoring.has(r.replacesId) || inserted.has(r.replacesId));
      const [next] = pending.splice(i === -1 ? 0 : i, 1);
      const replaces =
        next!.replacesId !== null && (inserted.has(next!.replacesId) || findEvidence(ctx.db, next!.replacesId)) ? next!.replacesId : null;
      insertEvidence(ctx.db, next!.item, replaces);
      inserted.add(next!.item.id);
    }
    const db = ctx.db;
    const relinkSuccessor = db.prepare('UPDATE evidence_items SET replaces_id = ? WHERE id = ? AND replaces_id IS ?');
    for (const s of record.successors) relinkSuccessor.run(s.replacesId, s.id, s.replacedWith);
    const relinkContribution = db.prepare(
      'UPDATE contribution_files SET evidence_id = ? WHERE contribution_id = ? AND claim_id = ? AND sha256 = ? AND evidence_id IS NULL',
    );
    for (const f of record.contributionFiles) relinkContribution.run(f.evidenceId, f.contributionId, f.claimId, f.sha256);
    let relinked = 0;
    for (const l of record.links) if (insertLink(db, l)) relinked += 1;
    deleteEvidenceRemoval(db, removalId);
    const now = nowInstant();
    for (const { item } of record.items) {
      const byAssessment = new Map<string, string[]>();
      for (const l of record.links)
        if (l.evidenceId === item.id) byAssessment.set(l.assessmentId, [...(byAssessment.get(l.assessmentId) ?? []), l.claimId]);
      const detail = { evidenceId: item.id, sha256: item.sha256, fileName: item.fileName, removalId };
      if (byAssessment.size === 0)
        appendAudit(db, { assessmentId: null, action: 'evidence.restored', detail: { ...detail, claimIds: [] } }, now);
      for (const [assessmentId, claimIds] of byAssessment)
        appendAudit(db, { assessmentId, action: 'evidence.restored', detail: { ...detail, claimIds } }, now);
    }
    for (const id of assessments) touch(ctx, id, now);
    return {
      restoredIds: record.items.map((r) => r.item.id),
      relinked,
      items: record.items.map((r) => r.item),
      links: record.links.map(({ assessmentId, claimId, evidenceId }) => ({ assessmentId, claimId, evidenceId })),
    };
  });
}

/**
 * Makes removals final: the one named (whatever its hold), or every one whose undo window has
 * closed. Each runs in its own write transaction, which holds the store's write lock while it
 * deletes the files nothing needs any more (no evidence item, pending contribution or other
 * held removal uses those bytes) and then its record. An attach of the same bytes waits for
 * the lock and then finds the file gone and stores it again (see `attachEvidence`), so a file
 * is never deleted under a row that needs it. A kill after the files went and before the
 * commit leaves the record, which the next run finishes (deleting a file already gone is no
 * error). Returns how many removals were made final.
 */
export function finishEvidenceRemovals(ctx: StoreContext, removalId?: string): number {
  if (ctx.readOnly) return 0;
  const due = removalId === undefined ? evidenceRemovalsDue(ctx.db, nowInstant()) : [removalId];
  let finished = 0;
  for (const id of due) {
    const done = inWriteTransaction(ctx, () => {
      const removal = findEvidenceRemoval(ctx.db, id);
      if (!removal) return false;
      const shas = new Set(removal.record.items.filter((r) => r.item.kind === 'file').map((r) => r.item.sha256));
      for (const sha of shas) if (!sha256StillNeeded(ctx.db, sha, 0, id)) ctx.blobs.removeBlob(sha);
      deleteEvidenceRemoval(ctx.db, id);
      return true;
    });
    if (done) finished += 1;
  }
  return finished;
}

/**
 * For a write transaction about to record items or contribution files over bytes stored just
 * before it: a removal made final in between may have deleted those same bytes (it holds the
 * write lock while it does, so inside the transaction the answer stays true). Refuses, so
 * nothing is recorded over a missing file; running the same step again stores them anew.
 */
export function assertStillStored(ctx: StoreContext, sha256s: Iterable<string>, what: string): void {
  for (const sha of sha256s) {
    if (!ctx.blobs.has(sha)) {
      throw SscpError.because({ code: 'stored-file-removed-while-importing', what });
    }
  }
}
