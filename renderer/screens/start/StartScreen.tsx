import { useEffect } from 'react';
import { useSession } from '../../stores/session';
import { attempt } from '../../stores/announcer';
import { useAssessments } from '../../stores/assessments';
import { PageHeader } from '../../components/PageHeader';
import { Icon } from '../../components/Icon';
import { useNavigation } from '../../stores/navigation';
import { AssessmentTable } from './AssessmentTable';
import { RecentDatabases } from './RecentDatabases';
import { Welcome } from './Welcome';

/** Step 1: the assessments in this database, and where to go next. */
export function StartScreen() {
  const dbPath = useSession((s) => s.dbPath);
  const { items, loaded, load } = useAssessments();
  const go = useNavigation((s) => s.go);
  const chooseDatabase = useSession((s) => s.chooseDatabase);

  useEffect(() => {
    if (dbPath) void attempt(load);
  }, [dbPath, load]);

  if (!dbPath) return <Welcome />;
  return (
    <div className="page-inner">
      <PageHeader
        title="Assessments"
        subtitle="Each assessment covers one period of your organisation's software security, ready to sign and send as an evidence pack."
        actions={
          <>
            <button type="button" className="button" onClick={() => void attempt(chooseDatabase)}>
              <Icon name="database" /> Switch database
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
          <h2 id="assessments-heading">In this database</h2>
          <span className="muted">{loaded ? `${items.length} ${items.length === 1 ? 'assessment' : 'assessments'}` : 'Loading…'}</span>
        </div>
        {loaded && items.length === 0 ? (
          <div className="empty">
            <p>There are no assessments yet.</p>
            <button type="button" className="button primary" onClick={() => go({ name: 'new-assessment' })}>
              Start your first assessment
            </button>
          </div>
        ) : (
          <AssessmentTable items={items} />
        )}
      </section>
      <RecentDatabases exclude={dbPath} />
    </div>
  );
}
