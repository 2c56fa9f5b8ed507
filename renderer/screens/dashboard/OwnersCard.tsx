import { groupByOwner, isWaitingOnOwner, ownerKey } from '../../../shared/domain/contribution';
import type { AssessmentDetail } from '../../../shared/domain/types';
import { count } from '../../../shared/format/plural';
import type { ClaimOwnerView, ContributionReviewView } from '../../../shared/ipc/views-contributions';
import { OutsideText } from '../../components/OutsideText';
import { useNavigation } from '../../stores/navigation';
import { responseFor } from '../../stores/claim-patch';
import { useClaimOwnership } from '../contributions/use-claim-ownership';
import { DataTable } from '../../components/DataTable';

export interface OwnerSummary {
  readonly name: string;
  readonly team: string;
  readonly email: string;
  readonly claimIds: readonly string[];
  /** Owned claims not yet done and with no contribution pending: the next step is the owner's (as `sscp show` counts). */
  readonly waitingOnOwner: number;
  /** Contributed claims of theirs waiting for the SRO's review. */
  readonly waitingOnSro: number;
}

/** One row per owner, by the one rule for who an owner is (`groupByOwner`, as `sscp show` lists them), in the order of their first claim. */
export function summariseOwners(
  detail: AssessmentDetail,
  owners: readonly ClaimOwnerView[],
  pending: readonly ContributionReviewView[],
): { readonly owners: readonly OwnerSummary[]; readonly unassignedPending: number } {
  const groups = groupByOwner(owners);
  const owned = new Set(owners.map((o) => o.claimId));
  const summaries = groups.map(({ owner: { name, team, email }, claimIds }) => ({
    name,
    team,
    email,
    claimIds,
    waitingOnOwner: claimIds.filter((c) => isWaitingOnOwner(responseFor(detail, c).status, pending.filter((p) => p.claimId === c).length))
      .length,
    waitingOnSro: pending.filter((p) => claimIds.includes(p.claimId)).length,
  }));
  return { owners: summaries, unassignedPending: pending.filter((p) => !owned.has(p.claimId)).length };
}

/** Who owns what, and what is waiting on whom (docs/contributions.md). */
export function OwnersCard({ detail }: { readonly detail: AssessmentDetail }) {
  const assessmentId = detail.assessment.id;
  const go = useNavigation((s) => s.go);
  // Re-read when the assessment changes: an accepted contribution changes both lists.
  const ownership = useClaimOwnership(assessmentId, detail.assessment.updatedAt);
  const toReview = () => go({ name: 'contributions', assessmentId });
  let body;
  if (ownership.state === 'loading') {
    body = <p className="muted">Reading the claim owners…</p>;
  } else if (ownership.state === 'failed') {
    body = (
      <p className="muted">
        The claim owners could not be read: <OutsideText text={ownership.message} />
      </p>
    );
  } else {
    const { owners, unassignedPending } = summariseOwners(detail, ownership.owners, ownership.pending);
    const totalPending = ownership.pending.length;
    body = (
      <>
        {owners.length === 0 ? (
          <p className="muted">No claims are assigned to an owner yet. Assign them under Claim owners on the Contributions screen.</p>
        ) : (
          <DataTable columns={['Owner', 'Claims', 'Waiting on the owner', 'Waiting on your review']}>
            {owners.map((o) => (
              <tr key={ownerKey(o)}>
                <th scope="row">
                  <OutsideText text={o.name} />
                  {o.team ? (
                    <span className="muted">
                      {', '}
                      <OutsideText text={o.team} />
                    </span>
                  ) : null}
                </th>
                <td>
                  {o.claimIds.map((c) => (
                    <button
                      key={c}
                      type="button"
                      className="button quiet small"
                      onClick={() => go({ name: 'workspace', assessmentId, claimId: c })}
                    >
                      {c}
                    </button>
                  ))}
                </td>
                <td>
                  {o.waitingOnOwner === 0
                    ? 'Nothing'
                    : count(o.waitingOnOwner, 'claim not done, nothing sent', 'claims not done, nothing sent')}
                </td>
                <td>{o.waitingOnSro === 0 ? 'Nothing' : count(o.waitingOnSro, 'contributed claim', 'contributed claims')}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {unassignedPending > 0 ? (
          <p>
            {count(unassignedPending, 'contributed claim has no owner and waits', 'contributed claims have no owner and wait')} for your
            review.
          </p>
        ) : null}
        <div className="button-row">
          <button type="button" className="button" onClick={toReview}>
            {totalPending > 0 ? `Review ${count(totalPending, 'contributed claim', 'contributed claims')}` : 'Open Contributions'}
          </button>
        </div>
      </>
    );
  }
  return (
    <section className="card" aria-labelledby="owners-card-heading">
      <div className="card-header">
        <h2 id="owners-card-heading">Owners</h2>
      </div>
      <div className="card-body section">{body}</div>
    </section>
  );
}
