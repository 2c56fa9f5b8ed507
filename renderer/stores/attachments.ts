import { create } from 'zustand';
import type { ContractArgs } from '../../shared/ipc/contract';
import type { EvidenceItem } from '../../shared/domain/types';
import { api } from '../ipc/api';
import { followedLinkNote } from '../format/links';
import { call, startJob } from '../ipc/client';
import { UiError } from '../ipc/ui-error';
import { useAnnouncer } from './announcer';
import { useAssessment } from './assessment';
import { fileName } from './session';
import { useWork } from './work';
import { count } from '../../shared/format/plural';

let batches = 0;

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
  /** Evidence that is not a file (a setting, a ticket, an interview): recorded, never opened or fetched. */
  readonly addReference: (claimId: string, reference: ContractArgs<'evidence.addReference'>['reference']) => Promise<EvidenceItem>;
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
      const work = useWork.getState();
      const workId = `attach-${claimId}-${++batches}`;
      const many = paths.length > 1;
      let attached = 0;
      let stopped = false;
      let current: string | null = null;
      const links: string[] = [];
      const label = (i: number) =>
        many
          ? `Attaching ${i + 1} of ${count(paths.length, 'file')} to claim ${claimId}`
          : `Attaching ${fileName(paths[0]!)} to claim ${claimId}`;
      // Cancel stops the file being copied and every one still waiting.
      const cancelAll = () => {
        stopped = true;
        if (current) void call('jobs.cancel', { jobId: current }).catch(() => undefined);
      };
      work.begin({ id: workId, label: label(0), done: 0, total: many ? paths.length : 0, cancel: cancelAll });
      try {
        for (const [i, path] of paths.entries()) {
          if (stopped) break;
          work.update(workId, { label: label(i), ...(many ? { done: i, total: paths.length } : {}) });
          try {
            const job = await startJob('evidence.attach', { assessmentId: id, claimId, filePath: path, meta: {} }, (p) => {
              update(p.jobId, { done: p.done, total: p.total });
              if (!many) work.update(workId, { done: p.done, total: p.total });
            });
            current = job.jobId;
            set({ running: [...get().running, { jobId: job.jobId, claimId, name: fileName(path), done: 0, total: 0 }] });
            if (stopped) void call('jobs.cancel', { jobId: job.jobId }).catch(() => undefined);
            try {
              const { followedLink, ...item } = await job.done;
              attached += 1;
              // The reply is the item now on the claim: show it at once, without reading the assessment again.
              useAssessment.getState().applyAttached(id, claimId, item);
              if (followedLink) links.push(followedLinkNote(path, followedLink));
            } finally {
              current = null;
              set({ running: get().running.filter((a) => a.jobId !== job.jobId) });
            }
          } catch (e) {
            if (e instanceof UiError && e.kind === 'cancelled') stopped = true;
            else announcer.fail(e);
          }
        }
      } finally {
        work.end(workId);
      }
      const notAttached = paths.length - attached;
      const parts = [attached > 0 || !stopped ? `${count(attached, 'file')} attached to claim ${claimId}.` : ''];
      if (stopped)
        parts.push(many ? `Cancelled: ${count(notAttached, 'file')} not attached.` : `Attaching ${fileName(paths[0]!)} was cancelled.`);
      announcer.announce([...parts.filter(Boolean), ...links].join(' '));
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
      useAssessment.getState().applyClaimEvidence(await call('evidence.link', { assessmentId: assessmentId(), claimId, evidenceId }));
      useAnnouncer.getState().announce(`Evidence linked to claim ${claimId}.`);
    },
    addReference: async (claimId, reference) => {
      const id = assessmentId();
      const item = await call('evidence.addReference', { assessmentId: id, claimId, reference });
      useAssessment.getState().applyAttached(id, claimId, item);
      useAnnouncer.getState().announce(`Reference added to claim ${claimId}.`);
      return item;
    },
    unlink: async (claimId, evidenceId) => {
      useAssessment.getState().applyClaimEvidence(await call('evidence.unlink', { assessmentId: assessmentId(), claimId, evidenceId }));
      useAnnouncer.getState().announce(`Evidence removed from claim ${claimId}. The file stays in the library.`);
    },
    unlinkMany: async (claimId, evidenceIds) => {
      const id = assessmentId();
      const { removed, ...claim } = await call('evidence.unlinkMany', { assessmentId: id, claimId, evidenceIds: [...evidenceIds] });
      // The reply is the claim's evidence as main has it now: shown from it, instead of reading the assessment again.
      useAssessment.getState().applyClaimEvidence(claim);
      useAnnouncer
        .getState()
        .announce(`${removed} ${removed === 1 ? 'file' : 'files'} removed from claim ${claimId}. The files stay in the library.`);
    },
  };
});
