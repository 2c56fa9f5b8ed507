import { compareIsoDates } from '../../../shared/domain/dates';
import type { RemedialAction } from '../../../shared/domain/types';
import { formatDate } from '../../format/numbers';
import { useNavigation } from '../../stores/navigation';
import { groupOpenActionsByOwner } from './group-actions';

export function ActionsByOwner({
  actions,
  today,
  assessmentId,
}: {
  readonly actions: readonly RemedialAction[];
  readonly today: string;
  readonly assessmentId: string;
}) {
  const go = useNavigation((s) => s.go);
  const groups = groupOpenActionsByOwner(actions);
  if (groups.length === 0) return <p className="card-body muted">No open remedial actions.</p>;
  return (
    <div className="owner-groups">
      {groups.map((g) => (
        <div key={g.owner} className="owner-group">
          <h3>{g.owner}</h3>
          <ul>
            {g.actions.map((a) => {
              const overdue = a.dueDate !== null && compareIsoDates(a.dueDate, today) < 0;
              return (
                <li key={a.id}>
                  <button
                    type="button"
                    className="button quiet small"
                    onClick={() => go({ name: 'workspace', assessmentId, claimId: a.claimId })}
                  >
                    {a.claimId}
                  </button>
                  <span className="owner-action">{a.description}</span>
                  <span className={overdue ? 'badge danger' : 'muted'}>
                    {overdue ? `Overdue since ${formatDate(a.dueDate)}` : `Due ${formatDate(a.dueDate, 'no date')}`}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}
