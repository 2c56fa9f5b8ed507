import { actionOwners, isFilterActive, type ClaimFilter } from '../../../shared/domain/claim-filter';
import { CLAIM_RESULTS, WORK_STATUSES, type AssessmentDetail, type ClaimResult, type WorkStatus } from '../../../shared/domain/types';
import { RESULT_LABELS, STATUS_LABELS } from '../../format/labels';
import { filterFor, useClaimFilter } from '../../stores/claim-filter';
import { plainOptions, SelectField, type SelectOption } from '../../components/SelectField';

// Each filter's first choice, '', is "any": no filter on that field.
const RESULT_OPTIONS: readonly SelectOption<ClaimResult | ''>[] = [
  { value: '', label: 'Any result' },
  ...CLAIM_RESULTS.map((r) => ({ value: r, label: RESULT_LABELS[r] })),
];
const STATUS_OPTIONS: readonly SelectOption<WorkStatus | ''>[] = [
  { value: '', label: 'Any status' },
  ...WORK_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
];
const SCOPE_OPTIONS: readonly SelectOption<'in' | 'out' | ''>[] = [
  { value: '', label: 'In or out of scope' },
  { value: 'in', label: 'In scope' },
  { value: 'out', label: 'Out of scope' },
];

function countOn(filter: ClaimFilter): number {
  return [filter.result, filter.status, filter.owner, filter.scope].filter((v) => v !== null).length + (filter.expiring ? 1 : 0);
}

/** Search and filters over the claim list, with how many claims they leave ("12 of 45 claims"). */
export function ClaimFinder({
  detail,
  shown,
  total,
}: {
  readonly detail: AssessmentDetail;
  readonly shown: number;
  readonly total: number;
}) {
  const id = detail.assessment.id;
  const filter = useClaimFilter((s) => filterFor(s, id));
  const setFilter = useClaimFilter((s) => s.set);
  const clear = useClaimFilter((s) => s.clear);
  const owners = actionOwners(detail);
  const on = countOn(filter);
  const change = (patch: Partial<ClaimFilter>) => setFilter(id, patch);

  return (
    <div className="claim-finder" role="search" aria-label="Find claims">
      <div className="field">
        <label htmlFor="claim-search">Find a claim</label>
        <input
          id="claim-search"
          className="input"
          type="search"
          aria-keyshortcuts="/"
          placeholder="Number or words"
          value={filter.query}
          onChange={(e) => change({ query: e.target.value })}
          onKeyDown={(e) => {
            // Enter opens the first match: search, Enter, answer.
            if (e.key === 'Enter') document.querySelector<HTMLButtonElement>('.nav-list button.nav-claim')?.click();
          }}
        />
      </div>
      <details className="finder-filters" open={on > 0 ? true : undefined}>
        <summary>Filters{on > 0 ? ` (${on} on)` : ''}</summary>
        <div className="finder-grid">
          <SelectField
            id="filter-result"
            label="Result is"
            value={filter.result ?? ''}
            options={RESULT_OPTIONS}
            onChange={(result) => change({ result: result || null })}
          />
          <SelectField
            id="filter-status"
            label="Work status is"
            value={filter.status ?? ''}
            options={STATUS_OPTIONS}
            onChange={(status) => change({ status: status || null })}
          />
          {owners.length > 0 ? (
            <SelectField
              id="filter-owner"
              label="An action is owned by"
              value={filter.owner ?? ''}
              options={[{ value: '', label: 'Anyone' }, ...plainOptions(owners)]}
              onChange={(owner) => change({ owner: owner || null })}
            />
          ) : null}
          <SelectField
            id="filter-scope"
            label="Scope for the role"
            value={filter.scope ?? ''}
            options={SCOPE_OPTIONS}
            onChange={(scope) => change({ scope: scope || null })}
          />
          <label className="checkbox-row finder-check">
            <input type="checkbox" checked={filter.expiring} onChange={(e) => change({ expiring: e.target.checked })} />
            Evidence expiring before the period ends
          </label>
        </div>
      </details>
      <div className="finder-count">
        <span aria-live="polite" aria-atomic="true" data-testid="claim-count">
          {isFilterActive(filter) ? `${shown} of ${total} claims` : `${total} claims`}
        </span>
        {isFilterActive(filter) ? (
          <button type="button" className="button quiet small" onClick={clear}>
            Clear search and filters
          </button>
        ) : null}
      </div>
    </div>
  );
}
