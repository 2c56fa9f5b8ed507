import { useState } from 'react';
import type { IdentityView } from '../../../shared/ipc/views-signing';
import { formatInstantDate } from '../../format/numbers';
import { PasswordField } from '../../components/PasswordField';
import { PassphrasePair, passphrasesAgree } from '../../components/PassphrasePair';
import { useIdentities } from '../../stores/identities';
import { IdentityDialog } from './IdentityDialog';

/**
 * Back an identity up as a .p12 file: the identity's passphrase unlocks the key, and a new
 * password, typed twice, protects the file. With an organisation root, its key can go in too:
 * what issues next year's certificate on another computer.
 */
export function ExportBackupForm({ identity, onClose }: { readonly identity: IdentityView; readonly onClose: () => void }) {
  const exportBackup = useIdentities((s) => s.exportBackup);
  const hasRoot = identity.kind === 'org-issued';
  const [passphrase, setPassphrase] = useState('');
  const [p12Password, setP12Password] = useState('');
  const [confirm, setConfirm] = useState('');
  const [withRootKey, setWithRootKey] = useState(false);
  const ready = passphrase.length > 0 && passphrasesAgree(p12Password, confirm);
  return (
    <IdentityDialog
      title={`Back up "${identity.label}"`}
      onClose={onClose}
      ready={ready}
      submitLabel="Choose where to save and back up…"
      busyLabel="Backing up…"
      run={() => exportBackup({ label: identity.label, passphrase, p12Password, withRootKey: hasRoot && withRootKey })}
    >
      <p className="muted">
        The backup is a standard .p12 (PKCS#12) file. Restore it on a new computer with Import .p12. Keep the file and its password apart:
        anyone with both can sign as you.
      </p>
      <div className="form-grid">
        <PasswordField id="backup-passphrase" label="Passphrase of this identity" value={passphrase} onChange={setPassphrase} wide />
        <PassphrasePair
          idPrefix="backup"
          label="New password for the backup file"
          confirmLabel="Backup password again"
          passphrase={p12Password}
          confirm={confirm}
          onPassphrase={setP12Password}
          onConfirm={setConfirm}
          mismatchText="The two passwords differ."
          help="At least 12 characters; four or five unrelated words work well."
        />
        {hasRoot ? (
          <label className="checkbox-row span-2">
            <input type="checkbox" checked={withRootKey} onChange={(e) => setWithRootKey(e.target.checked)} />
            <span>
              Include the organisation root&apos;s key. Needed to issue next year&apos;s certificate on another computer; without it, a
              restored identity signs only until {formatInstantDate(identity.notAfter)}.
            </span>
          </label>
        ) : null}
      </div>
    </IdentityDialog>
  );
}
