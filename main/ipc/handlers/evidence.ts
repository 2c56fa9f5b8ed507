import { SscpError } from '../../../shared/errors';
import { APP_UNDO_HOLD_MS } from '../../services/evidence-removal';
import type { HandlerTable } from '../dispatch';
import { previewEvidence } from '../evidence-preview';
import type { HandlerContext } from './context';

type Channels =
  | 'evidence.addReference'
  | 'evidence.link'
  | 'evidence.unlink'
  | 'evidence.list'
  | 'evidence.update'
  | 'evidence.preview'
  | 'evidence.updateMany'
  | 'evidence.linkMany'
  | 'evidence.unlinkMany'
  | 'evidence.planRemoval'
  | 'evidence.remove'
  | 'evidence.undoRemoval'
  | 'evidence.finishRemoval';

export function evidenceHandlers({ ws }: HandlerContext): Pick<HandlerTable, Channels> {
  return {
    'evidence.addReference': async ({ assessmentId, claimId, reference }) => ws().addReference(assessmentId, claimId, reference),
    'evidence.link': async ({ assessmentId, claimId, evidenceId }) => ws().linkEvidence(assessmentId, claimId, evidenceId),
    'evidence.unlink': async ({ assessmentId, claimId, evidenceId }) => ws().unlinkEvidence(assessmentId, claimId, evidenceId),
    'evidence.list': async () =>
      ws()
        .listEvidence()
        .map((entry) => ({
          item: entry.item,
          replacesId: entry.replacesId,
          usedBy: entry.usedBy.map((u) => ({ ...u, evidenceId: entry.item.id })),
        })),
    'evidence.update': async ({ evidenceId, patch }) => ws().updateEvidence(evidenceId, patch),
    'evidence.updateMany': async ({ evidenceIds, patch }) => ws().updateEvidenceMany(evidenceIds, patch),
    'evidence.linkMany': async ({ assessmentId, claimId, evidenceIds }) => ws().linkEvidenceMany(assessmentId, claimId, evidenceIds),
    'evidence.unlinkMany': async ({ assessmentId, claimId, evidenceIds }) => ws().unlinkEvidenceMany(assessmentId, claimId, evidenceIds),
    'evidence.planRemoval': async ({ evidenceIds }) => ws().planEvidenceRemoval(evidenceIds),
    // Held for the app's Undo; the page makes it final when its Undo closes, or the next open does.
    'evidence.remove': async ({ evidenceIds }) => ws().removeEvidence(evidenceIds, { holdMs: APP_UNDO_HOLD_MS }),
    'evidence.undoRemoval': async ({ removalId }) => ws().undoEvidenceRemoval(removalId),
    'evidence.finishRemoval': async ({ removalId }) => {
      ws().finishEvidenceRemovals(removalId);
      return null;
    },
    'evidence.preview': async ({ evidenceId }) => {
      const workspace = ws();
      const item = workspace.getEvidence(evidenceId);
      if (item.kind === 'reference') {
        throw SscpError.because({ code: 'reference-has-no-preview' });
      }
      return previewEvidence(item, workspace.evidenceBlobPath(item.sha256));
    },
  };
}
