import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { EvidenceLibraryItem } from '../../../shared/ipc/views';
import { OutsideText } from '../../components/OutsideText';
import { ProgressBar } from '../../components/ProgressBar';
import { formatBytes, formatDate, formatInstantDate, shortHash } from '../../format/numbers';
import { attempt } from '../../stores/announcer';
import { useLibrary } from '../../stores/library';
import { useNavigation } from '../../stores/navigation';
import { fileType, type LibrarySort, type SortKey } from './library-view';

/** A compact row's height before it is measured (a long name wraps onto more lines). */
export const ROW_ESTIMATE = 44;
/** The list's height before the browser has laid it out (and in tests, where nothing is laid out). */
const INITIAL_VIEWPORT = { width: 1200, height: 640 };

const COLUMNS: readonly { readonly key: SortKey | null; readonly label: string }[] = [
  { key: 'name', label: 'File' },
  { key: 'claim', label: 'Used by' },
  { key: 'type', label: 'Type' },
  { key: 'size', label: 'Size' },
  { key: 'added', label: 'Added' },
  { key: 'expiry', label: 'Expires' },
  { key: 'confidentiality', label: 'Sharing' },
  { key: null, label: 'Actions' },
];

interface TableProps {
  readonly items: readonly EvidenceLibraryItem[];
  /** How many files the whole library holds, whatever the filters show. */
  readonly total: number;
  readonly onEdit: (evidenceId: string) => void;
}

/**
 * The library as an ARIA grid that renders only the rows in view: thousands of files scroll as
 * smoothly as ten. Arrow keys move between rows (Home/End to the ends), Space selects the
 * focused row, Shift+Space or Shift-click selects a range.
 */
export function LibraryTable({ items, total, onEdit }: TableProps) {
  const sort = useLibrary((s) => s.sort);
  const sortBy = useLibrary((s) => s.sortBy);
  const selected = useLibrary((s) => s.selected);
  const toggle = useLibrary((s) => s.toggle);
  const select = useLibrary((s) => s.select);
  const clearSelection = useLibrary((s) => s.clearSelection);
  const replacing = useLibrary((s) => s.replacing);
  const allItems = useLibrary((s) => s.items);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState(0);
  const focusAfterRender = useRef(false);

  const order = useMemo(() => items.map((i) => i.item.id), [items]);
  // A replaced file stays for the assessments already signed with it; say which is which.
  const { replacedBy, names } = useMemo(() => {
    const names = new Map(allItems.map((i) => [i.item.id, i.item.fileName]));
    const replacedBy = new Map<string, string>();
    for (const i of allItems) if (i.replacesId) replacedBy.set(i.replacesId, i.item.fileName);
    return { replacedBy, names };
  }, [allItems]);

  // The React Compiler would leave this component unmemoised because the virtualiser's functions change
  // every render; the app is not built with the compiler, and the list re-renders only the rows in view.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    initialRect: INITIAL_VIEWPORT,
    // A list not laid out yet (or in a test's DOM) still renders its first screen of rows.
    observeElementRect: (instance, cb) => observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : INITIAL_VIEWPORT)),
    getItemKey: (index) => order[index] ?? index,
    // Laid-out rows report their real height; where nothing is laid out, the estimate stands.
    measureElement: (el) => el.getBoundingClientRect().height || ROW_ESTIMATE,
  });

  const row = Math.min(focused, Math.max(items.length - 1, 0));
  useEffect(() => {
    if (!focusAfterRender.current) return;
    // A row far away is rendered only once the list has scrolled to it: wait for that render.
    const target = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${row}"]`);
    if (!target) return;
    focusAfterRender.current = false;
    target.focus();
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(items.length - 1, index));
    setFocused(next);
    focusAfterRender.current = true;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight || INITIAL_VIEWPORT.height) / ROW_ESTIMATE) - 1);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.target instanceof HTMLElement) || e.target.getAttribute('role') !== 'row') return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(row + 1),
      ArrowUp: () => moveTo(row - 1),
      PageDown: () => moveTo(row + page),
      PageUp: () => moveTo(row - page),
      Home: () => moveTo(0),
      End: () => moveTo(items.length - 1),
      ' ': () => toggle(order[row]!, order, e.shiftKey),
    };
    const action = keys[e.key];
    if (!action || items.length === 0) return;
    e.preventDefault();
    action();
  };

  const onToggle = useCallback((id: string, range: boolean) => toggle(id, order, range), [toggle, order]);
  const allShownSelected = items.length > 0 && order.every((id) => selected.has(id));
  const someShownSelected = !allShownSelected && order.some((id) => selected.has(id));

  return (
    <div
      className="library-grid"
      role="grid"
      tabIndex={-1}
      aria-label="Evidence files"
      aria-rowcount={items.length + 1}
      aria-multiselectable="true"
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="library-head">
        <div role="row" aria-rowindex={1} className="library-row">
          <div role="columnheader" className="library-check">
            <input
              type="checkbox"
              aria-label={`Select all ${items.length} files shown`}
              checked={allShownSelected}
              ref={(el) => {
                if (el) el.indeterminate = someShownSelected;
              }}
              disabled={items.length === 0}
              onChange={() => (allShownSelected ? clearSelection() : select(order))}
            />
          </div>
          {COLUMNS.map((c) => (
            <SortHeader key={c.label} column={c} sort={sort} onSort={sortBy} />
          ))}
        </div>
      </div>
      <div ref={scrollRef} role="rowgroup" className="library-body">
        <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const entry = items[v.index]!;
            return (
              <LibraryRow
                key={v.key}
                ref={virtualizer.measureElement}
                index={v.index}
                start={v.start}
                entry={entry}
                isSelected={selected.has(entry.item.id)}
                isFocusable={v.index === row}
                replacedBy={replacedBy.get(entry.item.id) ?? null}
                replaces={entry.replacesId ? (names.get(entry.replacesId) ?? null) : null}
                replacing={replacing?.evidenceId === entry.item.id ? replacing : null}
                anyReplacing={replacing !== null}
                onToggle={onToggle}
                onFocusRow={setFocused}
                onEdit={onEdit}
              />
            );
          })}
        </div>
      </div>
      {items.length === 0 && total > 0 ? <p className="empty">No file matches these filters.</p> : null}
    </div>
  );
}

