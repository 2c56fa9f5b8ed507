import { useEffect, useState } from 'react';
import { findCatalog, listClaims } from '../../../shared/catalog/index';
import { escapeUnsafe } from '../../../shared/domain/text-rules';
import type { AssessmentListItem } from '../../../shared/ipc/views';
import { DateInput } from '../../components/DateInput';
import { Modal } from '../../components/Modal';
import { ModalActions } from '../../components/ModalActions';
import { OutsideText } from '../../components/OutsideText';
import { call } from '../../ipc/client';
import { attempt } from '../../stores/announcer';
import { useLibrary, type BulkPatch } from '../../stores/library';

export type BulkAction = 'expiry' | 'confidential' | 'shareable' | 'link';

const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;

/** The dialog for one bulk action on the selected files; each names how many files it changes. */
export function BulkDialog({
  action,
  count,
  onClose,
}: {
  readonly action: BulkAction;
  readonly count: number;
  readonly onClose: () => void;
}) {
  if (action === 'link') return <BulkLinkDialog count={count} onClose={onClose} />;
  if (action === 'expiry') return <BulkExpiryDialog count={count} onClose={onClose} />;
  const confidential = action === 'confidential';
  return (
    <ConfirmBulk
      title={confidential ? `Mark ${files(count)} confidential` : `Mark ${files(count)} shareable`}
      submitLabel={confidential ? `Mark ${files(count)} confidential` : `Mark ${files(count)} shareable`}
      patch={{ confidential }}
      onClose={onClose}
    >
      <p>
        {confidential
          ? 'Confidential files go only into packs for certification bodies, never into a pack for customers.'
          : 'Shareable files may go into every pack, including packs for customers.'}
      </p>
    </ConfirmBulk>
  );
}

function ConfirmBulk(props: {
  readonly title: string;
  readonly submitLabel: string;
  readonly patch: BulkPatch;
  readonly onClose: () => void;
  readonly children: React.ReactNode;
  readonly ready?: boolean;
}) {
  const updateSelected = useLibrary((s) => s.updateSelected);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const done = await attempt(async () => {
      await updateSelected(props.patch);
      return true;
    });
    setBusy(false);
    if (done) props.onClose();
  };
  return (
    <Modal
      title={props.title}
      onClose={props.onClose}
      footer={
        <ModalActions
          onCancel={props.onClose}
          onSubmit={() => void submit()}
          busy={busy}
          ready={props.ready ?? true}
          submitLabel={props.submitLabel}
          busyLabel="Saving…"
        />
      }
    >
      {props.children}
      <p className="muted">All the files change together, or none does if one of them cannot.</p>
    </Modal>
  );
}

function BulkExpiryDialog({ count, onClose }: { readonly count: number; readonly onClose: () => void }) {
  const [date, setDate] = useState('');
  const [never, setNever] = useState(false);
  return (
    <ConfirmBulk
      title={`Set the expiry date of ${files(count)}`}
      submitLabel={never ? `Clear the expiry of ${files(count)}` : `Set the expiry of ${files(count)}`}
      patch={{ expiryDate: never ? null : date }}
      ready={never || /^\d{4}-\d{2}-\d{2}$/.test(date)}
      onClose={onClose}
    >
      <div className="form-grid">
        <div className="field">
          <label htmlFor="bulk-expiry">Expires on</label>
          {never ? (
            <input id="bulk-expiry" className="input date-input" type="text" value="" placeholder="Never" disabled />
          ) : (
            <DateInput id="bulk-expiry" value={date} onChange={setDate} />
          )}
        </div>
        <label className="checkbox-row">
          <input type="checkbox" checked={never} onChange={(e) => setNever(e.target.checked)} />
          <span>Never expires (clear the date)</span>
        </label>
      </div>
    </ConfirmBulk>
  );
}

function BulkLinkDialog({ count, onClose }: { readonly count: number; readonly onClose: () => void }) {
  const linkSelected = useLibrary((s) => s.linkSelected);
  const [assessments, setAssessments] = useState<readonly AssessmentListItem[] | null>(null);
  const [assessmentId, setAssessmentId] = useState('');
  const [claimId, setClaimId] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void attempt(async () => {
      // Only drafts can take new evidence; signed and archived assessments read as they were signed.
      const drafts = (await call('assessments.list', {})).filter((a) => a.assessment.state === 'draft');
      setAssessments(drafts);
      if (drafts[0]) setAssessmentId(drafts[0].assessment.id);
    });
  }, []);
  const chosen = assessments?.find((a) => a.assessment.id === assessmentId)?.assessment;
  const catalog = chosen ? findCatalog(chosen.catalogId, chosen.catalogVersion) : undefined;
  const claims = catalog ? listClaims(catalog) : [];
  const submit = async () => {
    if (!chosen) return;
    setBusy(true);
    const done = await attempt(async () => {
      await linkSelected({ assessmentId: chosen.id, claimId, organisation: chosen.organisation });
      return true;
    });
    setBusy(false);
    if (done) onClose();
  };
  return (
    <Modal
      title={`Link ${files(count)} to a claim`}
      onClose={onClose}
      footer={
        <ModalActions
          onCancel={onClose}
          onSubmit={() => void submit()}
          busy={busy}
          ready={Boolean(chosen && claimId)}
          submitLabel={`Link ${files(count)}`}
          busyLabel="Linking…"
        />
      }
    >
      {assessments !== null && assessments.length === 0 ? (
        <p className="empty">There is no draft assessment to link to. Start a new assessment or carry one forward first.</p>
      ) : (
        <div className="form-grid">
          <div className="field span-2">
            <label htmlFor="bulk-assessment">Assessment</label>
            <select id="bulk-assessment" className="input" value={assessmentId} onChange={(e) => setAssessmentId(e.target.value)}>
              {(assessments ?? []).map(({ assessment: a }) => (
                <option key={a.id} value={a.id}>
                  {escapeUnsafe(a.organisation, false)} {a.periodStart ? `(${a.periodStart} – ${a.periodEnd ?? '…'})` : ''}
                </option>
              ))}
            </select>
          </div>
          <div className="field span-2">
            <label htmlFor="bulk-claim">Claim</label>
            <select id="bulk-claim" className="input" value={claimId} onChange={(e) => setClaimId(e.target.value)}>
              <option value="">Choose a claim</option>
              {claims.map(({ claim }) => (
                <option key={claim.id} value={claim.id}>
                  {claim.id} {claim.statement.length > 90 ? `${claim.statement.slice(0, 90)}…` : claim.statement}
                </option>
              ))}
            </select>
          </div>
          {chosen ? (
            <p className="muted span-2">
              Files already linked to that claim stay as they are. Linking to <OutsideText text={chosen.organisation} /> changes no other
              assessment.
            </p>
          ) : null}
        </div>
      )}
    </Modal>
  );
}
