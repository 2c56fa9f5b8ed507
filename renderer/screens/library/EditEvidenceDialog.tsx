import { useState } from 'react';
import type { EvidenceItem } from '../../../shared/domain/types';
import { DateInput } from '../../components/DateInput';
import { Modal } from '../../components/Modal';
import { ModalActions } from '../../components/ModalActions';
import { attempt } from '../../stores/announcer';
import { useLibrary } from '../../stores/library';

/** The details a reader of the pack sees about a file: what it is, when it was true, who may see it. */
export function EditEvidenceDialog({
  item,
  onClose,
  onRemove,
}: {
  readonly item: EvidenceItem;
  readonly onClose: () => void;
  /** Opens the removal's confirmation for this file. */
  readonly onRemove?: () => void;
}) {
  const update = useLibrary((s) => s.update);
  const [description, setDescription] = useState(item.description);
  const [effectiveDate, setEffective] = useState(item.effectiveDate ?? '');
  const [expiryDate, setExpiry] = useState(item.expiryDate ?? '');
  const [confidential, setConfidential] = useState(item.confidential);
  const [withholdDetails, setWithholdDetails] = useState(item.withholdDetails);
  const [owner, setOwner] = useState(item.owner);
  const reference = item.kind === 'reference';
  const save = async () => {
    const saved = await attempt(() =>
      update(
        item.id,
        reference
          ? { description, effectiveDate: effectiveDate || null, expiryDate: expiryDate || null, confidential, owner }
          : {
              description,
              effectiveDate: effectiveDate || null,
              expiryDate: expiryDate || null,
              confidential,
              withholdDetails: confidential && withholdDetails,
            },
      ),
    );
    if (saved) onClose();
  };
  return (
    <Modal
      title={`Details of ${item.fileName}`}
      onClose={onClose}
      footer={
        <>
          {onRemove ? (
            <button type="button" className="button danger modal-footer-start" onClick={onRemove}>
              Remove from library…
            </button>
          ) : null}
          <ModalActions onCancel={onClose} onSubmit={() => void save()} submitLabel="Save details" />
        </>
      }
    >
      <div className="form-grid">
        <div className="field span-2">
          <label htmlFor="ev-description">Description</label>
          <textarea id="ev-description" className="textarea compact" value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="ev-effective">Effective from</label>
          <DateInput id="ev-effective" value={effectiveDate} onChange={setEffective} />
        </div>
        <div className="field">
          <label htmlFor="ev-expiry">Expires on</label>
          <DateInput id="ev-expiry" value={expiryDate} onChange={setExpiry} />
        </div>
        <label className="checkbox-row span-2">
          <input type="checkbox" checked={confidential} onChange={(e) => setConfidential(e.target.checked)} />
          <span>Confidential: include this file only in packs for certification bodies, never in a pack for customers.</span>
        </label>
        {reference ? (
          <div className="field span-2">
            <label htmlFor="ev-owner">Owner</label>
            <input id="ev-owner" className="input" value={owner} onChange={(e) => setOwner(e.target.value)} />
          </div>
        ) : null}
        {reference ? null : (
          <label className="checkbox-row span-2">
            <input
              type="checkbox"
              checked={confidential && withholdDetails}
              disabled={!confidential}
              onChange={(e) => setWithholdDetails(e.target.checked)}
            />
            <span>
              Withhold its name and description too: a pack for customers lists it only as &ldquo;Withheld file&rdquo; with its SHA-256
              fingerprint and size.
              {!confidential ? ' (Only for confidential files.)' : ''}
            </span>
          </label>
        )}
      </div>
    </Modal>
  );
}
