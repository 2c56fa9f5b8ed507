import { useEffect, useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { attempt } from '../../stores/announcer';
import { filterLibrary, useLibrary } from '../../stores/library';
import { PreviewDialog } from '../workspace/PreviewDialog';
import { EditEvidenceDialog } from './EditEvidenceDialog';
import { LibraryTable } from './LibraryTable';

/** Step 5: every evidence file in the database, where it is used, and its fingerprint and dates. */
export function LibraryScreen() {
  const { items, loaded, query, setQuery, load } = useLibrary();
  const [editing, setEditing] = useState<string | null>(null);
  useEffect(() => {
    void attempt(load);
  }, [load]);
  const shown = filterLibrary(items, query);
  const editingItem = items.find((i) => i.item.id === editing)?.item;
  return (
    <div className="page-inner">
      <PageHeader title="Evidence library" subtitle="Each file is stored once, by its fingerprint, however many claims use it." />
      <div className="card">
        <div className="card-header library-tools">
          <div className="field search-field">
            <label htmlFor="library-search">Find by name</label>
            <input id="library-search" className="input" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="For example: policy" />
          </div>
          <span className="muted" aria-live="polite">
            {loaded ? `${shown.length} of ${items.length} ${items.length === 1 ? 'file' : 'files'}` : 'Loading…'}
          </span>
        </div>
        {loaded && items.length === 0 ? (
          <p className="empty">No evidence yet. Attach files to a claim and they appear here.</p>
        ) : (
          <LibraryTable items={shown} onEdit={setEditing} />
        )}
      </div>
      {editingItem ? <EditEvidenceDialog item={editingItem} onClose={() => setEditing(null)} /> : null}
      <PreviewDialog />
    </div>
  );
}
