import { useMemo, useState, type DragEvent } from 'react';
import type { AssessmentDetail } from '../../../shared/domain/types';
import { Icon } from '../../components/Icon';
import { ProgressBar } from '../../components/ProgressBar';
import { attempt } from '../../stores/announcer';
import { useAttachments } from '../../stores/attachments';
import { AddReferenceDialog } from './AddReferenceDialog';
import { ClaimEvidenceList } from './ClaimEvidenceList';
import { LinkEvidenceDialog } from './LinkEvidenceDialog';
import { PreviewDialog } from './PreviewDialog';

/** The files backing this claim: attach by dialog or by dropping them here, or link from the library. */
export function EvidenceSection({
  detail,
  claimId,
  frozen,
}: {
  readonly detail: AssessmentDetail;
  readonly claimId: string;
  readonly frozen: boolean;
}) {
  const { running, attachDropped, chooseAndAttach, cancel } = useAttachments();
  const [dragging, setDragging] = useState(false);
  const [linking, setLinking] = useState(false);
  const [referencing, setReferencing] = useState(false);
  // Read again only when the links or the items change, not for each letter typed in the answer:
  // the same list keeps the rows below from rendering again.
  const { links, evidence } = detail;
  const linkedIds = useMemo(() => new Set(links.filter((l) => l.claimId === claimId).map((l) => l.evidenceId)), [links, claimId]);
  const items = useMemo(() => evidence.filter((e) => linkedIds.has(e.id)), [evidence, linkedIds]);
  const mine = running.filter((r) => r.claimId === claimId);
  // Just after an assessment opens only the first claim's records are here; the rest follow at once.
  const arriving = items.length < linkedIds.size;

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (frozen) return;
    const files = Array.from(e.dataTransfer.files);
    if (files.length > 0) void attempt(() => attachDropped(claimId, files));
  };

  return (
    <section
      className={`section evidence-section ${dragging ? 'dragging' : ''}`}
      aria-labelledby="evidence-heading"
      onDragOver={(e) => {
        if (frozen) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="section-title">
        <h3 id="evidence-heading">Attached evidence</h3>
        {!frozen ? (
          <div className="button-row">
            <button type="button" className="button small" onClick={() => setLinking(true)}>
              <Icon name="link" /> Link from library
            </button>
            <button type="button" className="button small" onClick={() => setReferencing(true)}>
              Add a reference…
            </button>
            <button type="button" className="button small primary" onClick={() => void attempt(() => chooseAndAttach(claimId))}>
              <Icon name="paperclip" /> Attach files…
            </button>
          </div>
        ) : null}
      </div>
      {arriving ? (
        <p className="muted" role="status">
          Loading the {linkedIds.size === 1 ? 'item' : `${linkedIds.size} items`} of evidence on this claim…
        </p>
      ) : items.length === 0 && mine.length === 0 ? (
        <div className="drop-zone">
          {frozen
            ? 'No evidence was attached to this claim.'
            : 'No evidence yet. Drop files here, use Attach files, or Add a reference for evidence that is not a file (a setting, a ticket, an interview).'}
        </div>
      ) : (
        <>
          {/* Files being attached come first, next to the button that started them. */}
          {mine.length > 0 ? (
            <ul className="evidence-list" aria-label="Files being attached">
              {mine.map((a) => (
                <li key={a.jobId} className="evidence-item attaching">
                  <div className="evidence-main">
                    <span className="evidence-name">{a.name}</span>
                    <ProgressBar done={a.done} total={a.total} label={`Attaching ${a.name}`} />
                  </div>
                  <button type="button" className="button small" onClick={() => void attempt(() => cancel(a.jobId))}>
                    Cancel
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {items.length > 0 ? <ClaimEvidenceList items={items} claimId={claimId} frozen={frozen} /> : null}
        </>
      )}
      {items.length > 0 && !arriving && !frozen ? (
        <p className="muted drop-hint">You can also drop files anywhere in this section.</p>
      ) : null}
      {referencing ? <AddReferenceDialog claimId={claimId} onClose={() => setReferencing(false)} /> : null}
      {linking ? <LinkEvidenceDialog claimId={claimId} alreadyLinked={linkedIds} onClose={() => setLinking(false)} /> : null}
      <PreviewDialog />
    </section>
  );
}
