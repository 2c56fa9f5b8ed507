import type { ClaimInContext } from '../../../shared/catalog/index';
import { describeScope, isClaimInScope } from '../../../shared/domain/applicability';
import { frozenReason } from '../../../shared/domain/frozen';
import { appHintFor, reasonMessage } from '../../ipc/error-hints';
import { CLAIM_RESULTS, WORK_STATUSES, type AssessmentDetail, type ClaimResult, type WorkStatus } from '../../../shared/domain/types';
import { SHORTCUTS } from '../../../shared/ipc/shortcuts';
import { RESULT_LABELS, STATUS_LABELS } from '../../format/labels';
import { useAssessment } from '../../stores/assessment';
import { responseFor } from '../../stores/claim-patch';
import type { ClaimOwnership } from '../contributions/use-claim-ownership';
import { ActionsSection } from './ActionsSection';
import { ClaimOwnerLine } from './ClaimOwnerLine';
import { EvidenceSection } from './EvidenceSection';
import { SaveIndicator } from './SaveIndicator';
import { Banner } from '../../components/Banner';

const RESULT_KEYS = Object.fromEntries(SHORTCUTS.filter((s) => s.result).map((s) => [s.result, s.keyLabel])) as Readonly<
  Record<ClaimResult, string>
>;

/** One claim: what it asks, the answer, the evidence and any remedial actions. Saves as you go. */
export function ClaimEditor({
  detail,
  context,
  ownership,
}: {
  readonly detail: AssessmentDetail;
  readonly context: ClaimInContext;
  readonly ownership: ClaimOwnership;
}) {
  const { claim, principle, theme } = context;
  const editClaim = useAssessment((s) => s.editClaim);
  // Leaving a text box saves at once rather than after the typing pause.
  const flush = useAssessment((s) => s.flush);
  const response = responseFor(detail, claim.id);
  const inScope = isClaimInScope(detail.assessment, claim.id);
  const frozenWhy = frozenReason(detail.assessment);
  const frozen = frozenWhy !== null;
  const edit = (patch: Parameters<typeof editClaim>[1], immediate = false) => editClaim(claim.id, patch, { immediate });

  return (
    <section className="editor" aria-labelledby="claim-heading">
      <header className="editor-head">
        <div>
          <p className="editor-crumbs muted">
            Theme {theme.id} · {theme.title} › {principle.id} {principle.title}
          </p>
          <h2 id="claim-heading" tabIndex={-1}>
            <span className="claim-number">{claim.id}</span> {claim.title}
          </h2>
          <ClaimOwnerLine ownership={ownership} assessmentId={detail.assessment.id} claimId={claim.id} />
        </div>
        <SaveIndicator />
      </header>
      <div className="editor-body">
        {!inScope ? (
          <Banner tone="warning" title="This claim is out of scope for this assessment.">
            <span>{describeScope(detail.assessment)} It needs no answer, so none is offered.</span>
          </Banner>
        ) : null}
        {frozenWhy ? (
          <Banner tone="neutral" title={reasonMessage(frozenWhy)}>
            <span>{appHintFor(frozenWhy)}</span>
          </Banner>
        ) : null}
        <div className="claim-statement">
          <p>{claim.statement}</p>
          <details className="guidance">
            <summary>Guidance and typical evidence</summary>
            <div className="guidance-columns">
              <div>
                <h3>What the Code's guidance looks for</h3>
                <ul>
                  {claim.guidance.map((g) => (
                    <li key={g}>{g}</li>
                  ))}
                </ul>
              </div>
              <div>
                <h3>Evidence that usually supports it</h3>
                <ul>
                  {claim.typicalEvidence.map((g) => (
                    <li key={g}>{g}</li>
                  ))}
                </ul>
              </div>
            </div>
          </details>
        </div>

        {inScope ? (
          <fieldset className="answer" disabled={frozen}>
            <div className="answer-row">
              <div className="field result-field">
                <span className="field-label" id="result-label">
                  Result
                </span>
                <div className="segmented" role="radiogroup" aria-labelledby="result-label">
                  {CLAIM_RESULTS.map((r) => (
                    <label key={r} className={`segment segment-${r}`}>
                      <input
                        type="radio"
                        aria-keyshortcuts={RESULT_KEYS[r]}
                        name={`result-${claim.id}`}
                        value={r}
                        checked={response.result === r}
                        onChange={() => edit({ result: r }, true)}
                      />
                      <span>
                        {RESULT_LABELS[r]}{' '}
                        <kbd className="key-hint" aria-hidden="true">
                          {RESULT_KEYS[r]}
                        </kbd>
                      </span>
                    </label>
                  ))}
                </div>
              </div>
              <div className="field status-field">
                <label htmlFor="work-status">Work status</label>
                <select
                  id="work-status"
                  className="select"
                  value={response.status}
                  onChange={(e) => edit({ status: e.target.value as WorkStatus }, true)}
                >
                  {WORK_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="field">
              <label htmlFor="evidence-text">Evidence</label>
              <span className="field-help" id="evidence-text-help">
                What shows the claim is met: name the documents, records or systems, in words a reader outside the company understands.
              </span>
              <textarea
                id="evidence-text"
                className="textarea"
                aria-describedby="evidence-text-help"
                value={response.evidenceText}
                onChange={(e) => edit({ evidenceText: e.target.value })}
                onBlur={() => void flush()}
              />
            </div>
            <div className="field">
              <label htmlFor="arguments">Arguments and assumptions</label>
              <span className="field-help" id="arguments-help">
                Why the evidence supports your result, and anything you assumed.
              </span>
              <textarea
                id="arguments"
                className="textarea"
                aria-describedby="arguments-help"
                value={response.arguments}
                onChange={(e) => edit({ arguments: e.target.value })}
                onBlur={() => void flush()}
              />
            </div>
          </fieldset>
        ) : null}

        <EvidenceSection detail={detail} claimId={claim.id} frozen={frozen || !inScope} />
        <ActionsSection detail={detail} claimId={claim.id} frozen={frozen || !inScope} />
      </div>
    </section>
  );
}
