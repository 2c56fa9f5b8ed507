import { useEffect, useRef } from 'react';
import { useSession } from '../../stores/session';
import { attempt } from '../../stores/announcer';
import { useAssessments } from '../../stores/assessments';
import { PageHeader } from '../../components/PageHeader';
import { Icon } from '../../components/Icon';
import { useNavigation } from '../../stores/navigation';
import { AssessmentTable } from './AssessmentTable';
import { RecentDatabases } from './RecentDatabases';
import { Welcome } from './Welcome';
import './start.css';

/** Step 1: the assessments in this database, and where to go next. */
export function StartScreen() {
  const dbPath = useSession((s) => s.dbPath);
  const { items, loaded, load, showArchived, setShowArchived } = useAssessments();
  const toggleRef = useRef<HTMLInputElement>(null);
  const go = useNavigation((s) => s.go);
  const chooseDatabase = useSession((s) => s.chooseDatabase);

  useEffect(() => {
    if (dbPath) void attempt(load);
  }, [dbPath, load]);

  if (!dbPath) return <Welcome />;
  const archivedCount = items.filter((i) => i.assessment.state === 'archived').length;
  const shown = showArchived ? items : items.filter((i) => i.assessment.state !== 'archived');
  // An archived row leaves the list: keep keyboard focus on the page, on the toggle that brings it back.
  const afterArchiveChange = (archived: boolean) => {
    if (archived && !showArchived) requestAnimationFrame(() => toggleRef.current?.focus());
  };
  return (
    <div className="page-inner">
      <PageHeader
        title="Assessments"
        subtitle="Each assessment covers one period of your organisation's software security, ready to sign and send as an evidence pack."
        actions={
          <>
            <button type="button" className="button" onClick={() => void attempt(chooseDatabase)}>
              <Icon name="database" /> Open other assessments…
            </button>
            <button type="button" className="button" onClick={() => go({ name: 'import' })}>
              <Icon name="import" /> Import a pack or form
            </button>
            <button type="button" className="button primary" onClick={() => go({ name: 'new-assessment' })}>
              <Icon name="plus" /> New assessment
            </button>
          </>
        }
      />
      <section className="card" aria-labelledby="assessments-heading">
        <div className="card-header">
          <h2 id="assessments-heading">In this file</h2>
          <div className="button-row">
            {archivedCount > 0 ? (
              <label className="checkbox-row">
                <input ref={toggleRef} type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
                <span>Show archived ({archivedCount})</span>
              </label>
            ) : null}
            <span className="muted">{loaded ? describeCount(shown.length, showArchived ? 0 : archivedCount) : 'Loading…'}</span>
          </div>
        </div>
        {loaded && items.length === 0 ? (
          <div className="empty">
            <p>There are no assessments yet.</p>
            <button type="button" className="button primary" onClick={() => go({ name: 'new-assessment' })}>
              Start your first assessment
            </button>
          </div>
        ) : loaded && shown.length === 0 ? (
          <div className="empty">
            <p>Every assessment in this file is archived. Tick Show archived to see them, or start a new one.</p>
          </div>
        ) : (
          <AssessmentTable items={shown} onArchiveChange={afterArchiveChange} />
        )}
      </section>
      <RecentDatabases exclude={dbPath} />
    </div>
  );
}

function describeCount(listed: number, hidden: number): string {
  const count = `${listed} ${listed === 1 ? 'assessment' : 'assessments'}`;
  return hidden > 0 ? `${count}, ${hidden} archived hidden` : count;
}
