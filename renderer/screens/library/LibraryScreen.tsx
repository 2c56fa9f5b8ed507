import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { attempt } from '../../stores/announcer';
import { useLibrary } from '../../stores/library';
import { PreviewDialog } from '../workspace/PreviewDialog';
import { BulkDialog, type BulkAction } from './BulkDialogs';
import { EditEvidenceDialog } from './EditEvidenceDialog';
import { LibraryFilterBar } from './LibraryFilterBar';
import { LibraryTable } from './LibraryTable';
import { viewLibrary } from './library-view';
import { RemoveDialog } from './RemoveDialog';
import './library.css';

/** Step 5: every evidence file in the database, where it is used, and its fingerprint and dates. */
export function LibraryScreen() {
  const items = useLibrary((s) => s.items);
  const loaded = useLibrary((s) => s.loaded);
  const load = useLibrary((s) => s.load);
  const filters = useLibrary((s) => s.filters);
  const sort = useLibrary((s) => s.sort);
  const selected = useLibrary((s) => s.selected);
  const select = useLibrary((s) => s.select);
  const clearSelection = useLibrary((s) => s.clearSelection);
  const [editing, setEditing] = useState<string | null>(null);
  const [bulk, setBulk] = useState<BulkAction | null>(null);
  const [removing, setRemoving] = useState<{ readonly ids: readonly string[]; readonly fileName?: string } | null>(null);
  useEffect(() => {
    void attempt(load);
  }, [load]);
  // Typing in the search box stays instant; the list catches up when the browser has time.
  const deferredFilters = useDeferredValue(filters);
  const shown = useMemo(() => viewLibrary(items, deferredFilters, sort), [items, deferredFilters, sort]);
  const editingItem = editing ? items.find((i) => i.item.id === editing)?.item : undefined;
  const count = selected.size;
  const hiddenSelected = count - shown.filter((i) => selected.has(i.item.id)).length;
  return (
    <div className="page-inner">
      <PageHeader title="Evidence library" subtitle="Each file is stored once, by its fingerprint, however many claims use it." />
      <div className="card library-card">
        <LibraryFilterBar items={items} />
        <div className="library-status">
          <span className="muted" aria-live="polite">
            {loaded ? `${shown.length} of ${items.length} ${items.length === 1 ? 'file' : 'files'}` : 'Loading…'}
          </span>
          {shown.length > 0 && shown.length < items.length ? (
            <button type="button" className="button quiet small" onClick={() => select(shown.map((i) => i.item.id))}>
              Select all {shown.length} matching
            </button>
          ) : null}
        </div>
        {count > 0 ? (
          <div className="library-bulk" role="toolbar" aria-label="Actions on the selected files">
            <strong aria-live="polite">
              {count} selected{hiddenSelected > 0 ? ` (${hiddenSelected} hidden by the filters)` : ''}
            </strong>
            <button type="button" className="button small" onClick={() => setBulk('link')}>
              Link to a claim…
            </button>
            <button type="button" className="button small" onClick={() => setBulk('expiry')}>
              Set expiry…
            </button>
            <button type="button" className="button small" onClick={() => setBulk('confidential')}>
              Mark confidential…
            </button>
            <button type="button" className="button small" onClick={() => setBulk('shareable')}>
              Mark shareable…
            </button>
            <button type="button" className="button small danger" onClick={() => setRemoving({ ids: [...selected] })}>
              Remove from library…
            </button>
            <button type="button" className="button quiet small" onClick={clearSelection}>
              Clear selection
            </button>
          </div>
        ) : null}
        {loaded && items.length === 0 ? (
          <p className="empty">No evidence yet. Attach files to a claim and they appear here.</p>
        ) : (
          <LibraryTable items={shown} total={items.length} onEdit={setEditing} />
        )}
      </div>
      {editingItem ? (
        <EditEvidenceDialog
          item={editingItem}
          onClose={() => setEditing(null)}
          onRemove={() => {
            setEditing(null);
            setRemoving({ ids: [editingItem.id], fileName: editingItem.fileName });
          }}
        />
      ) : null}
      {removing ? (
        <RemoveDialog
          evidenceIds={removing.ids}
          {...(removing.fileName !== undefined ? { fileName: removing.fileName } : {})}
          onClose={() => setRemoving(null)}
        />
      ) : null}
      {bulk && count > 0 ? <BulkDialog action={bulk} count={count} onClose={() => setBulk(null)} /> : null}
      <PreviewDialog />
    </div>
  );
}
