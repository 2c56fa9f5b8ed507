import type { HandlerTable } from '../dispatch';
import { previewEvidence } from '../evidence-preview';
import type { HandlerContext } from './context';

type Channels = 'evidence.attach' | 'evidence.replace' | 'evidence.link' | 'evidence.unlink' | 'evidence.list' | 'evidence.update' | 'evidence.preview';

export function evidenceHandlers({ ws, jobs }: HandlerContext): Pick<HandlerTable, Channels> {
  return {
    'evidence.attach': async ({ assessmentId, claimId, filePath, meta }) => {
      const workspace = ws();
      const jobId = jobs.start(({ signal, progress }) =>
        workspace.attachEvidence(assessmentId, claimId, filePath, meta, {
          signal,
          onProgress: (done, total) => progress('Copying and fingerprinting the file', done, total),
        }),
      );
      return { jobId };
    },
    'evidence.replace': async ({ evidenceId, filePath }) => {
      const workspace = ws();
      const jobId = jobs.start(({ signal, progress }) =>
        workspace.replaceEvidence(evidenceId, filePath, {
          signal,
          onProgress: (done, total) => progress('Copying and fingerprinting the new version', done, total),
        }),
      );
      return { jobId };
    },
    'evidence.link': async ({ assessmentId, claimId, evidenceId }) => {
      ws().linkEvidence(assessmentId, claimId, evidenceId);
      return null;
    },
    'evidence.unlink': async ({ assessmentId, claimId, evidenceId }) => {
      ws().unlinkEvidence(assessmentId, claimId, evidenceId);
      return null;
    },
    'evidence.list': async () =>
      ws().listEvidence().map((entry) => ({
        item: entry.item,
        replacesId: entry.replacesId,
        usedBy: entry.usedBy.map((u) => ({ ...u, evidenceId: entry.item.id })),
      })),
    'evidence.update': async ({ evidenceId, patch }) => ws().updateEvidence(evidenceId, patch),
    'evidence.preview': async ({ evidenceId }) => {
      const workspace = ws();
      const item = workspace.getEvidence(evidenceId);
      return previewEvidence(item, workspace.evidenceBlobPath(item.sha256));
    },
  };
}
