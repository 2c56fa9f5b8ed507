import { memo, useState } from 'react';
import type { EvidenceItem } from '../../../shared/domain/types';
import { EditEvidenceDialog } from '../library/EditEvidenceDialog';
import { formatBytes, formatDate, shortHash } from '../../format/numbers';
import { attempt } from '../../stores/announcer';
import { useAttachments } from '../../stores/attachments';
import { useLibrary } from '../../stores/library';
import { Icon } from '../../components/Icon';
import { OutsideText } from '../../components/OutsideText';

interface EvidenceRowProps {
  readonly item: EvidenceItem;
  readonly claimId: string;
  readonly frozen: boolean;
  /** Place in the whole list (which may be rendered only in part), for assistive technology. */
  readonly index: number;
  readonly setSize: number;
  /** Where the row sits in a list that renders only the rows in view (px from its top); absent in a list shown whole. */
  readonly start?: number | undefined;
  /** Whether the row's checkbox is ticked; null when the list offers no selection. */
  readonly selected: boolean | null;
  readonly onToggle: (evidenceId: string) => void;
  readonly ref?: (el: HTMLLIElement | null) => void;
}

/** One file on a claim; re-rendered only when its own item or selection changes. */
export const EvidenceRow = memo(function EvidenceRow({
  item,
  claimId,
  frozen,
  index,
  setSize,
  start,
  selected,
  onToggle,
  ref,
}: EvidenceRowProps) {
  const unlink = useAttachments((s) => s.unlink);
  const showPreview = useLibrary((s) => s.showPreview);
  const [editing, setEditing] = useState(false);
  const style =
    start === undefined
      ? undefined
      : ({ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${start}px)` } as const);
  return (
    <li ref={ref} className="evidence-item" data-index={index} aria-posinset={index + 1} aria-setsize={setSize} style={style}>
      {selected !== null ? (
        <input type="checkbox" checked={selected} onChange={() => onToggle(item.id)} aria-label={`Select ${item.fileName}`} />
      ) : null}
      <div className="evidence-main">
        <span className="evidence-name">
          {item.kind === 'reference' ? 'Reference: ' : null}
          <OutsideText text={item.fileName} />
        </span>
        {item.kind === 'reference' ? (
          <span className="evidence-meta muted">
            Not a file, so no fingerprint · owner {item.owner ? <OutsideText text={item.owner} /> : 'not named'} · dated{' '}
            {formatDate(item.effectiveDate, 'not set')} · expires {formatDate(item.expiryDate, 'never')}
          </span>
        ) : (
          <span className="evidence-meta muted">
            {formatBytes(item.size)} ·{' '}
            <span className="mono" title={`SHA-256 ${item.sha256}`}>
              {shortHash(item.sha256)}
            </span>{' '}
            · effective {formatDate(item.effectiveDate, 'not set')} · expires {formatDate(item.expiryDate, 'never')}
          </span>
        )}
        {item.description ? <span className="evidence-description">{item.description}</span> : null}
      </div>
      <div className="evidence-badges">
        {item.confidential ? <span className="badge warning">Confidential</span> : <span className="badge">Shareable</span>}
        {item.confidential && item.withholdDetails ? (
          <span className="badge warning" title="A pack for customers shows neither its name nor its description">
            Details withheld
          </span>
        ) : null}
        {item.kind === 'file' && !item.present ? <span className="badge danger">Hash only</span> : null}
      </div>
      <div className="button-row">
        {item.kind === 'file' ? (
          <button
            type="button"
            className="button small"
            onClick={() => void attempt(() => showPreview(item.id))}
            aria-label={`Preview ${item.fileName}`}
          >
            <Icon name="eye" /> Preview
          </button>
        ) : null}
        {!frozen ? (
          <button type="button" className="button small" onClick={() => setEditing(true)} aria-label={`Details of ${item.fileName}`}>
            Details
          </button>
        ) : null}
        {!frozen ? (
          <button
            type="button"
            className="button small danger"
            onClick={() => void attempt(() => unlink(claimId, item.id))}
            aria-label={`Remove ${item.fileName} from this claim`}
          >
            Remove
          </button>
        ) : null}
      </div>
      {editing ? (
        <EditEvidenceDialog
          item={item}
          // A saved change reaches the assessment from the reply (stores/library.ts); nothing to read again.
          onClose={() => setEditing(false)}
        />
      ) : null}
    </li>
  );
});
