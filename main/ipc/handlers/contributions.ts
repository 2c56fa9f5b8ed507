import type { HandlerTable } from '../dispatch';
import type { ClaimOwner, ContributionReviewItem, DecidedContribution } from '../../services/contribution-ops';
import type { ClaimOwnerView, ContributionDecisionView, ContributionReviewView } from '../../../shared/ipc/views-contributions';
import type { HandlerContext } from './context';

type Channels =
  'owners.list' | 'owners.assign' | 'contributions.review' | 'contributions.accept' | 'contributions.reject' | 'contributions.credits';

export function reviewView(i: ContributionReviewItem): ContributionReviewView {
  const { contribution: c, claim: k } = i;
  return {
    contributionId: c.id,
    claimId: k.claimId,
    state: k.state,
    decidedAt: k.decidedAt,
    reason: k.reason,
    contributor: { ...c.contributor },
    createdAt: c.createdAt,
    importedAt: c.importedAt,
    fileName: c.fileName,
    signerFingerprint: c.signerFingerprint,
    signerTrust: c.signerTrust,
    assigned: k.assigned,
    owner: i.owner ? { name: i.owner.name, team: i.owner.team, email: i.owner.email } : null,
    proposed: { result: k.result, status: k.status, evidenceText: k.evidenceText, arguments: k.arguments },
    current: { ...i.current },
    files: i.files.map((f) => ({ fileName: f.fileName, size: f.size, sha256: f.sha256, mediaType: f.mediaType })),
  };
}

function decisionView(d: DecidedContribution): ContributionDecisionView {
  return {
    contributionId: d.contribution.id,
    contributor: { ...d.contribution.contributor },
    decided: d.decided.map((x) => ({ claimId: x.claimId, state: x.state, evidenceIds: [...x.evidence] })),
    claims: d.claims,
  };
}

const ownerView = (o: ClaimOwner): ClaimOwnerView => ({
  claimId: o.claimId,
  name: o.name,
  team: o.team,
  email: o.email,
  assignedAt: o.assignedAt,
});

/** Claim owners and the review of contributions: the same services `sscp assign`, `review`, `accept` and `reject` call. */
export function contributionHandlers({ ws }: HandlerContext): Pick<HandlerTable, Channels> {
  return {
    'owners.list': async ({ assessmentId }) => ws().claimOwners(assessmentId).map(ownerView),
    'owners.assign': async ({ assessmentId, claimId, owner }) => {
      const o = ws().assignOwner(assessmentId, claimId, owner);
      return o ? ownerView(o) : null;
    },
    'contributions.review': async ({ assessmentId, all }) =>
      ws()
        .reviewContributions(assessmentId, { all: all ?? false })
        .map(reviewView),
    'contributions.accept': async ({ assessmentId, contributionId, claimId, allowUnassigned }) =>
      decisionView(ws().acceptContribution(assessmentId, contributionId, { ...(claimId ? { claimId } : {}), allowUnassigned })),
    'contributions.reject': async ({ assessmentId, contributionId, claimId, reason }) =>
      decisionView(
        ws().rejectContribution(assessmentId, contributionId, {
          ...(claimId ? { claimId } : {}),
          ...(reason !== undefined ? { reason } : {}),
        }),
      ),
    'contributions.credits': async ({ assessmentId }) => {
      const { evidence, answers } = ws().contributionCredits(assessmentId);
      return { evidence: Object.fromEntries(evidence), answers: Object.fromEntries(answers) };
    },
  };
}
