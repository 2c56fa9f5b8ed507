import { useState } from 'react';
import type { Assessment } from '../../../shared/domain/types';
import type { CarryForwardPlan, ExpiryFlag } from '../../../shared/domain/carry-forward';
import { Modal } from '../../components/Modal';
import { ModalActions } from '../../components/ModalActions';
import { DateInput } from '../../components/DateInput';
import { formatDate } from '../../format/numbers';
import { attempt } from '../../stores/announcer';
import { useAssessments } from '../../stores/assessments';
import { useNavigation } from '../../stores/navigation';

const REASONS: Readonly<Record<ExpiryFlag['reason'], string>> = {
  expired: 'has expired',
  'expires-before-period': 'expires before the new period starts',
  'expires-during-period': 'expires during the new period',
};

/** Starts next period's draft from an assessment, then shows what needs attention before opening it. */
export function CarryForwardButton({ assessment }: { readonly assessment: Assessment }) {
  const carryForward = useAssessments((s) => s.carryForward);
  const go = useNavigation((s) => s.go);
  const [open, setOpen] = useState(false);
  const [periodStart, setStart] = useState('');
  const [periodEnd, setEnd] = useState('');
  const [carried, setCarried] = useState<Awaited<ReturnType<typeof carryForward>> | null>(null);
  const close = () => {
    setOpen(false);
    setCarried(null);
  };
  const submit = async () => {
    const result = await attempt(() =>
      carryForward({ assessmentId: assessment.id, ...(periodStart ? { periodStart } : {}), ...(periodEnd ? { periodEnd } : {}) }),
    );
    if (result) setCarried(result);
  };
  return (
    <>
      <button type="button" className="button small" onClick={() => setOpen(true)}>
        <span>
          Carry forward<span className="visually-hidden"> {assessment.organisation}</span>…
        </span>
      </button>
      {open ? (
        <Modal
          title={carried ? 'Next period started' : 'Start the next period'}
          onClose={close}
          footer={
            carried ? (
              <button
                type="button"
                className="button primary"
                onClick={() => go({ name: 'workspace', assessmentId: carried.assessment.id, claimId: null })}
              >
                Open the new draft
              </button>
            ) : (
              <ModalActions onCancel={close} onSubmit={() => void submit()} submitLabel="Carry forward" />
            )
          }
        >
          {carried ? (
            <div className="section">
              <p>
                A new draft for {formatDate(carried.assessment.periodStart, '…')} – {formatDate(carried.assessment.periodEnd, '…')} holds
                last period's answers, evidence links and open actions. Every claim is marked “Needs review”.
              </p>
              <StatementChanges
                fromVersion={assessment.catalogVersion}
                toVersion={carried.assessment.catalogVersion}
                changes={carried.plan.statementChanges}
              />
              {carried.plan.expiryFlags.length > 0 ? (
                <>
                  <h3>Evidence to renew</h3>
                  <ul>
                    {carried.plan.expiryFlags.map((f) => (
                      <li key={f.evidenceId}>
                        {f.fileName} {REASONS[f.reason]} ({formatDate(f.expiryDate)}); used by {f.claimIds.join(', ')}.
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="muted">No carried evidence expires before the new period ends.</p>
              )}
            </div>
          ) : (
            <div className="form-grid">
              <p className="span-2">
                Start {assessment.organisation}'s next assessment from this one. Leave the dates empty to follow on directly with a period
                of the same length.
              </p>
              <div className="field">
                <label htmlFor="cf-start">New period from</label>
                <DateInput id="cf-start" value={periodStart} onChange={setStart} />
              </div>
              <div className="field">
                <label htmlFor="cf-end">New period to</label>
                <DateInput id="cf-end" value={periodEnd} onChange={setEnd} />
              </div>
            </div>
          )}
        </Modal>
      ) : null}
    </>
  );
}

/** Moving to a newer catalog: which claims now read differently, and why, so they are reviewed first. */
function StatementChanges({
  fromVersion,
  toVersion,
  changes,
}: {
  readonly fromVersion: string;
  readonly toVersion: string;
  readonly changes: CarryForwardPlan['statementChanges'];
}) {
  if (fromVersion === toVersion) return null;
  if (changes.length === 0) {
    return (
      <p className="muted">
        The new draft uses catalog {toVersion} (this assessment used {fromVersion}); no claim reads differently.
      </p>
    );
  }
  return (
    <>
      <h3>
        {changes.length} claim{changes.length === 1 ? '' : 's'} reworded in catalog {toVersion}
      </h3>
      <p>
        The new draft uses catalog {toVersion}; this assessment used {fromVersion}. Last period's answers were given to the old wording, so
        check these claims first:
      </p>
      <ul className="statement-changes">
        {changes.map((c) => (
          <li key={c.claimId}>
            <strong>{c.claimId}</strong> {c.note ?? 'The statement was reworded.'}
            <details>
              <summary>
                Old and new wording<span className="visually-hidden"> of claim {c.claimId}</span>
              </summary>
              <p>
                <span className="muted">Was:</span> {c.from}
              </p>
              <p>
                <span className="muted">Now:</span> {c.to}
              </p>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
