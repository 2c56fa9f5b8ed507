import type { AssessmentDetail, EvidenceItem, EvidenceLink } from '../../shared/domain/types';
import type { AssessmentOpeningView, ClaimEvidenceView } from '../../shared/ipc/views';

// How a reply about one claim's evidence, or about one evidence item, changes the open
// assessment: applied in place, so the app never reads the whole assessment (and its
// thousands of items) again after a link, an attachment or a change of details.

/**
 * The assessment's items in the order main lists them: when added, and items added in the same
 * millisecond in the order they were made. `items` holds the ones already listed in that order
 * and any new ones after them (made later), and the sort is stable, so ties keep that order.
 */
function inListOrder(items: readonly EvidenceItem[]): EvidenceItem[] {
  return [...items].sort((a, b) => (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : 0));
}

/** Keeps only items some link still uses, adding or replacing the given ones. */
function withItems(detail: AssessmentDetail, links: readonly EvidenceLink[], items: readonly EvidenceItem[]): AssessmentDetail {
  const used = new Set(links.map((l) => l.evidenceId));
  const byId = new Map(detail.evidence.map((e) => [e.id, e]));
  const added = items.some((i) => !byId.has(i.id));
  for (const item of items) byId.set(item.id, item);
  const evidence = [...byId.values()].filter((e) => used.has(e.id));
  return { ...detail, links, evidence: added ? inListOrder(evidence) : evidence };
}

/** The claim's evidence as main says it is now: its links replaced, the rest of the assessment as it was. */
export function applyClaimEvidence(detail: AssessmentDetail, view: ClaimEvidenceView): AssessmentDetail {
  if (detail.assessment.id !== view.assessmentId) return detail;
  const links = [
    ...detail.links.filter((l) => l.claimId !== view.claimId),
    ...view.evidence.map((e) => ({ assessmentId: view.assessmentId, claimId: view.claimId, evidenceId: e.id })),
  ];
  return withItems(detail, links, view.evidence);
}

/** An item just attached to (or recorded for) a claim: it and its one link. Attaching the same bytes again gives the item already there. */
export function applyAttached(detail: AssessmentDetail, claimId: string, item: EvidenceItem): AssessmentDetail {
  const linked = detail.links.some((l) => l.claimId === claimId && l.evidenceId === item.id);
  const links = linked ? detail.links : [...detail.links, { assessmentId: detail.assessment.id, claimId, evidenceId: item.id }];
  return withItems(detail, links, [item]);
}

/** An item as main saved it, and the id it had before (another when it became a new version). */
export interface SavedItem {
  readonly previousId: string;
  readonly item: EvidenceItem;
}

/**
 * An item's details as saved. When a signed assessment also uses it, main keeps the old item
 * for that one and makes a new version (a new id) that every draft moves to: a draft open
 * here moves too, a signed or archived one keeps the old.
 */
export function applyEvidenceItem(detail: AssessmentDetail, previousId: string, item: EvidenceItem): AssessmentDetail {
  return applyEvidenceItems(detail, [{ previousId, item }]);
}

/**
 * Many items' details as saved (a bulk change, or a new file replacing an item), each as
 * `applyEvidenceItem` takes one, in one pass over the detail: a bulk change of thousands of
 * items costs what one does. Items this assessment does not use change nothing.
 */
export function applyEvidenceItems(detail: AssessmentDetail, saved: readonly SavedItem[]): AssessmentDetail {
  const used = new Set(detail.links.map((l) => l.evidenceId));
  const draft = detail.assessment.state === 'draft';
  const items: EvidenceItem[] = [];
  const moved = new Map<string, string>();
  for (const { previousId, item } of saved) {
    if (!used.has(previousId)) continue;
    if (item.id === previousId) items.push(item);
    else if (draft) {
      moved.set(previousId, item.id);
      items.push(item);
    }
  }
  if (items.length === 0) return detail;
  const links =
    moved.size === 0
      ? detail.links
      : detail.links.map((l) => (moved.has(l.evidenceId) ? { ...l, evidenceId: moved.get(l.evidenceId)! } : l));
  // An item not here yet while the rest is on its way (see applyRestOfEvidence) is added, so that older copy cannot win.
  return withItems(detail, links, items);
}

/**
 * Items removed from the library (`evidence.remove`): they leave every claim here. Main removes
 * only items no signed or archived assessment cites, so a frozen assessment never loses one.
 */
export function applyRemovedEvidence(detail: AssessmentDetail, removedIds: readonly string[]): AssessmentDetail {
  const gone = new Set(removedIds);
  if (!detail.links.some((l) => gone.has(l.evidenceId))) return detail;
  return withItems(
    detail,
    detail.links.filter((l) => !gone.has(l.evidenceId)),
    [],
  );
}

/** A removal undone (`evidence.undoRemoval`): its items back on the claims of this assessment they were on. */
export function applyRestoredEvidence(
  detail: AssessmentDetail,
  restored: { readonly items: readonly EvidenceItem[]; readonly links: readonly EvidenceLink[] },
): AssessmentDetail {
  const id = detail.assessment.id;
  const held = new Set(detail.links.map((l) => `${l.claimId}\u0000${l.evidenceId}`));
  const back = restored.links.filter((l) => l.assessmentId === id && !held.has(`${l.claimId}\u0000${l.evidenceId}`));
  if (back.length === 0) return detail;
  const ids = new Set(back.map((l) => l.evidenceId));
  return withItems(
    detail,
    [...detail.links, ...back.map(({ claimId, evidenceId }) => ({ assessmentId: id, claimId, evidenceId }))],
    restored.items.filter((i) => ids.has(i.id)),
  );
}

// Opening an assessment comes in two replies (`assessments.open`, then `assessments.evidence`):
// between them the detail has every link but only some items' records.

/** The detail the first reply makes: every link (rebuilt from each claim's ids), the items it carried. */
export function detailFromOpening(view: AssessmentOpeningView): AssessmentDetail {
  const { assessment, responses, actions, evidence, claimEvidence } = view;
  const links = claimEvidence.flatMap(({ claimId, evidenceIds }) =>
    evidenceIds.map((evidenceId) => ({ assessmentId: assessment.id, claimId, evidenceId })),
  );
  return { assessment, responses, actions, evidence, links };
}

/**
 * Every item's record, read after the first reply, merged into the detail as it is now. Only
 * the items are taken: links, answers and actions stay as the store has them. An item the store
 * already holds keeps the store's copy (it came from that first reply or from a change made
 * since, never older than this one); an item no link uses any more (unlinked, removed, or
 * replaced by a new version meanwhile) is left out; one attached meanwhile stays.
 */
export function applyRestOfEvidence(detail: AssessmentDetail, items: readonly EvidenceItem[]): AssessmentDetail {
  const used = new Set(detail.links.map((l) => l.evidenceId));
  const held = new Map(detail.evidence.map((e) => [e.id, e]));
  const listed = new Set(items.map((e) => e.id));
  const merged = items.filter((e) => used.has(e.id)).map((e) => held.get(e.id) ?? e);
  const since = detail.evidence.filter((e) => !listed.has(e.id) && used.has(e.id));
  return { ...detail, evidence: since.length > 0 ? inListOrder([...merged, ...since]) : merged };
}

/** True when the detail holds the record of every item its links use (false between the two replies of an opening). */
export function holdsAllEvidence(detail: Pick<AssessmentDetail, 'evidence' | 'links'>, claimId?: string): boolean {
  const held = new Set(detail.evidence.map((e) => e.id));
  return detail.links.every((l) => (claimId !== undefined && l.claimId !== claimId) || held.has(l.evidenceId));
}
