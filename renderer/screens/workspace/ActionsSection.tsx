import { useState, type FormEvent } from 'react';
import type { AssessmentDetail } from '../../../shared/domain/types';
import { ACTION_STATE_LABELS } from '../../format/labels';
import { DateInput } from '../../components/DateInput';
import { formatDate } from '../../format/numbers';
import { attempt } from '../../stores/announcer';
import { useActions } from '../../stores/actions';
import { DataTable } from '../../components/DataTable';

/** What will be done about a shortfall, by whom and by when. */
export function ActionsSection({
  detail,
  claimId,
  frozen,
}: {
  readonly detail: AssessmentDetail;
  readonly claimId: string;
  readonly frozen: boolean;
}) {
  const actions = detail.actions.filter((a) => a.claimId === claimId);
  const { add, update, remove } = useActions();
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!description.trim()) return;
    await attempt(() => add(claimId, { description: description.trim(), owner: owner.trim(), dueDate: dueDate || null }));
    setDescription('');
    setOwner('');
    setDueDate('');
  };

  return (
    <section className="section" aria-labelledby="actions-heading">
      <h3 id="actions-heading">Remedial actions</h3>
      {actions.length === 0 ? <p className="muted">No remedial actions. Add one for anything not yet fully met.</p> : null}
      {actions.length > 0 ? (
        <DataTable columns={['Action', 'Owner', 'Due', 'State', !frozen ? { hidden: 'Change' } : null]}>
          {actions.map((a) => (
            <tr key={a.id}>
              <td>{a.description}</td>
              <td>{a.owner || '—'}</td>
              <td>{formatDate(a.dueDate, 'No date')}</td>
              <td>
                <span className={`badge ${a.state === 'done' ? 'signed' : 'draft'}`}>{ACTION_STATE_LABELS[a.state]}</span>
              </td>
              {!frozen ? (
                <td className="button-row">
                  <button
                    type="button"
                    className="button small"
                    onClick={() => void attempt(() => update(a.id, { state: a.state === 'open' ? 'done' : 'open' }))}
                  >
                    {a.state === 'open' ? 'Mark done' : 'Reopen'}
                  </button>
                  <button
                    type="button"
                    className="button small danger"
                    onClick={() => void attempt(() => remove(a.id))}
                    aria-label={`Remove action: ${a.description}`}
                  >
                    Remove
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      ) : null}
      {!frozen ? (
        <form className="action-form" onSubmit={(e) => void submit(e)}>
          <div className="field grow">
            <label htmlFor="action-description">New action</label>
            <input id="action-description" className="input" value={description} onChange={(e) => setDescription(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="action-owner">Owner</label>
            <input id="action-owner" className="input" value={owner} onChange={(e) => setOwner(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="action-due">Due date</label>
            <DateInput id="action-due" value={dueDate} onChange={setDueDate} />
          </div>
          <button type="submit" className="button" disabled={!description.trim()}>
            Add action
          </button>
        </form>
      ) : null}
    </section>
  );
}
