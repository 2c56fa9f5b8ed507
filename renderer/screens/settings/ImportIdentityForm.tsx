import { useState } from 'react';
import { PasswordField } from '../../components/PasswordField';
import { PassphrasePair, passphrasesAgree } from '../../components/PassphrasePair';
import { useIdentities } from '../../stores/identities';
import { IdentityDialog } from './IdentityDialog';

/** Bring in a certificate and key issued elsewhere (a .p12 from the organisation's own CA). */
export function ImportIdentityForm({ onClose }: { readonly onClose: () => void }) {
  const importP12 = useIdentities((s) => s.importP12);
  const [label, setLabel] = useState('');
  const [p12Password, setP12Password] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const ready = label.trim().length > 0 && passphrasesAgree(passphrase, confirm);
  return (
    <IdentityDialog
      title="Import a signing identity (.p12)"
      onClose={onClose}
      ready={ready}
      submitLabel="Choose the .p12 file and import…"
      busyLabel="Importing…"
      run={() => importP12({ label, p12Password, passphrase })}
    >
      <div className="form-grid">
        <div className="field span-2">
          <label htmlFor="p12-label">Name for this identity</label>
          <input id="p12-label" className="input" value={label} onChange={(e) => setLabel(e.target.value)} />
        </div>
        <PasswordField
          id="p12-password"
          label="Password of the .p12 file"
          value={p12Password}
          onChange={setP12Password}
          autoComplete="off"
        />
        <PassphrasePair
          idPrefix="p12"
          label="New passphrase to seal the key"
          confirmLabel="New passphrase again"
          passphrase={passphrase}
          confirm={confirm}
          onPassphrase={setPassphrase}
          onConfirm={setConfirm}
        />
      </div>
    </IdentityDialog>
  );
}
