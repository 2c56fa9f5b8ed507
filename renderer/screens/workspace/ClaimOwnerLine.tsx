import { OutsideText } from '../../components/OutsideText';
import { useNavigation } from '../../stores/navigation';
import type { ClaimOwnership } from '../contributions/use-claim-ownership';

/** Beside the claim: who owns it and whether a contribution to it waits for review. */
export function ClaimOwnerLine({
  ownership,
  assessmentId,
  claimId,
}: {
  readonly ownership: ClaimOwnership;
  readonly assessmentId: string;
  readonly claimId: string;
}) {
  const go = useNavigation((s) => s.go);
  if (ownership.state === 'loading') return null;
  if (ownership.state === 'failed') return <p className="editor-owner muted">The claim’s owner could not be read.</p>;
  const owner = ownership.owners.find((o) => o.claimId === claimId);
  const pending = ownership.pending.filter((p) => p.claimId === claimId).length;
  return (
    <p className="editor-owner">
      {owner ? (
        <span>
          Owner: <OutsideText text={owner.name} />
          {owner.team ? (
            <>
              {', '}
              <OutsideText text={owner.team} />
            </>
          ) : null}
        </span>
      ) : (
        <span className="muted">No owner assigned</span>
      )}
      {pending > 0 ? (
        <>
          {' '}
          <button type="button" className="badge warning" onClick={() => go({ name: 'contributions', assessmentId })}>
            {pending === 1 ? 'Pending contribution' : `${pending} pending contributions`}
          </button>
        </>
      ) : null}
    </p>
  );
}
