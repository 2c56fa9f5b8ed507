import { useMemo } from 'react';
import type { EvidenceLibraryItem } from '../../../shared/ipc/views';
import { useLibrary } from '../../stores/library';
import { filterChoices, NO_FILTERS, type ExpiryFilter, type SharingFilter } from './library-view';

/** Search by name, and narrow by claim, type, sharing and expiry. */
export function LibraryFilterBar({ items }: { readonly items: readonly EvidenceLibraryItem[] }) {
  const filters = useLibrary((s) => s.filters);
  const setFilters = useLibrary((s) => s.setFilters);
  const { claims, types } = useMemo(() => filterChoices(items), [items]);
  const filtered = filters !== NO_FILTERS && JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  return (
    <div className="card-header library-tools">
      <div className="field search-field">
        <label htmlFor="library-search">Find by name</label>
        <input
          id="library-search"
          className="input"
          type="search"
          value={filters.query}
          onChange={(e) => setFilters({ query: e.target.value })}
          placeholder="For example: policy"
        />
      </div>
      <div className="field">
        <label htmlFor="library-claim">Claim</label>
        <select id="library-claim" className="input" value={filters.claim} onChange={(e) => setFilters({ claim: e.target.value })}>
          <option value="any">Any claim</option>
          <option value="unused">Not linked to any claim</option>
          {claims.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="library-type">Type</label>
        <select id="library-type" className="input" value={filters.type} onChange={(e) => setFilters({ type: e.target.value })}>
          <option value="any">Any type</option>
          {types.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="library-sharing">Sharing</label>
        <select
          id="library-sharing"
          className="input"
          value={filters.sharing}
          onChange={(e) => setFilters({ sharing: e.target.value as SharingFilter })}
        >
          <option value="any">Any</option>
          <option value="confidential">Confidential</option>
          <option value="shareable">Shareable</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="library-expiry">Expiry</label>
        <select
          id="library-expiry"
          className="input"
          value={filters.expiry}
          onChange={(e) => setFilters({ expiry: e.target.value as ExpiryFilter })}
        >
          <option value="any">Any</option>
          <option value="expired">Expired</option>
          <option value="soon">Expiring in 30 days</option>
          <option value="none">Never expires</option>
        </select>
      </div>
      {filtered ? (
        <button type="button" className="button quiet small" onClick={() => setFilters(NO_FILTERS)}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
