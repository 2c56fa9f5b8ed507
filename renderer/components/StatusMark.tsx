import type { RollupStatus } from '../../shared/domain/rollup';
import { ROLLUP_LABELS } from '../format/labels';
import './StatusMark.css';

/** A result shown by shape and word, so it never depends on colour alone. */
export function StatusMark({
  status,
  showLabel = true,
  decorative = false,
}: {
  readonly status: RollupStatus;
  readonly showLabel?: boolean;
  readonly decorative?: boolean;
}) {
  const label = ROLLUP_LABELS[status];
  // Decorative: the surrounding control already says the status in words.
  if (decorative) {
    return (
      <span className={`status status-${status}`} aria-hidden="true">
        <span className="status-dot" />
      </span>
    );
  }
  return (
    <span className={`status status-${status}`} title={showLabel ? undefined : label}>
      <span className="status-dot" aria-hidden="true" />
      {showLabel ? <span className="status-text">{label}</span> : <span className="visually-hidden">{label}</span>}
    </span>
  );
}
