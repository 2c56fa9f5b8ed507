import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
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
const ROW_ESTIMATE = 64;
const VIEWPORT = { width: 800, height: 560 };

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
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 6,
    initialRect: VIEWPORT,
    observeElementRect: (instance, cb) => observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : VIEWPORT)),
    getItemKey: (index) => sorted[index]?.id ?? index,
    measureElement: (el) => el.getBoundingClientRect().height || ROW_ESTIMATE,
    enabled: long,
  });
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
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
  const row = (item: EvidenceItem, index: number, style?: React.CSSProperties, ref?: (el: HTMLLIElement | null) => void) => (
    <EvidenceRow
      key={item.id}
      ref={ref}
      item={item}
      claimId={claimId}
      frozen={frozen}
      index={index}
      setSize={sorted.length}
      style={style}
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
            {virtualizer
              .getVirtualItems()
              .map((v) =>
                row(
                  sorted[v.index]!,
                  v.index,
                  { position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${v.start}px)` },
                  virtualizer.measureElement,
                ),
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
