import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/domain/types';
import type { RecentAuditView } from '../../../shared/ipc/views';
import { call } from '../../ipc/client';
import { describeAuditActor, describeAuditEntry } from '../../../shared/domain/audit-wording';
import { formatInstant } from '../../format/numbers';
import { attempt } from '../../stores/announcer';

const SHOWN = 8;

/** The latest entries of the tamper-evident audit log for this assessment: when, what, and who. */
export function HistoryCard({ assessmentId, updatedAt }: { readonly assessmentId: string; readonly updatedAt: string }) {
  const [history, setHistory] = useState<RecentAuditView | null>(null);
  useEffect(() => {
    // Only the entries shown and the count: an assessment with thousands of files has thousands of entries.
    void attempt(async () => setHistory(await call('assessments.recentAudit', { assessmentId, limit: SHOWN })));
  }, [assessmentId, updatedAt]);
  const entries = history?.entries ?? null;
  return (
    <section className="card" aria-labelledby="history-heading">
      <div className="card-header">
        <h2 id="history-heading">Recent history</h2>
        {history ? <span className="muted">{history.total} recorded changes</span> : null}
      </div>
      {entries && entries.length > 0 ? (
        <ol className="history-list">
          {[...entries].reverse().map((e) => (
            <li key={e.seq}>
              <span className="muted history-time">{formatInstant(e.at)}</span>
              <span>{describeAuditEntry(e)}</span>
              <Who entry={e} />
            </li>
          ))}
        </ol>
      ) : (
        <p className="card-body muted">{entries ? 'Nothing recorded yet.' : 'Loading…'}</p>
      )}
    </section>
  );
}

/** Who made one change; plainly "not recorded" or "unidentified" rather than a name when none is known. */
function Who({ entry }: { readonly entry: AuditEntry }) {
  if (entry.actor === null) {
    return (
      <span className="muted history-who" title="Made before the app recorded who made each change">
        Who: not recorded
      </span>
    );
  }
  if (entry.actor.source === 'unknown') return <span className="muted history-who">Who: unidentified</span>;
  return <span className="history-who">By {describeAuditActor(entry)}</span>;
}
