import { SscpError } from '../../../shared/errors';
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
  | 'evidence.unlinkMany';

export function evidenceHandlers({ ws }: HandlerContext): Pick<HandlerTable, Channels> {
  return {
    'evidence.addReference': async ({ assessmentId, claimId, reference }) => ws().addReference(assessmentId, claimId, reference),
    'evidence.link': async ({ assessmentId, claimId, evidenceId }) => {
      ws().linkEvidence(assessmentId, claimId, evidenceId);
      return null;
    },
    'evidence.unlink': async ({ assessmentId, claimId, evidenceId }) => {
      ws().unlinkEvidence(assessmentId, claimId, evidenceId);
      return null;
    },
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
    'evidence.linkMany': async ({ assessmentId, claimId, evidenceIds }) => ({
      linked: ws().linkEvidenceMany(assessmentId, claimId, evidenceIds),
    }),
    'evidence.unlinkMany': async ({ assessmentId, claimId, evidenceIds }) => ({
      removed: ws().unlinkEvidenceMany(assessmentId, claimId, evidenceIds),
    }),
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
