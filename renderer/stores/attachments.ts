import { create } from 'zustand';
import { api } from '../ipc/api';
import { followedLinkNote } from '../format/links';
import { call, startJob } from '../ipc/client';
import { UiError } from '../ipc/ui-error';
import { useAnnouncer } from './announcer';
import { useAssessment } from './assessment';
import { fileName } from './session';

export interface Attachment {
  readonly jobId: string;
  readonly claimId: string;
  readonly name: string;
  readonly done: number;
  readonly total: number;
}

interface AttachmentsState {
  /** Files being copied into the evidence store right now. */
  readonly running: readonly Attachment[];
  readonly attachPaths: (claimId: string, paths: readonly string[]) => Promise<void>;
  /** Files dropped onto the claim: main must first agree to read each one (not a folder, not a device). */
  readonly attachDropped: (claimId: string, files: readonly File[]) => Promise<void>;
  readonly chooseAndAttach: (claimId: string) => Promise<void>;
  readonly cancel: (jobId: string) => Promise<void>;
  readonly link: (claimId: string, evidenceId: string) => Promise<void>;
  readonly unlink: (claimId: string, evidenceId: string) => Promise<void>;
  /** One call, one transaction: the files all leave the claim, or none does. */
  readonly unlinkMany: (claimId: string, evidenceIds: readonly string[]) => Promise<void>;
}

/** Evidence on the claim being edited: attach (with progress), link from the library, unlink. */
export const useAttachments = create<AttachmentsState>((set, get) => {
  const assessmentId = (): string => {
    const detail = useAssessment.getState().detail;
    if (!detail) throw new UiError({ kind: 'not-found', message: 'No assessment is open.', hint: 'Open an assessment first.' });
    return detail.assessment.id;
  };
  const update = (jobId: string, change: Partial<Attachment>): void =>
    set({ running: get().running.map((a) => (a.jobId === jobId ? { ...a, ...change } : a)) });

  return {
    running: [],
    attachPaths: async (claimId, paths) => {
      const id = assessmentId();
      const announcer = useAnnouncer.getState();
      let attached = 0;
      const links: string[] = [];
      for (const path of paths) {
        try {
          const job = await startJob('evidence.attach', { assessmentId: id, claimId, filePath: path, meta: {} }, (p) => update(p.jobId, { done: p.done, total: p.total }));
          set({ running: [...get().running, { jobId: job.jobId, claimId, name: fileName(path), done: 0, total: 0 }] });
          try {
            const item = await job.done;
            attached += 1;
            if (item.followedLink) links.push(followedLinkNote(path, item.followedLink));
          } finally {
            set({ running: get().running.filter((a) => a.jobId !== job.jobId) });
          }
        } catch (e) {
          if (e instanceof UiError && e.kind === 'cancelled') announcer.announce(`Attaching ${fileName(path)} was cancelled.`);
          else announcer.fail(e);
        }
      }
      if (attached > 0) {
        await useAssessment.getState().refresh();
        announcer.announce([`${attached === 1 ? 'One file' : `${attached} files`} attached to claim ${claimId}.`, ...links].join(' '));
      }
    },
    attachDropped: async (claimId, files) => {
      const paths: string[] = [];
      for (const file of files) {
        const granted = await api().droppedFile(file);
        if (!granted.ok) useAnnouncer.getState().fail(new UiError(granted.error));
        else if (granted.value.path) paths.push(granted.value.path);
      }
      if (paths.length > 0) await get().attachPaths(claimId, paths);
    },
    chooseAndAttach: async (claimId) => {
      const { paths } = await call('dialogs.openEvidenceFiles', {});
      if (paths.length > 0) await get().attachPaths(claimId, paths);
    },
    cancel: async (jobId) => {
      await call('jobs.cancel', { jobId });
    },
    link: async (claimId, evidenceId) => {
      await call('evidence.link', { assessmentId: assessmentId(), claimId, evidenceId });
      await useAssessment.getState().refresh();
      useAnnouncer.getState().announce(`Evidence linked to claim ${claimId}.`);
    },
    unlink: async (claimId, evidenceId) => {
      await call('evidence.unlink', { assessmentId: assessmentId(), claimId, evidenceId });
      await useAssessment.getState().refresh();
      useAnnouncer.getState().announce(`Evidence removed from claim ${claimId}. The file stays in the library.`);
    },
    unlinkMany: async (claimId, evidenceIds) => {
      const id = assessmentId();
      const { removed } = await call('evidence.unlinkMany', { assessmentId: id, claimId, evidenceIds: [...evidenceIds] });
      // The reply confirms the links are gone: drop them here instead of reading the assessment again.
      const gone = new Set(evidenceIds);
      const detail = useAssessment.getState().detail;
      if (detail && detail.assessment.id === id) {
        const links = detail.links.filter((l) => !(l.claimId === claimId && gone.has(l.evidenceId)));
        const used = new Set(links.map((l) => l.evidenceId));
        useAssessment.setState({ detail: { ...detail, links, evidence: detail.evidence.filter((e) => used.has(e.id)) } });
      }
      useAnnouncer.getState().announce(`${removed} ${removed === 1 ? 'file' : 'files'} removed from claim ${claimId}. The files stay in the library.`);
    },
  };
});
