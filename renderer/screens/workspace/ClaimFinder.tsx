import { actionOwners, isFilterActive, type ClaimFilter } from '../../../shared/domain/claim-filter';
import { CLAIM_RESULTS, WORK_STATUSES, type AssessmentDetail, type ClaimResult, type WorkStatus } from '../../../shared/domain/types';
import { RESULT_LABELS, STATUS_LABELS } from '../../format/labels';
import { filterFor, useClaimFilter } from '../../stores/claim-filter';

const SCOPE_LABELS: Readonly<Record<'in' | 'out', string>> = { in: 'In scope', out: 'Out of scope' };

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
          <div className="field">
            <label htmlFor="filter-result">Result is</label>
            <select
              id="filter-result"
              className="select"
              value={filter.result ?? ''}
              onChange={(e) => change({ result: (e.target.value || null) as ClaimResult | null })}
            >
              <option value="">Any result</option>
              {CLAIM_RESULTS.map((r) => (
                <option key={r} value={r}>
                  {RESULT_LABELS[r]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-status">Work status is</label>
            <select
              id="filter-status"
              className="select"
              value={filter.status ?? ''}
              onChange={(e) => change({ status: (e.target.value || null) as WorkStatus | null })}
            >
              <option value="">Any status</option>
              {WORK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          {owners.length > 0 ? (
            <div className="field">
              <label htmlFor="filter-owner">An action is owned by</label>
              <select
                id="filter-owner"
                className="select"
                value={filter.owner ?? ''}
                onChange={(e) => change({ owner: e.target.value || null })}
              >
                <option value="">Anyone</option>
                {owners.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="filter-scope">Scope for the role</label>
            <select
              id="filter-scope"
              className="select"
              value={filter.scope ?? ''}
              onChange={(e) => change({ scope: (e.target.value || null) as 'in' | 'out' | null })}
            >
              <option value="">In or out of scope</option>
              {(['in', 'out'] as const).map((s) => (
                <option key={s} value={s}>
                  {SCOPE_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
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
