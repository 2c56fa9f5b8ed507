import type { AssessmentListItem } from '../../../shared/ipc/views';
import { STATE_LABELS } from '../../format/labels';
import { formatPeriod } from '../../format/numbers';

/** How an assessment is named in a list: whose, which period, whether it is signed, and whether its signer was unverified. */
export function assessmentOptionLabel({ assessment: a, unverifiedSigner }: AssessmentListItem): string {
  return `${a.organisation} · ${formatPeriod(a.periodStart, a.periodEnd)} · ${STATE_LABELS[a.state]}${unverifiedSigner ? ' · unverified signer' : ''}`;
}

/** One side of a comparison: a choice among the assessments in the database. */
export function AssessmentPicker({
  id,
  label,
  items,
  value,
  onChoose,
}: {
  readonly id: string;
  readonly label: string;
  readonly items: readonly AssessmentListItem[];
  readonly value: string | null;
  readonly onChoose: (assessmentId: string | null) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="select" value={value ?? ''} onChange={(e) => onChoose(e.target.value || null)}>
        <option value="">Choose…</option>
        {items.map((i) => (
          <option key={i.assessment.id} value={i.assessment.id}>
            {assessmentOptionLabel(i)}
          </option>
        ))}
      </select>
    </div>
  );
}
