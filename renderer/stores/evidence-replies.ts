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

/**
 * An item's details as saved. When a signed assessment also uses it, main keeps the old item
 * for that one and makes a new version (a new id) that every draft moves to: a draft open
 * here moves too, a signed or archived one keeps the old.
 */
export function applyEvidenceItem(detail: AssessmentDetail, previousId: string, item: EvidenceItem): AssessmentDetail {
  if (!detail.links.some((l) => l.evidenceId === previousId)) return detail;
  if (item.id === previousId) {
    // Not here yet while the rest of the items is on its way (see applyRestOfEvidence): added, so that copy cannot win.
    if (!detail.evidence.some((e) => e.id === item.id)) return withItems(detail, detail.links, [item]);
    return { ...detail, evidence: detail.evidence.map((e) => (e.id === item.id ? item : e)) };
  }
  if (detail.assessment.state !== 'draft') return detail;
  const links = detail.links.map((l) => (l.evidenceId === previousId ? { ...l, evidenceId: item.id } : l));
  return withItems(detail, links, [item]);
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
