import { elementScroll, observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EvidenceItem } from '../../../shared/domain/types';
import { Modal } from '../../components/Modal';
import { ModalActions } from '../../components/ModalActions';
import { attempt } from '../../stores/announcer';
import { useAttachments } from '../../stores/attachments';
import { naturalOrder } from '../library/library-view';
import { EvidenceRow } from './EvidenceRow';
import './claim-evidence.css';

/** Up to this many files show as they are; more scroll inside a list that renders only those in view. */
const SHOWN_WHOLE = 20;
/** A row with a name and one line of details, as laid out at the app's usual widths; rows are measured once shown. */
const ROW_ESTIMATE = 80;
const VIEWPORT = { width: 800, height: 560 };

type Rect = { readonly width: number; readonly height: number };

/**
 * The scroll box's size as its ResizeObserver reports it, after the page is laid out: reading it
 * at once, as the library does, would lay out the whole page in the middle of showing the claim.
 * Until then the list takes the size it would usually have. A box not laid out (height 0) keeps that size too.
 */
function observeBoxAfterLayout(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: Rect) => void): (() => void) | undefined {
  const box = instance.scrollElement;
  const report = (rect: Rect) => cb(rect.height > 0 ? rect : VIEWPORT);
  if (!box || typeof ResizeObserver === 'undefined') return observeElementRect(instance, report);
  const observer = new ResizeObserver(() => {
    const { width, height } = box.getBoundingClientRect();
    report({ width: Math.round(width), height: Math.round(height) });
  });
  observer.observe(box);
  return () => observer.disconnect();
}

/**
 * Scrolls the box, except to the top when it has not moved: the library puts a new box at the
 * top as soon as it sees it, a no-op (the browser would not even report it) that lays the page out.
 */
const scrollBox: typeof elementScroll<HTMLDivElement> = (offset, options, instance) => {
  if (offset + (options.adjustments ?? 0) === 0 && (instance.scrollOffset ?? 0) === 0) return;
  elementScroll(offset, options, instance);
};

const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;

/**
 * The files on one claim, in natural name order: a compact list that stays short with 200
 * files, with a checkbox on each, select-all and one-step removal of the selected files.
 */
export function ClaimEvidenceList({
  items,
  claimId,
  frozen,
}: {
  readonly items: readonly EvidenceItem[];
  readonly claimId: string;
  readonly frozen: boolean;
}) {
  const unlinkMany = useAttachments((s) => s.unlinkMany);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const sorted = useMemo(() => [...items].sort((a, b) => naturalOrder.compare(a.fileName, b.fileName) || (a.id < b.id ? -1 : 1)), [items]);
  // Files removed elsewhere (another window, a single Remove) are no longer selected.
  const chosen = sorted.filter((i) => selected.has(i.id)).map((i) => i.id);
  const allSelected = sorted.length > 0 && chosen.length === sorted.length;
  const long = sorted.length > SHOWN_WHOLE;
  // A long list first shows as its box, at the height its rows will take, and gets its rows on
  // the next frame: the claim (its heading, statement and answer) is on screen without waiting
  // for them, and nothing moves when they come. Later changes show at once.
  const [rowsShown, setRowsShown] = useState(!long);
  useEffect(() => {
    if (rowsShown) return;
    const frame = requestAnimationFrame(() => setRowsShown(true));
    return () => cancelAnimationFrame(frame);
  }, [rowsShown]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The React Compiler would leave this component unmemoised because the virtualiser's functions change
  // every render; the app is not built with the compiler, and the list re-renders only the rows in view.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 6,
    initialRect: VIEWPORT,
    observeElementRect: observeBoxAfterLayout,
    scrollToFn: scrollBox,
    getItemKey: (index) => sorted[index]?.id ?? index,
    // Whole pixels, so a row as tall as the estimate changes nothing and sets off no second render.
    measureElement: (el) => Math.round(el.getBoundingClientRect().height) || ROW_ESTIMATE,
    enabled: long,
  });
  // The same function every render, so a row whose file and tick are unchanged does not render again.
  const toggle = useCallback((id: string) => {
    setSelected((now) => {
      const next = new Set(now);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const remove = async () => {
    setBusy(true);
    const done = await attempt(async () => {
      await unlinkMany(claimId, chosen);
      return true;
    });
    setBusy(false);
    if (done) {
      setSelected(new Set());
      setConfirming(false);
    }
  };
  const row = (item: EvidenceItem, index: number, start?: number, ref?: (el: HTMLLIElement | null) => void) => (
    <EvidenceRow
      key={item.id}
      ref={ref}
      item={item}
      claimId={claimId}
      frozen={frozen}
      index={index}
      setSize={sorted.length}
      start={start}
      selected={frozen ? null : selected.has(item.id)}
      onToggle={toggle}
    />
  );
  return (
    <>
      {!frozen && sorted.length > 1 ? (
        <div className="claim-evidence-tools" role="toolbar" aria-label="Actions on this claim's files">
          <label className="checkbox-row">
            <input
              type="checkbox"
              checked={allSelected}
              onChange={() => setSelected(allSelected ? new Set() : new Set(sorted.map((i) => i.id)))}
            />
            <span>Select all {files(sorted.length)}</span>
          </label>
          {chosen.length > 0 ? (
            <button type="button" className="button small danger" onClick={() => setConfirming(true)}>
              Remove {files(chosen.length)} from this claim…
            </button>
          ) : null}
        </div>
      ) : null}
      {long ? (
        <div ref={scrollRef} className="claim-evidence-scroll">
          <ul
            className="evidence-list compact"
            aria-label={`Files on claim ${claimId}`}
            style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
          >
            {(rowsShown ? virtualizer.getVirtualItems() : []).map((v) =>
              row(sorted[v.index]!, v.index, v.start, virtualizer.measureElement),
            )}
          </ul>
        </div>
      ) : (
        <ul className="evidence-list compact" aria-label={`Files on claim ${claimId}`}>
          {sorted.map((item, i) => row(item, i))}
        </ul>
      )}
      {confirming ? (
        <Modal
          title={`Remove ${files(chosen.length)} from claim ${claimId}`}
          onClose={() => setConfirming(false)}
          footer={
            <ModalActions
              onCancel={() => setConfirming(false)}
              onSubmit={() => void remove()}
              busy={busy}
              ready={chosen.length > 0}
              submitLabel={`Remove ${files(chosen.length)}`}
              busyLabel="Removing…"
            />
          }
        >
          <p>
            The {files(chosen.length)} stay in the evidence library and in any other claim that uses them; only their link to claim{' '}
            {claimId} goes. All are removed together, or none if one of them cannot be.
          </p>
        </Modal>
      ) : null}
    </>
  );
}
