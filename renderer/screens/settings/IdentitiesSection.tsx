import { useEffect, useState } from 'react';
import { formatInstant } from '../../format/numbers';
import { attempt } from '../../stores/announcer';
import { useIdentities } from '../../stores/identities';
import { useSession } from '../../stores/session';
import { CreateIdentityForm } from './CreateIdentityForm';
import { ImportIdentityForm } from './ImportIdentityForm';
import { OutsideText } from '../../components/OutsideText';

export function groupedFingerprint(hex: string): string {
  return hex.match(/.{1,4}/g)?.join(' ') ?? hex;
}

/** The SRO's signing identities: create one, import a .p12, export the certificate to publish. */
export function IdentitiesSection() {
  const dbPath = useSession((s) => s.dbPath);
  const defaultId = useSession((s) => s.settings?.defaultIdentityId ?? null);
  const updateSettings = useSession((s) => s.updateSettings);
  const { items, load, exportCertificate } = useIdentities();
  const [adding, setAdding] = useState<'create' | 'import' | null>(null);
  useEffect(() => {
    if (dbPath) void attempt(load);
  }, [dbPath, load]);
  if (!dbPath) {
    return (
      <section className="card card-body section" aria-labelledby="identities-heading">
        <h2 id="identities-heading">Signing identities</h2>
        <p className="muted">Open a database first: identities are kept in it, with their keys sealed by your passphrase.</p>
      </section>
    );
  }
  return (
    <section className="card card-body section" aria-labelledby="identities-heading">
      <div className="section-title">
        <h2 id="identities-heading">Signing identities</h2>
        <div className="button-row">
          <button type="button" className="button small" onClick={() => setAdding('import')}>
            Import .p12…
          </button>
          <button type="button" className="button small primary" onClick={() => setAdding('create')}>
            Create identity
          </button>
        </div>
      </div>
      <p className="muted">The private key never leaves this computer; it is sealed with your passphrase. Publish the certificate fingerprint so recipients can check your packs.</p>
      {items.length === 0 ? <p className="empty">No signing identity yet.</p> : null}
      <ul className="identity-list">
        {items.map((i) => (
          <li key={i.label} className="identity">
            <div className="identity-main">
              <span className="evidence-name">{i.label}</span>
              <span className="muted">
                <OutsideText text={[i.subject.commonName, i.subject.title, i.subject.organisation].filter(Boolean).join(', ')} /> · valid until {formatInstant(i.notAfter)}
              </span>
              <span className="mono fingerprint">SHA-256 {groupedFingerprint(i.fingerprint)}</span>
              {i.rootFingerprint && i.rootFingerprint !== i.fingerprint ? <span className="mono fingerprint muted">Organisation root {groupedFingerprint(i.rootFingerprint)}</span> : null}
            </div>
            <div className="identity-actions">
              <label className="checkbox-row">
                <input type="radio" name="default-identity" checked={defaultId === i.label} onChange={() => void attempt(() => updateSettings({ defaultIdentityId: i.label }))} />
                <span>Default</span>
              </label>
              <button type="button" className="button small" onClick={() => void attempt(() => exportCertificate(i.label, false))}>
                <span>
                  Export certificate<span className="visually-hidden"> of {i.label}</span>…
                </span>
              </button>
              {i.rootFingerprint && i.rootFingerprint !== i.fingerprint ? (
                <button type="button" className="button small" onClick={() => void attempt(() => exportCertificate(i.label, true))}>
                  <span>
                    Export root<span className="visually-hidden"> of {i.label}</span>…
                  </span>
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {adding === 'create' ? <CreateIdentityForm onClose={() => setAdding(null)} /> : null}
      {adding === 'import' ? <ImportIdentityForm onClose={() => setAdding(null)} /> : null}
    </section>
  );
}
