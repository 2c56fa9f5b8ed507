import { useState } from 'react';
import { referenceLocationProblem } from '../../../shared/domain/evidence-reference';
import { DateInput } from '../../components/DateInput';
import { Modal } from '../../components/Modal';
import { ModalActions } from '../../components/ModalActions';
import { attempt } from '../../stores/announcer';
import { useAttachments } from '../../stores/attachments';

/**
 * Evidence that is not a file: a system setting, a ticket, an interview. It supports the
 * claim as a file does. A web address is only recorded: the app is offline and never opens
 * or fetches it.
 */
export function AddReferenceDialog({ claimId, onClose }: { readonly claimId: string; readonly onClose: () => void }) {
  const addReference = useAttachments((s) => s.addReference);
  const [location, setLocation] = useState('');
  const [description, setDescription] = useState('');
  const [effectiveDate, setEffective] = useState('');
  const [owner, setOwner] = useState('');
  const [confidential, setConfidential] = useState(false);
  const problem = location.trim() === '' ? null : referenceLocationProblem(location);
  const save = async () => {
    const saved = await attempt(() =>
      addReference(claimId, { location, description, effectiveDate: effectiveDate || null, owner, confidential }),
    );
    if (saved !== undefined) onClose();
  };
  return (
    <Modal
      title={`Add a reference to claim ${claimId}`}
      onClose={onClose}
      footer={<ModalActions onCancel={onClose} onSubmit={() => void save()} submitLabel="Add reference" />}
    >
      <p className="muted">
        For evidence that is not a file: a system setting, a ticket, an interview. It counts for sign-off like an attached file; the pack
        lists it with no hash, because it holds no copy.
      </p>
      <div className="form-grid">
        <div className="field span-2">
          <label htmlFor="ref-location">Web address or location</label>
          <input
            id="ref-location"
            className="input"
            value={location}
            onChange={(e) => setLocation(e.target.value)}
            placeholder="https://… or where it is, e.g. Jira ticket SEC-142"
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'ref-location-problem' : undefined}
          />
          {problem ? (
            <span id="ref-location-problem" className="field-error">
              {problem}
            </span>
          ) : null}
        </div>
        <div className="field span-2">
          <label htmlFor="ref-description">What it shows</label>
          <textarea
            id="ref-description"
            className="textarea compact"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="ref-date">Date (when it was true)</label>
          <DateInput id="ref-date" value={effectiveDate} onChange={setEffective} />
        </div>
        <div className="field">
          <label htmlFor="ref-owner">Owner</label>
          <input
            id="ref-owner"
            className="input"
            value={owner}
            onChange={(e) => setOwner(e.target.value)}
            placeholder="Who holds or answers for it"
          />
        </div>
        <label className="checkbox-row span-2">
          <input type="checkbox" checked={confidential} onChange={(e) => setConfidential(e.target.checked)} />
          <span>
            Confidential: a pack for customers lists it only as &ldquo;Withheld reference&rdquo;, without its location, description or
            owner.
          </span>
        </label>
      </div>
    </Modal>
  );
}
