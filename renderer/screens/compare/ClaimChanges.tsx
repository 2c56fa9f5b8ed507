import { isStatusOnly, type AssessmentDiff, type ClaimDiff } from '../../../shared/domain/diff';
import type { TextDiff } from '../../../shared/domain/text-diff';
import { StatusMark } from '../../components/StatusMark';
import { STATUS_LABELS } from '../../format/labels';
import { OutsideText } from '../../components/OutsideText';

function WordDiff({ diff, label }: { readonly diff: TextDiff; readonly label: string }) {
  return (
    <div className="word-diff">
      <span className="field-label">
        {label}{' '}
        <span className="muted">
          (+{diff.wordsAdded} / −{diff.wordsRemoved} words)
        </span>
      </span>
      <p className="diff-text">
        {diff.segments.map((s, i) =>
          s.kind === 'same' ? (
            <span key={i}>{s.text}</span>
          ) : s.kind === 'added' ? (
            <ins key={i}>{s.text}</ins>
          ) : (
            <del key={i}>{s.text}</del>
          ),
        )}
      </p>
    </div>
  );
}

function ClaimChange({ c }: { readonly c: ClaimDiff }) {
  return (
    <li className="claim-change">
      <h3>Claim {c.claimId}</h3>
      {c.presence !== 'both' ? (
        <p className="muted">{c.presence === 'only-from' ? 'Only in the earlier assessment.' : 'New in the later assessment.'}</p>
      ) : null}
      {c.statement ? (
        <div className="word-diff">
          <span className="field-label">
            Claim reworded in catalog {c.statement.toVersion}
            {c.statement.note ? <span className="muted">: {c.statement.note}</span> : null}
          </span>
          <p className="diff-text">
            <span className="muted">Was ({c.statement.fromVersion}):</span> {c.statement.from}
            <br />
            <span className="muted">Now ({c.statement.toVersion}):</span> {c.statement.to}
          </p>
        </div>
      ) : null}
      {c.result ? (
        <p className="change-row">
          <span className="field-label">Result</span> <StatusMark status={c.result.from} /> <span aria-hidden="true">→</span>
          <span className="visually-hidden">changed to</span> <StatusMark status={c.result.to} />
        </p>
      ) : null}
      {c.status ? (
        <p className="change-row">
          <span className="field-label">Work status</span> {STATUS_LABELS[c.status.from]} → {STATUS_LABELS[c.status.to]}
        </p>
      ) : null}
      {c.evidenceText ? <WordDiff diff={c.evidenceText} label="Evidence" /> : null}
      {c.arguments ? <WordDiff diff={c.arguments} label="Arguments and assumptions" /> : null}
      <ul className="change-list">
        {c.evidenceAdded.map((e) => (
          <li key={`a-${e.sha256}`}>
            <span className="badge signed">Evidence added</span> <OutsideText text={e.fileName} />
          </li>
        ))}
        {c.evidenceReplaced.map((e) => (
          <li key={`r-${e.to.sha256}`}>
            <span className="badge draft">Evidence replaced</span> <OutsideText text={e.from.fileName} /> →{' '}
            <OutsideText text={e.to.fileName} />
          </li>
        ))}
        {c.evidenceRemoved.map((e) => (
          <li key={`x-${e.sha256}`}>
            <span className="badge danger">Evidence removed</span> <OutsideText text={e.fileName} />
          </li>
        ))}
        {c.actionsOpened.map((a) => (
          <li key={`o-${a.description}`}>
            <span className="badge warning">Action opened</span> {a.description}
          </li>
        ))}
        {c.actionsClosed.map((a) => (
          <li key={`c-${a.description}`}>
            <span className="badge signed">Action closed</span> {a.description}
          </li>
        ))}
        {c.actionsDropped.map((a) => (
          <li key={`d-${a.description}`}>
            <span className="badge">Action dropped</span> {a.description}
          </li>
        ))}
      </ul>
    </li>
  );
}

export function ClaimChanges({ diff }: { readonly diff: AssessmentDiff }) {
  // Carrying forward marks every claim for review: those would bury the real changes.
  const statusOnly = diff.claims.filter(isStatusOnly);
  const real = diff.claims.filter((c) => !isStatusOnly(c));
  return (
    <section className="card" aria-labelledby="changes-heading">
      <div className="card-header">
        <h2 id="changes-heading">Claim by claim</h2>
      </div>
      {real.length === 0 ? (
        <p className="empty">{statusOnly.length > 0 ? 'No claim changed in substance.' : 'No claim changed.'}</p>
      ) : (
        <ol className="claim-changes">
          {real.map((c) => (
            <ClaimChange key={c.claimId} c={c} />
          ))}
        </ol>
      )}
      {statusOnly.length > 0 ? (
        <details className="status-only">
          <summary>
            {statusOnly.length} {statusOnly.length === 1 ? 'claim' : 'claims'} changed only their work status
          </summary>
          <p className="muted">{statusOnly.map((c) => c.claimId).join(', ')}</p>
        </details>
      ) : null}
    </section>
  );
}
