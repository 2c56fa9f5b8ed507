import type { AssessmentListItem } from '../../../shared/ipc/views';
import { ProgressBar } from '../../components/ProgressBar';
import { ORIGIN_LABELS, STATE_LABELS } from '../../format/labels';
import { formatInstant, formatPeriod } from '../../format/numbers';
import { useNavigation } from '../../stores/navigation';
import { ArchiveButton } from './ArchiveButton';
import { CarryForwardButton } from './CarryForwardButton';
import { DataTable } from '../../components/DataTable';

export function AssessmentTable({
  items,
  onArchiveChange,
}: {
  readonly items: readonly AssessmentListItem[];
  readonly onArchiveChange?: (archived: boolean) => void;
}) {
  const go = useNavigation((s) => s.go);
  return (
    <DataTable columns={['Organisation', 'Period', 'State', 'Assessed', 'Last changed', { hidden: 'Next steps' }]}>
      {items.map(({ assessment: a, completeness: c, unverifiedSigner }) => (
        <tr key={a.id}>
          <td>
            {/* Rows often share the organisation: the period and state tell them apart when heard. */}
            <button
              type="button"
              className="button quiet"
              aria-describedby={`period-${a.id} state-${a.id}`}
              onClick={() => go({ name: 'workspace', assessmentId: a.id, claimId: null })}
            >
              {a.organisation}
            </button>
            <div className="muted">{a.products.length > 0 ? a.products.join(', ') : 'All products'}</div>
          </td>
          <td id={`period-${a.id}`}>{formatPeriod(a.periodStart, a.periodEnd)}</td>
          <td>
            <div className="badge-stack" id={`state-${a.id}`}>
              <span className={`badge ${a.state}`}>{STATE_LABELS[a.state]}</span>
              {a.state === 'archived' && a.signedAt ? <span className="badge signed">{STATE_LABELS.signed}</span> : null}
              <span className="badge">{ORIGIN_LABELS[a.origin]}</span>
              {unverifiedSigner ? (
                <span className="badge warning" title={`Signer not verified: certificate SHA-256 ${unverifiedSigner.signerFingerprint}`}>
                  Unverified signer
                </span>
              ) : null}
            </div>
          </td>
          <td className="completeness-cell">
            <ProgressBar
              done={c.assessed}
              total={c.inScope}
              label={`${a.organisation}: claims assessed`}
              tone={c.assessed === c.inScope ? 'met' : 'accent'}
            />
            <span className="muted">
              {c.assessed} of {c.inScope} claims
            </span>
          </td>
          <td className="muted">{formatInstant(a.updatedAt)}</td>
          <td>
            <div className="button-row">
              {/* Archived after signing is still a signed period: the next one can start from it. */}
              {a.state === 'signed' || a.signedAt ? <CarryForwardButton assessment={a} /> : null}
              <ArchiveButton assessment={a} {...(onArchiveChange ? { onDone: onArchiveChange } : {})} />
            </div>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
