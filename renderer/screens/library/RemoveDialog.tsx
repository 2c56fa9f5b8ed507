import { useEffect, useState } from 'react';
import { formatInstantDate } from '../../format/numbers';
import { count } from '../../../shared/format/plural';
import type { EvidenceRemovalPlan } from '../../../shared/ipc/views';
import { Modal } from '../../components/Modal';
import { OutsideText } from '../../components/OutsideText';
import { call } from '../../ipc/client';
import { attempt } from '../../stores/announcer';
import { useLibrary } from '../../stores/library';

/**
 * "Remove from library…": asks main what the removal would do before doing it, and says so in
 * numbers (files, claims that lose them, the draft assessments they are in) and by name (the
 * signed or archived assessments that keep theirs, because their record cannot change). Only
 * the files no signed assessment cites are removed; Undo is then offered in the status bar.
 */
export function RemoveDialog({
  evidenceIds,
  fileName,
  onClose,
  onRemoved,
}: {
  readonly evidenceIds: readonly string[];
  /** The file's name when one is being removed, to say which. */
  readonly fileName?: string;
  readonly onClose: () => void;
  readonly onRemoved?: () => void;
}) {
  const remove = useLibrary((s) => s.remove);
  const [plan, setPlan] = useState<EvidenceRemovalPlan | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void attempt(async () => {
      const p = await call('evidence.planRemoval', { evidenceIds: [...evidenceIds] });
      if (live) setPlan(p);
    });
    return () => {
      live = false;
    };
  }, [evidenceIds]);

  const removable = plan?.removableIds.length ?? 0;
  const what = fileName !== undefined && evidenceIds.length === 1 ? null : count(removable, 'file');
  const submit = async () => {
    if (!plan || removable === 0) return;
    setBusy(true);
    const done = await attempt(async () => {
      await remove(plan.removableIds);
      return true;
    });
    setBusy(false);
    if (done) {
      onClose();
      onRemoved?.();
    }
  };
  const byAssessment = new Map<string, { organisation: string; claims: string[] }>();
  for (const l of plan?.claimLinks ?? []) {
    const entry = byAssessment.get(l.assessmentId) ?? { organisation: l.organisation, claims: [] };
    if (!entry.claims.includes(l.claimId)) entry.claims.push(l.claimId);
    byAssessment.set(l.assessmentId, entry);
  }
  const title = what === null ? 'Remove this file from the library' : `Remove ${count(evidenceIds.length, 'file')} from the library`;
  return (
    <Modal
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button danger" disabled={!plan || removable === 0 || busy} onClick={() => void submit()}>
            {busy ? 'Removing…' : what === null ? 'Remove from library' : `Remove ${what}`}
          </button>
        </>
      }
    >
      {plan === null ? (
        <p className="muted">Checking where {what === null ? 'it is' : 'they are'} used…</p>
      ) : (
        <div className="remove-plan">
          {fileName !== undefined && evidenceIds.length === 1 ? (
            <p>
              <OutsideText text={fileName} />
            </p>
          ) : null}
          {removable === 0 ? (
            <p>
              Nothing can be removed: {evidenceIds.length === 1 ? 'this file is' : 'every file chosen is'} part of a signed or archived
              assessment, whose record cannot change.
            </p>
          ) : (
            <p>
              {plan.claimLinks.length === 0
                ? `No claim uses ${what === null ? 'it' : 'them'}.`
                : `${count(plan.claimLinks.length, 'claim')} in ${count(byAssessment.size, 'draft assessment')} will lose ${what === null ? 'it' : 'them'}:`}
            </p>
          )}
          {removable > 0 && byAssessment.size > 0 ? (
            <ul className="remove-plan-list">
              {[...byAssessment].map(([id, a]) => (
                <li key={id}>
                  <OutsideText text={a.organisation} />: {a.claims.length === 1 ? 'claim' : 'claims'} {a.claims.join(', ')}
                </li>
              ))}
            </ul>
          ) : null}
          {plan.keptBy.length > 0 ? (
            <>
              <p>
                {removable > 0 ? 'Kept, because signed or archived assessments cite them and their record cannot change:' : 'Cited by:'}
              </p>
              <ul className="remove-plan-list">
                {plan.keptBy.map((k) => (
                  <li key={k.assessmentId}>
                    <OutsideText text={k.organisation} />
                    {k.signedAt ? `, signed on ${formatInstantDate(k.signedAt)}` : ', archived'}, keeps{' '}
                    {count(k.evidenceIds.length, 'file')}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {removable > 0 ? (
            <p className="muted">
              You can undo this from the status bar for a short while. After that,{' '}
              {plan.storedFilesFreed > 0
                ? `${count(plan.storedFilesFreed, 'stored file')} no other evidence uses ${plan.storedFilesFreed === 1 ? 'is' : 'are'} deleted from the evidence folder.`
                : 'the stored files stay, because other evidence uses the same files.'}
            </p>
          ) : null}
        </div>
      )}
    </Modal>
  );
}
