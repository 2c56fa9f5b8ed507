import { useEffect, useState } from 'react';
import type { IdentityView } from '../../../shared/ipc/views-signing';
import { formatInstant } from '../../format/numbers';
import { attempt } from '../../stores/announcer';
import { useIdentities } from '../../stores/identities';
import { useSession } from '../../stores/session';
import { CreateIdentityForm } from './CreateIdentityForm';
import { ExportBackupForm } from './ExportBackupForm';
import { ImportIdentityForm } from './ImportIdentityForm';
import { OutsideText } from '../../components/OutsideText';
import { Banner } from '../../components/Banner';

export function groupedFingerprint(hex: string): string {
  return hex.match(/.{1,4}/g)?.join(' ') ?? hex;
}

/**
 * The SRO's signing identities, kept on this computer whichever database is open: create one,
 * import a .p12, export the certificate to publish, back one up. An identity with no backup
 * gets one reminder.
 */
export function IdentitiesSection() {
  const dbPath = useSession((s) => s.dbPath);
  const defaultId = useSession((s) => s.settings?.defaultIdentityId ?? null);
  const updateSettings = useSession((s) => s.updateSettings);
  const { items, load, exportCertificate, backupReminded } = useIdentities();
  const [adding, setAdding] = useState<'create' | 'import' | null>(null);
  const [backingUp, setBackingUp] = useState<IdentityView | null>(null);
  // Reminders shown in this visit: each stays until dismissed, and is recorded as given at once.
  const [reminding, setReminding] = useState<readonly string[]>([]);
  useEffect(() => {
    void attempt(load);
  }, [dbPath, load]);
  const due = items
    .filter((i) => i.backedUpAt === null && i.backupRemindedAt === null && !reminding.includes(i.label))
    .map((i) => i.label)
    .join('\n');
  useEffect(() => {
    if (due === '') return;
    const labels = due.split('\n');
    // The list comes from the main process; each identity newly found without a backup is
    // reminded of once, so this effect syncs with that outside state rather than deriving it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setReminding((r) => [...r, ...labels]);
    for (const label of labels) void attempt(() => backupReminded(label));
  }, [due, backupReminded]);
  const reminders = items.filter((i) => reminding.includes(i.label) && i.backedUpAt === null);
  const dismiss = (label: string) => setReminding((r) => r.filter((l) => l !== label));
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
      <p className="muted">
        Your identities are kept on this computer, not in a file of assessments, so every year&apos;s file signs with them. The private key
        is sealed with your passphrase; back it up to move it to another computer. Publish the certificate fingerprint so recipients can
        check your packs.
      </p>
      {reminders.map((i) => (
        <Banner
          key={i.label}
          tone="warning"
          live="polite"
          title={<>&ldquo;{i.label}&rdquo; has no backup.</>}
          actions={
            <div className="button-row">
              <button type="button" className="button small" onClick={() => setBackingUp(i)}>
                <span>
                  Export backup<span className="visually-hidden"> of {i.label}</span>…
                </span>
              </button>
              <button type="button" className="button small" onClick={() => dismiss(i.label)}>
                Not now
              </button>
            </div>
          }
        >
          <span>
            If this computer is lost or replaced, so is the key, and next year&apos;s packs could not be signed under the same root. A
            backup is a password-protected file.
          </span>
        </Banner>
      ))}
      {items.length === 0 ? <p className="empty">No signing identity yet.</p> : null}
      <ul className="identity-list">
        {items.map((i) => (
          <li key={i.label} className="identity">
            <div className="identity-main">
              <span className="evidence-name">{i.label}</span>
              <span className="muted">
                <OutsideText text={[i.subject.commonName, i.subject.title, i.subject.organisation].filter(Boolean).join(', ')} /> · valid
                until {formatInstant(i.notAfter)}
              </span>
              <span className="mono fingerprint">SHA-256 {groupedFingerprint(i.fingerprint)}</span>
              <span className="muted">{i.backedUpAt ? `Backed up ${formatInstant(i.backedUpAt)}` : 'No backup yet'}</span>
              {i.rootFingerprint && i.rootFingerprint !== i.fingerprint ? (
                <span className="mono fingerprint muted">Organisation root {groupedFingerprint(i.rootFingerprint)}</span>
              ) : null}
            </div>
            <div className="identity-actions">
              <label className="checkbox-row">
                <input
                  type="radio"
                  name="default-identity"
                  checked={defaultId === i.label}
                  onChange={() => void attempt(() => updateSettings({ defaultIdentityId: i.label }))}
                />
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
              <button type="button" className="button small" onClick={() => setBackingUp(i)}>
                <span>
                  Export backup<span className="visually-hidden"> of {i.label}</span>…
                </span>
              </button>
            </div>
          </li>
        ))}
      </ul>
      {adding === 'create' ? <CreateIdentityForm onClose={() => setAdding(null)} /> : null}
      {adding === 'import' ? <ImportIdentityForm onClose={() => setAdding(null)} /> : null}
      {backingUp ? (
        <ExportBackupForm
          identity={backingUp}
          onClose={() => {
            dismiss(backingUp.label);
            setBackingUp(null);
          }}
        />
      ) : null}
    </section>
  );
}
