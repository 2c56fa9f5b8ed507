import { useEffect, useState } from 'react';
import { Modal } from '../../components/Modal';
import { formatBytes, formatDate, shortHash } from '../../format/numbers';
import { attempt } from '../../stores/announcer';
import { useAttachments } from '../../stores/attachments';
import { filterLibrary, useLibrary } from '../../stores/library';
import { OutsideText } from '../../components/OutsideText';

/** Reuse a file already in the library (a policy that backs several claims) without copying it again. */
export function LinkEvidenceDialog(props: {
  readonly claimId: string;
  readonly alreadyLinked: ReadonlySet<string>;
  readonly onClose: () => void;
}) {
  const { items, load } = useLibrary();
  const [query, setQuery] = useState('');
  const link = useAttachments((s) => s.link);
  useEffect(() => {
    void attempt(load);
  }, [load]);
  const candidates = filterLibrary(items, query).filter((i) => !props.alreadyLinked.has(i.item.id));
  return (
    <Modal
      title={`Link evidence to claim ${props.claimId}`}
      onClose={props.onClose}
      footer={
        <button type="button" className="button" onClick={props.onClose}>
          Done
        </button>
      }
    >
      <div className="field">
        <label htmlFor="link-search">Find by name</label>
        <input id="link-search" className="input" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      {candidates.length === 0 ? (
        <p className="empty">{items.length === 0 ? 'The library is empty: attach a file first.' : 'No other files match.'}</p>
      ) : (
        <ul className="evidence-list">
          {candidates.map(({ item }) => (
            <li key={item.id} className="evidence-item">
              <div className="evidence-main">
                <span className="evidence-name">
                  <OutsideText text={item.fileName} />
                </span>
                <span className="muted evidence-meta">
                  {formatBytes(item.size)} · <span className="mono">{shortHash(item.sha256)}</span> · expires{' '}
                  {formatDate(item.expiryDate, 'never')}
                </span>
              </div>
              <button
                type="button"
                className="button small primary"
                onClick={() => void attempt(() => link(props.claimId, item.id))}
                aria-label={`Link ${item.fileName}`}
              >
                Link
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
