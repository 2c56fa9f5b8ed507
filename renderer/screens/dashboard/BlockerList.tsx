import type { SignoffBlocker } from '../../../shared/domain/signoff';
import { useNavigation } from '../../stores/navigation';

/** Each thing that blocks or qualifies signing, with a way to go and fix it. */
export function BlockerList({
  blockers,
  assessmentId,
  empty = 'Nothing stands in the way of signing.',
}: {
  readonly blockers: readonly SignoffBlocker[];
  readonly assessmentId: string;
  readonly empty?: string;
}) {
  const go = useNavigation((s) => s.go);
  if (blockers.length === 0) return <p className="card-body muted">{empty}</p>;
  return (
    <ul className="blocker-list">
      {blockers.map((b, i) => (
        <li key={`${b.kind}-${b.claimId ?? ''}-${b.evidenceId ?? ''}-${b.actionId ?? ''}-${i}`} className={`blocker ${b.severity}`}>
          <span className={`badge ${b.severity === 'blocker' ? 'danger' : 'warning'}`}>
            {b.severity === 'blocker' ? 'Blocks signing' : 'Warning'}
          </span>
          <span className="blocker-message">{b.message}</span>
          {b.claimId ? (
            <button
              type="button"
              className="button quiet small"
              onClick={() => go({ name: 'workspace', assessmentId, claimId: b.claimId! })}
            >
              Go to {b.claimId}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
