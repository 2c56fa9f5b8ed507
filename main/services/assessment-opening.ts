import { listClaims } from '../../shared/catalog/index';
import { claimsInWorkingOrder, claimToShow } from '../../shared/domain/claim-filter';
import type { EvidenceItem } from '../../shared/domain/types';
import type { AssessmentOpeningView } from '../../shared/ipc/views';
import { listActions } from '../store/actions-repo';
import { listEvidenceForAssessment, listEvidenceForOpening } from '../store/evidence-repo';
import { answersInCatalogOrder } from './assessment-ops';
import { requireAssessment, type StoreContext } from './store-context';
import { catalogFor } from './validate';

// Opening an assessment in the app, in two reads (docs/architecture.md, "The IPC contract"):
// first what its first screen shows, then every evidence record. With thousands of files the
// records are most of what the whole detail weighs, and the first screen needs few of them.

/**
 * The assessment, its answers and actions, each claim's evidence ids, and the full records of
 * the shown claim's items and of every item with an expiry date, in one read transaction.
 * The parts are ordered as `getAssessmentDetail` orders them (answersInCatalogOrder).
 */
export function getAssessmentOpening(ctx: StoreContext, assessmentId: string, claimId: string | null): AssessmentOpeningView {
  return ctx.db.transaction(() => {
    const assessment = requireAssessment(ctx, assessmentId);
    const { responses, links } = answersInCatalogOrder(ctx, assessment);
    const claimEvidence: { claimId: string; evidenceIds: string[] }[] = [];
    for (const link of links) {
      const last = claimEvidence.at(-1);
      if (last?.claimId === link.claimId) last.evidenceIds.push(link.evidenceId);
      else claimEvidence.push({ claimId: link.claimId, evidenceIds: [link.evidenceId] });
    }
    const shownClaimId =
      claimToShow(claimsInWorkingOrder(listClaims(catalogFor(assessment)), { assessment }), assessment, claimId)?.claim.id ?? null;
    return {
      assessment,
      responses,
      actions: listActions(ctx.db, assessmentId),
      evidence: listEvidenceForOpening(ctx.db, assessmentId, shownClaimId),
      shownClaimId,
      claimEvidence,
    };
  })();
}

/** Every item the assessment's claims use, in the detail's order: the rest after the first screen. */
export function listAssessmentEvidence(ctx: StoreContext, assessmentId: string): EvidenceItem[] {
  return ctx.db.transaction(() => {
    requireAssessment(ctx, assessmentId);
    return listEvidenceForAssessment(ctx.db, assessmentId);
  })();
}
