import type { EvidenceLibraryItem } from '../../../shared/ipc/views';
import { ProgressBar } from '../../components/ProgressBar';
import { formatBytes, formatDate, shortHash } from '../../format/numbers';
import { attempt } from '../../stores/announcer';
import { useLibrary } from '../../stores/library';
import { useNavigation } from '../../stores/navigation';
import { OutsideText } from '../../components/OutsideText';

export function LibraryTable({ items, onEdit }: { readonly items: readonly EvidenceLibraryItem[]; readonly onEdit: (evidenceId: string) => void }) {
  const { replace, replacing, showPreview } = useLibrary();
  const go = useNavigation((s) => s.go);
  // A replaced file stays for the assessments already signed with it; say which is which.
  const replacedBy = new Map(items.filter((i) => i.replacesId).map((i) => [i.replacesId!, i.item.fileName]));
  const names = new Map(items.map((i) => [i.item.id, i.item.fileName]));
  return (
    <table className="table library-table">
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Used by</th>
          <th scope="col">Fingerprint</th>
          <th scope="col">Effective</th>
          <th scope="col">Expires</th>
          <th scope="col">Sharing</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map(({ item, usedBy, replacesId }) => (
          <tr key={item.id}>
            <td>
              <div className="evidence-name"><OutsideText text={item.fileName} /></div>
              <div className="muted">{formatBytes(item.size)}{item.description ? ` · ${item.description}` : ''}</div>
              {replacedBy.has(item.id) ? <span className="badge">Older version, replaced by {replacedBy.get(item.id)}</span> : null}
              {replacesId && names.has(replacesId) ? <span className="badge draft">Newer version of {names.get(replacesId)}</span> : null}
              {replacing?.evidenceId === item.id ? <ProgressBar done={replacing.done} total={replacing.total} label={`Replacing ${item.fileName}`} /> : null}
            </td>
            <td>
              {usedBy.length === 0 ? (
                <span className="muted">Not linked</span>
              ) : (
                <ul className="used-by">
                  {usedBy.map((u) => (
                    <li key={`${u.assessmentId}-${u.claimId}`}>
                      <button type="button" className="button quiet small" onClick={() => go({ name: 'workspace', assessmentId: u.assessmentId, claimId: u.claimId })}>
                        {u.claimId}
                      </button>
                      <span className="muted">{u.organisation}</span>
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td>
              <span className="mono" title={`SHA-256 ${item.sha256}`}>
                {shortHash(item.sha256)}
              </span>
            </td>
            <td>{formatDate(item.effectiveDate)}</td>
            <td>{formatDate(item.expiryDate, 'Never')}</td>
            <td>{item.confidential ? <span className="badge warning">Confidential</span> : <span className="badge">Shareable</span>}</td>
            <td>
              <div className="button-row">
                <button type="button" className="button small" onClick={() => void attempt(() => showPreview(item.id))} aria-label={`Preview ${item.fileName}`}>
                  Preview
                </button>
                <button type="button" className="button small" onClick={() => onEdit(item.id)} aria-label={`Edit details of ${item.fileName}`}>
                  Details
                </button>
                <button type="button" className="button small" disabled={replacing !== null} onClick={() => void attempt(() => replace(item.id))} aria-label={`Replace ${item.fileName} with a newer version`}>
                  Replace…
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