function SortHeader({
  column,
  sort,
  onSort,
}: {
  readonly column: (typeof COLUMNS)[number];
  readonly sort: LibrarySort;
  readonly onSort: (key: SortKey) => void;
}) {
  if (column.key === null) {
    return (
      <div role="columnheader">
        <span className="visually-hidden">{column.label}</span>
      </div>
    );
  }
  const key = column.key;
  const active = sort.key === key;
  return (
    <div role="columnheader" aria-sort={active ? sort.direction : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(key)}>
        {column.label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
        </span>
      </button>
    </div>
  );
}

interface RowProps {
  readonly index: number;
  readonly start: number;
  readonly entry: EvidenceLibraryItem;
  readonly isSelected: boolean;
  readonly isFocusable: boolean;
  readonly replacedBy: string | null;
  readonly replaces: string | null;
  readonly replacing: { readonly done: number; readonly total: number } | null;
  readonly anyReplacing: boolean;
  readonly onToggle: (evidenceId: string, range: boolean) => void;
  readonly onFocusRow: (index: number) => void;
  readonly onEdit: (evidenceId: string) => void;
  readonly ref: (el: HTMLDivElement | null) => void;
}

/** One file; re-rendered only when its own item, selection or focus changes. */
const LibraryRow = memo(function LibraryRow({
  index,
  start,
  entry,
  isSelected,
  isFocusable,
  replacedBy,
  replaces,
  replacing,
  anyReplacing,
  onToggle,
  onFocusRow,
  onEdit,
  ref,
}: RowProps) {
  const { item, usedBy } = entry;
  const go = useNavigation((s) => s.go);
  const showPreview = useLibrary((s) => s.showPreview);
  const replace = useLibrary((s) => s.replace);
  const onCheck = (e: MouseEvent<HTMLInputElement>) => onToggle(item.id, e.shiftKey);
  return (
    <div
      ref={ref}
      role="row"
      data-index={index}
      aria-rowindex={index + 2}
      aria-selected={isSelected}
      tabIndex={isFocusable ? 0 : -1}
      className={`library-row${isSelected ? ' selected' : ''}`}
      style={{ transform: `translateY(${start}px)` }}
      onFocus={(e) => {
        if (e.target === e.currentTarget) onFocusRow(index);
      }}
    >
      <div role="gridcell" className="library-check">
        <input
          type="checkbox"
          checked={isSelected}
          onClick={onCheck}
          onChange={() => undefined}
          aria-label={`Select ${item.fileName}`}
          tabIndex={-1}
        />
      </div>
      <div role="gridcell" className="library-name">
        <div className="evidence-name" title={item.fileName}>
          <OutsideText text={item.fileName} />
        </div>
        <div className="muted">
          <span className="mono" title={`SHA-256 ${item.sha256}`}>
            {shortHash(item.sha256)}
          </span>
          {item.description ? ` · ${item.description}` : ''}
          {item.effectiveDate ? ` · effective ${formatDate(item.effectiveDate)}` : ''}
        </div>
        {replacedBy ? <span className="badge">Older version, replaced by {replacedBy}</span> : null}
        {replaces ? <span className="badge draft">Newer version of {replaces}</span> : null}
        {replacing ? <ProgressBar done={replacing.done} total={replacing.total} label={`Replacing ${item.fileName}`} /> : null}
      </div>
      <div role="gridcell" className="library-used">
        {usedBy.length === 0 ? (
          <span className="muted">Not linked</span>
        ) : (
          usedBy.map((u) => (
            <button
              key={`${u.assessmentId}-${u.claimId}`}
              type="button"
              className="button quiet small"
              title={u.organisation}
              onClick={() => go({ name: 'workspace', assessmentId: u.assessmentId, claimId: u.claimId })}
            >
              {u.claimId}
            </button>
          ))
        )}
      </div>
      <div role="gridcell">{fileType(item.fileName)}</div>
      <div role="gridcell" className="numeric">
        {formatBytes(item.size)}
      </div>
      <div role="gridcell">{formatInstantDate(item.addedAt)}</div>
      <div role="gridcell">{formatDate(item.expiryDate, 'Never')}</div>
      <div role="gridcell">
        {item.confidential ? <span className="badge warning">Confidential</span> : <span className="badge">Shareable</span>}
      </div>
      <div role="gridcell" className="library-actions">
        <button
          type="button"
          className="button small"
          onClick={() => void attempt(() => showPreview(item.id))}
          aria-label={`Preview ${item.fileName}`}
        >
          Preview
        </button>
        <button type="button" className="button small" onClick={() => onEdit(item.id)} aria-label={`Edit details of ${item.fileName}`}>
          Details
        </button>
        <button
          type="button"
          className="button small"
          disabled={anyReplacing}
          onClick={() => void attempt(() => replace(item.id))}
          aria-label={`Replace ${item.fileName} with a newer version`}
        >
          Replace…
        </button>
      </div>
    </div>
  );
});
