import { attempt } from '../../stores/announcer';
import { fileName, useSession } from '../../stores/session';
import { Icon } from '../../components/Icon';

/** The other databases opened lately, one click away (a colleague's, last year's). */
const NONE: readonly string[] = [];

export function RecentDatabases({ exclude }: { readonly exclude: string | null }) {
  // Select the stored array itself: a new array from the selector would re-render forever.
  const all = useSession((s) => s.settings?.recentDatabases ?? NONE);
  const recent = all.filter((p) => p !== exclude);
  const openDatabase = useSession((s) => s.openDatabase);
  if (recent.length === 0) return null;
  return (
    <section className="card" aria-labelledby="recent-heading">
      <div className="card-header">
        <h2 id="recent-heading">{exclude ? 'Other recent files' : 'Recent files'}</h2>
      </div>
      <ul className="recent-list">
        {recent.map((path) => (
          <li key={path}>
            <button type="button" className="button quiet" onClick={() => void attempt(() => openDatabase(path))}>
              <Icon name="database" /> {fileName(path)}
            </button>
            <span className="muted mono">{path}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
