import { useState } from 'react';
import type { IntegritySummary, JobProgress } from '../../../shared/ipc/views';
import { ProgressBar } from '../../components/ProgressBar';
import { startJob } from '../../ipc/client';
import { attempt } from '../../stores/announcer';
import { useSession } from '../../stores/session';
import { Banner } from '../../components/Banner';

/** A check for damage: the database itself, the hash-chained audit log, and every evidence file. */
export function DatabaseSection() {
  const dbPath = useSession((s) => s.dbPath);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<IntegritySummary | null>(null);
  if (!dbPath) return null;
  const check = async () => {
    setRunning(true);
    setReport(null);
    try {
      const job = await startJob('workspace.checkIntegrity', {}, setProgress);
      setReport(await job.done);
    } finally {
      setRunning(false);
      setProgress(null);
    }
  };
  return (
    <section className="card card-body section" aria-labelledby="database-heading">
      <div className="section-title">
        <h2 id="database-heading">Assessments and evidence</h2>
        <button type="button" className="button small" disabled={running} onClick={() => void attempt(check)}>
          Check for damage
        </button>
      </div>
      <p className="mono muted">{dbPath}</p>
      {running ? (
        <ProgressBar done={progress?.done ?? 0} total={progress?.total ?? 0} label="Checking your assessments and evidence" />
      ) : null}
      {report ? (
        <Banner
          tone={report.ok ? 'success' : 'error'}
          live="polite"
          title={report.ok ? 'No damage found: your assessments, their history and every evidence file check out.' : 'Problems were found.'}
        >
          {report.problems.map((p) => (
            <span key={p}>{p}</span>
          ))}
        </Banner>
      ) : null}
    </section>
  );
}
