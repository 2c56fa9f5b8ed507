import { attempt } from '../../stores/announcer';
import { useSession } from '../../stores/session';
import { RecentDatabases } from './RecentDatabases';
import { Icon } from '../../components/Icon';

/** First run, or no database open: create one, open one, or pick a recent one. */
export function Welcome() {
  const { createDatabase, chooseDatabase } = useSession();
  return (
    <div className="page-inner welcome">
      <header className="welcome-header">
        <h1 id="page-title" tabIndex={-1}>
          Welcome
        </h1>
        <p className="subtitle">
          Assess your organisation against the Software Security Code of Practice, keep the evidence in one place, and send customers a
          signed evidence pack they can check themselves. Everything stays on this computer.
        </p>
      </header>
      <div className="welcome-grid">
        <section className="card card-body welcome-option">
          <h2>Start afresh</h2>
          <p className="muted">
            Choose where to keep your assessments and their evidence: one file on this computer. Pick a folder that is backed up.
          </p>
          <button type="button" className="button primary" onClick={() => void attempt(createDatabase)}>
            <Icon name="plus" /> Start keeping assessments…
          </button>
        </section>
        <section className="card card-body welcome-option">
          <h2>Carry on</h2>
          <p className="muted">Open the file of assessments you or a colleague kept before.</p>
          <button type="button" className="button" onClick={() => void attempt(chooseDatabase)}>
            <Icon name="folder" /> Open existing assessments…
          </button>
        </section>
      </div>
      <RecentDatabases exclude={null} />
    </div>
  );
}
