import { useMemo } from 'react';
import type { EvidenceLibraryItem } from '../../../shared/ipc/views';
import { plainOptions, SelectField, type SelectOption } from '../../components/SelectField';
import { useLibrary } from '../../stores/library';
import { filterChoices, NO_FILTERS, type ExpiryFilter, type SharingFilter } from './library-view';

const SHARING_OPTIONS: readonly SelectOption<SharingFilter>[] = [
  { value: 'any', label: 'Any' },
  { value: 'confidential', label: 'Confidential' },
  { value: 'shareable', label: 'Shareable' },
];

const EXPIRY_OPTIONS: readonly SelectOption<ExpiryFilter>[] = [
  { value: 'any', label: 'Any' },
  { value: 'expired', label: 'Expired' },
  { value: 'soon', label: 'Expiring in 30 days' },
  { value: 'none', label: 'Never expires' },
];

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
      <SelectField
        id="library-claim"
        label="Claim"
        className="input"
        value={filters.claim}
        options={[{ value: 'any', label: 'Any claim' }, { value: 'unused', label: 'Not linked to any claim' }, ...plainOptions(claims)]}
        onChange={(claim) => setFilters({ claim })}
      />
      <SelectField
        id="library-type"
        label="Type"
        className="input"
        value={filters.type}
        options={[{ value: 'any', label: 'Any type' }, ...plainOptions(types)]}
        onChange={(type) => setFilters({ type })}
      />
      <SelectField
        id="library-sharing"
        label="Sharing"
        className="input"
        value={filters.sharing}
        options={SHARING_OPTIONS}
        onChange={(sharing) => setFilters({ sharing })}
      />
      <SelectField
        id="library-expiry"
        label="Expiry"
        className="input"
        value={filters.expiry}
        options={EXPIRY_OPTIONS}
        onChange={(expiry) => setFilters({ expiry })}
      />
      {filtered ? (
        <button type="button" className="button quiet small" onClick={() => setFilters(NO_FILTERS)}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
