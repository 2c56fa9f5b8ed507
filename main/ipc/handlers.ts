import type { ServiceChannel } from '../../shared/ipc/contract';
import type { HandlerTable } from './dispatch';
import { previewEvidence } from './evidence-preview';
import type { JobRunner } from './jobs';
import type { OpenWorkspace } from './session';
import { WorkspaceSession } from './session';

export type ServiceHandlers = Pick<HandlerTable, ServiceChannel>;

export interface ServiceDeps {
  readonly openWorkspace: OpenWorkspace;
  readonly jobs: JobRunner;
  /** The Electron layer records recent databases here. */
  readonly onWorkspaceOpened?: (dbPath: string) => void;
}

/**
 * Channel → service call, for every channel that is not the desktop shell's. No electron here:
 * Electron's ipcMain and the end-to-end HTTP bridge register this same table.
 */
export function createServiceHandlers(deps: ServiceDeps): { handlers: ServiceHandlers; session: WorkspaceSession } {
  const session = new WorkspaceSession(deps.openWorkspace);
  const ws = () => session.get();
  const { jobs } = deps;

  const handlers: ServiceHandlers = {
    'workspace.current': async () => {
      const current = session.peek();
      return current ? { dbPath: current.dbPath } : null;
    },
    'workspace.open': async ({ dbPath }) => {
      const opened = session.open(dbPath);
      deps.onWorkspaceOpened?.(opened.dbPath);
      return { dbPath: opened.dbPath };
    },
    'workspace.close': async () => {
      jobs.cancelAll();
      session.close();
      return null;
    },
    'workspace.checkIntegrity': async () => {
      const workspace = ws();
      const jobId = jobs.start(async ({ progress }) => {
        const report = await workspace.checkIntegrity((done, total) => progress('Checking evidence files', done, total));
        return { ok: report.ok, problems: report.problems };
      });
      return { jobId };
    },

    'assessments.list': async () => ws().listAssessments(),
    'assessments.create': async (fields) => ws().createAssessment(fields),
    'assessments.get': async ({ assessmentId }) => ws().getAssessment(assessmentId),
    'assessments.update': async ({ assessmentId, patch }) => ws().updateAssessment(assessmentId, patch),
    'assessments.audit': async ({ assessmentId }) => ws().auditEntries(assessmentId),
    'claims.update': async ({ assessmentId, claimId, patch }) => ws().updateClaim(assessmentId, claimId, patch),
    'actions.add': async ({ assessmentId, claimId, fields }) => ws().addAction(assessmentId, { claimId, ...fields }),
    'actions.update': async ({ actionId, patch }) => ws().updateAction(actionId, patch),
    'actions.remove': async ({ actionId }) => {
      ws().removeAction(actionId);
      return null;
    },

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

    'jobs.cancel': async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
  };
  return { handlers, session };
}
