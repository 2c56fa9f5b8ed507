import { useState } from 'react';
import { Modal } from '../../components/Modal';
import { attempt } from '../../stores/announcer';
import { useIdentities } from '../../stores/identities';

/** Bring in a certificate and key issued elsewhere (a .p12 from the organisation's own CA). */
export function ImportIdentityForm({ onClose }: { readonly onClose: () => void }) {
  const importP12 = useIdentities((s) => s.importP12);
  const [label, setLabel] = useState('');
  const [p12Password, setP12Password] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  // Typed twice: a typo here would seal the imported key under a passphrase nobody knows.
  const mismatch = confirm.length > 0 && confirm !== passphrase;
  const ready = label.trim() && passphrase.length > 0 && confirm === passphrase && !busy;
  const submit = async () => {
    setBusy(true);
    const imported = await attempt(() => importP12({ label, p12Password, passphrase }));
    setBusy(false);
    if (imported) onClose();
  };
  return (
    <Modal
      title="Import a signing identity (.p12)"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button primary" disabled={!ready} onClick={() => void submit()}>
            {busy ? 'Importing…' : 'Choose the .p12 file and import…'}
          </button>
        </>
      }
    >
      <div className="form-grid">
        <div className="field span-2">
          <label htmlFor="p12-label">Name for this identity</label>
          <input id="p12-label" className="input" value={label} onChange={(e) => setLabel(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="p12-password">Password of the .p12 file</label>
          <input id="p12-password" className="input" type="password" autoComplete="off" value={p12Password} onChange={(e) => setP12Password(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="p12-passphrase">New passphrase to seal the key</label>
          <input id="p12-passphrase" className="input" type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="p12-confirm">New passphrase again</label>
          <input id="p12-confirm" className="input" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} aria-invalid={mismatch ? true : undefined} aria-describedby={mismatch ? 'p12-confirm-error' : undefined} />
          {mismatch ? (
            <span className="field-error" id="p12-confirm-error">
              The two passphrases differ.
            </span>
          ) : null}
        </div>
      </div>
    </Modal>
  );
}
