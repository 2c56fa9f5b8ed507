import type { Completeness } from '../../../shared/domain/completeness';
import type { ClaimCounts } from '../../../shared/domain/rollup';
import type { SignoffBlocker } from '../../../shared/domain/signoff';
import { ProgressBar } from '../../components/ProgressBar';
import { formatInstant } from '../../format/numbers';

export function SummaryTiles(props: {
  readonly progress: Completeness;
  readonly counts: ClaimCounts;
  readonly blockers: readonly SignoffBlocker[];
  readonly openActions: number;
  readonly ready: boolean;
  readonly signedAt: string | null;
}) {
  const { progress, counts } = props;
  const blocking = props.blockers.filter((b) => b.severity === 'blocker').length;
  return (
    <div className="tiles">
      <div className="tile card">
        <span className="tile-label">Claims assessed</span>
        <span className="tile-value">
          {progress.assessed}
          <span className="tile-of"> of {progress.inScope}</span>
        </span>
        <ProgressBar done={progress.assessed} total={progress.inScope} label="Claims assessed" />
      </div>
      <div className="tile card">
        <span className="tile-label">Met</span>
        <span className="tile-value">{counts.met}</span>
        <span className="muted">
          {counts['partially-met']} partially met · {counts['not-met']} not met
        </span>
      </div>
      {props.signedAt ? (
        <div className="tile card">
          <span className="tile-label">Signed</span>
          <span className="tile-value good">Yes</span>
          <span className="muted">{formatInstant(props.signedAt)}</span>
        </div>
      ) : (
        <div className="tile card">
          <span className="tile-label">Ready to sign</span>
          <span className={`tile-value ${props.ready ? 'good' : 'bad'}`}>{props.ready ? 'Yes' : 'Not yet'}</span>
          <span className="muted">
            {blocking === 0 ? 'Nothing blocks signing' : `${blocking} ${blocking === 1 ? 'item blocks' : 'items block'} signing`}
          </span>
        </div>
      )}
      <div className="tile card">
        <span className="tile-label">Open actions</span>
        <span className="tile-value">{props.openActions}</span>
        <span className="muted">
          {progress.done} of {progress.inScope} claims marked done
        </span>
      </div>
    </div>
  );
}
