import { useState } from 'react';
import { PassphrasePair, passphrasesAgree } from '../../components/PassphrasePair';
import { useAssessment } from '../../stores/assessment';
import { useIdentities } from '../../stores/identities';
import { IdentityDialog } from './IdentityDialog';

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
  const ready = [label, sroName, sroRole, organisation].every((v) => v.trim().length > 0) && passphrasesAgree(passphrase, confirm);

  return (
    <IdentityDialog
      title="Create a signing identity"
      onClose={onClose}
      ready={ready}
      submitLabel="Create identity"
      busyLabel="Creating…"
      run={() => create({ label, sroName, sroRole, organisation, withRoot, passphrase })}
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
          <span>
            Also create an organisation root certificate. Publish its fingerprint once; renewed signing certificates then stay trusted.
          </span>
        </label>
        <PassphrasePair
          idPrefix="id"
          label="Passphrase"
          confirmLabel="Passphrase again"
          passphrase={passphrase}
          confirm={confirm}
          onPassphrase={setPassphrase}
          onConfirm={setConfirm}
          help="At least 12 characters; four or five unrelated words work well. Nobody can recover it for you."
        />
      </div>
    </IdentityDialog>
  );
}
