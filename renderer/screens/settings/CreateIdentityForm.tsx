import { useState } from 'react';
import { Modal } from '../../components/Modal';
import { attempt } from '../../stores/announcer';
import { useAssessment } from '../../stores/assessment';
import { useIdentities } from '../../stores/identities';

export function CreateIdentityForm({ onClose }: { readonly onClose: () => void }) {
  const create = useIdentities((s) => s.create);
  const current = useAssessment((s) => s.detail?.assessment);
  const [label, setLabel] = useState(current ? `${current.sroName} ${new Date().getFullYear()}` : '');
  const [sroName, setName] = useState(current?.sroName ?? '');
  const [sroRole, setRole] = useState(current?.sroRole ?? '');
  const [organisation, setOrganisation] = useState(current?.organisation ?? '');
  const [withRoot, setWithRoot] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const mismatch = confirm.length > 0 && confirm !== passphrase;
  const ready = label.trim() && sroName.trim() && sroRole.trim() && organisation.trim() && passphrase.length > 0 && confirm === passphrase && !busy;

  const submit = async () => {
    setBusy(true);
    const created = await attempt(() => create({ label, sroName, sroRole, organisation, withRoot, passphrase }));
    setBusy(false);
    if (created) onClose();
  };
  return (
    <Modal
      title="Create a signing identity"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button primary" disabled={!ready} onClick={() => void submit()}>
            {busy ? 'Creating…' : 'Create identity'}
          </button>
        </>
      }
    >
      <div className="form-grid">
        <div className="field span-2">
          <label htmlFor="id-label">Name for this identity</label>
          <input id="id-label" className="input" value={label} onChange={(e) => setLabel(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="id-name">Your name</label>
          <input id="id-name" className="input" value={sroName} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="id-role">Your job title</label>
          <input id="id-role" className="input" value={sroRole} onChange={(e) => setRole(e.target.value)} />
        </div>
        <div className="field span-2">
          <label htmlFor="id-org">Organisation</label>
          <input id="id-org" className="input" value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
        </div>
        <label className="checkbox-row span-2">
          <input type="checkbox" checked={withRoot} onChange={(e) => setWithRoot(e.target.checked)} />
          <span>Also create an organisation root certificate. Publish its fingerprint once; renewed signing certificates then stay trusted.</span>
        </label>
        <div className="field">
          <label htmlFor="id-pass">Passphrase</label>
          <input id="id-pass" className="input" type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} aria-describedby="id-pass-help" />
          <span className="field-help" id="id-pass-help">
            At least 12 characters; four or five unrelated words work well. Nobody can recover it for you.
          </span>
        </div>
        <div className="field">
          <label htmlFor="id-confirm">Passphrase again</label>
          <input id="id-confirm" className="input" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} aria-invalid={mismatch ? true : undefined} aria-describedby={mismatch ? 'id-confirm-error' : undefined} />
          {mismatch ? (
            <span className="field-error" id="id-confirm-error">
              The two passphrases differ.
            </span>
          ) : null}
        </div>
      </div>
    </Modal>
  );
}
