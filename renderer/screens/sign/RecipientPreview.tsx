import { evidenceAsRecipientSees } from '../../../shared/domain/recipient-view';
import type { AssessmentDetail } from '../../../shared/domain/types';
import type { PackProfileName } from '../../../shared/ipc/views-signing';
import { OutsideText } from '../../components/OutsideText';
import { formatBytes, shortHash } from '../../format/numbers';
import { DataTable } from '../../components/DataTable';

/**
 * Each evidence item exactly as the pack for the chosen recipient will list it, before
 * signing: the same function builds the pack, so what is shown here is what they get.
 */
export function RecipientPreview({ detail, profile }: { readonly detail: AssessmentDetail; readonly profile: PackProfileName }) {
  const shown = evidenceAsRecipientSees(detail, profile);
  const who = profile === 'customer' ? 'a customer' : 'a certification body';
  return (
    <section className="card span-2" aria-labelledby="recipient-preview-heading">
      <div className="card-header">
        <h2 id="recipient-preview-heading">What {who} will see</h2>
      </div>
      {shown.length === 0 ? (
        <p className="muted">No evidence is attached, so the pack lists none.</p>
      ) : (
        <DataTable columns={['Listed as', 'SHA-256', 'Size', 'In the pack']} label={`Evidence as ${who} will see it`}>
          {shown.map((e) => (
            <tr key={e.evidenceId}>
              <td>
                <div className="evidence-name">
                  {e.kind === 'reference' ? 'Reference: ' : null}
                  <OutsideText text={e.name} />
                </div>
                {e.owner ? (
                  <div className="muted">
                    Owner: <OutsideText text={e.owner} />
                  </div>
                ) : null}
                {e.description ? (
                  <div className="muted">
                    <OutsideText text={e.description} />
                  </div>
                ) : null}
              </td>
              <td>
                {e.sha256 === null ? (
                  <span className="muted">None: not a file</span>
                ) : (
                  <span className="mono" title={`SHA-256 ${e.sha256}`}>
                    {shortHash(e.sha256)}
                  </span>
                )}
              </td>
              <td>{e.size === null ? '—' : formatBytes(e.size)}</td>
              <td>
                {e.kind === 'reference' ? (
                  e.detailsWithheld ? (
                    <span className="badge warning">Withheld: location, description and owner</span>
                  ) : (
                    <span className="badge">Listed as a reference</span>
                  )
                ) : e.embedded ? (
                  <span className="badge">Embedded</span>
                ) : e.detailsWithheld ? (
                  <span className="badge warning">Withheld, name and description too</span>
                ) : (
                  <span className="badge warning">Withheld, listed by name and hash</span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
