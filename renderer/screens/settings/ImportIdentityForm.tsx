import { useState } from 'react';
import { Modal } from '../../components/Modal';
import { ModalActions } from '../../components/ModalActions';
import { PassphrasePair, passphrasesAgree } from '../../components/PassphrasePair';
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
  const ready = label.trim().length > 0 && passphrasesAgree(passphrase, confirm);
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
        <ModalActions
          onCancel={onClose}
          onSubmit={() => void submit()}
          ready={ready}
          busy={busy}
          submitLabel="Choose the .p12 file and import…"
          busyLabel="Importing…"
        />
      }
    >
      <div className="form-grid">
        <div className="field span-2">
          <label htmlFor="p12-label">Name for this identity</label>
          <input id="p12-label" className="input" value={label} onChange={(e) => setLabel(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="p12-password">Password of the .p12 file</label>
          <input
            id="p12-password"
            className="input"
            type="password"
            autoComplete="off"
            value={p12Password}
            onChange={(e) => setP12Password(e.target.value)}
          />
        </div>
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
    </Modal>
  );
}
