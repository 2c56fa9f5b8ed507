import { CURRENT_CATALOG, describeDocuments } from '../../../shared/catalog/index';
import { useSession } from '../../stores/session';

/** Version, catalog and the licences of what the app is built from. */
export function AboutSection() {
  const info = useSession((s) => s.appInfo);
  if (!info) return null;
  return (
    <section className="card card-body section" aria-labelledby="about-heading">
      <h2 id="about-heading">About</h2>
      <dl className="facts">
        <dt>Application</dt>
        <dd>
          {info.productName} {info.version}
        </dd>
        <dt>Code of Practice catalog</dt>
        <dd>{info.catalogVersion}</dd>
        <dt>The catalog follows</dt>
        <dd>{describeDocuments(CURRENT_CATALOG) ?? 'Not recorded'}</dd>
        <dt>Licence</dt>
        <dd>Apache License 2.0</dd>
      </dl>
      <details>
        <summary>Open-source components ({info.licences.length})</summary>
        <ul className="licence-list">
          {info.licences.map((l) => (
            <li key={l.name}>
              <span>{l.name}</span> <span className="muted">{l.licence}</span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
