import { useState } from 'react';
import { Modal } from '../../components/Modal';
import { ImportCard } from '../../components/ImportCard';
import { ModalActions } from '../../components/ModalActions';
import { VerificationCard } from '../../components/VerificationCard';
import { RESULT_LABELS } from '../../format/labels';
import { formatBytes, formatPeriod } from '../../format/numbers';
import { CLAIM_RESULTS } from '../../../shared/domain/types';
import type { PackImportPreviewView } from '../../../shared/ipc/views-signing';
import { attempt } from '../../stores/announcer';
import { PACK_CARD, useImports } from '../../stores/imports';
import { CarryForwardButton } from '../start/CarryForwardButton';
import { JobProgressAt } from '../../components/JobProgress';
import { OpenImportedButton } from './OpenImportedButton';
import { OutsideText } from '../../components/OutsideText';
import { Banner } from '../../components/Banner';

function groupedHex(hex: string): string {
  return hex.match(/.{1,4}/g)?.join(' ') ?? hex;
}

/**
 * Asks before importing a pack whose signer nothing vouches for: shows the certificate's
 * fingerprint to compare with one obtained from the organisation by another channel.
 */
function UntrustedSignerDialog({
  preview,
  onCancel,
  onAccept,
}: {
  readonly preview: PackImportPreviewView;
  readonly onCancel: () => void;
  readonly onAccept: (fingerprint: string) => void;
}) {
  const v = preview.verification;
  const fingerprint = v.fingerprint ?? '';
  const who = [v.signer?.commonName, v.signer?.organisation].filter(Boolean).join(', ') || 'an unnamed signer';
  return (
    <Modal
      title="Import from a signer nothing vouches for?"
      onClose={onCancel}
      footer={
        <ModalActions
          onCancel={onCancel}
          onSubmit={() => onAccept(fingerprint)}
          ready={fingerprint !== ''}
          submitLabel="The fingerprints match: import as unverified"
        />
      }
    >
      <p>
        The pack is intact, but nothing establishes who signed it. Its certificate says <strong>{who}</strong>, and anyone can make a
        certificate with any name.
      </p>
      <p>
        Compare this fingerprint, character by character, with one you obtained from {preview.assessment.organisation} by another channel:
        their website, a phone call, in person; not the message the pack came with.
      </p>
      <p className="mono fingerprint" aria-label="Signer's certificate fingerprint">
        SHA-256 {groupedHex(fingerprint)}
      </p>
      <p>
        Better still, paste the fingerprint they gave you in "Signer's published fingerprint" and check again: the pack is then verified. If
        you import it now, it is marked as from an unverified signer wherever it is shown.
      </p>
    </Modal>
  );
}

export function PackImportCard() {
  const {
    packPath,
    fingerprint,
    setFingerprint,
    packPreview: preview,
    packResult: result,
    busy,
    choosePack,
    recheckPack,
    importPack,
  } = useImports();
  const [confirming, setConfirming] = useState(false);
  const startImport = () => {
    if (preview && !preview.verification.trusted) setConfirming(true);
    else void attempt(() => importPack());
  };
  return (
    <ImportCard
      id="pack-import"
      title="A signed evidence pack (PDF)"
      chooseLabel="Choose a pack…"
      primary
      disabled={busy !== null}
      onChoose={() => void attempt(choosePack)}
    >
      <div className="card-body section">
        <div className="field fingerprint-field">
          <label htmlFor="trust-fingerprint">Signer's published fingerprint (optional)</label>
          <input
            id="trust-fingerprint"
            className="input mono"
            value={fingerprint}
            onChange={(e) => setFingerprint(e.target.value)}
            aria-describedby="trust-help"
            spellCheck={false}
          />
          <span className="field-help" id="trust-help">
            Paste the SHA-256 fingerprint the organisation gave you by another channel, so the signer is checked as well as the signature.
            Packs signed by your own identities need none.
          </span>
        </div>
        {packPath && preview && !result ? (
          <div className="button-row">
            <button type="button" className="button small" disabled={busy !== null} onClick={() => void attempt(recheckPack)}>
              Check again with this fingerprint
            </button>
          </div>
        ) : null}
        <JobProgressAt place={PACK_CARD} />
        {!preview && !busy ? <p className="muted">{packPath ? 'Checking…' : 'No pack chosen yet.'}</p> : null}
      </div>
      {preview ? (
        <div className="card-body section import-preview">
          <VerificationCard verification={preview.verification} title={`Verification of ${preview.file.name}`} />
          <dl className="facts">
            <dt>Organisation</dt>
            <dd>
              <OutsideText text={preview.assessment.organisation} />
            </dd>
            <dt>Period</dt>
            <dd>{formatPeriod(preview.assessment.periodStart, preview.assessment.periodEnd)}</dd>
            <dt>Signed by</dt>
            <dd>
              <OutsideText text={preview.assessment.sroName} />, <OutsideText text={preview.assessment.sroRole} />
            </dd>
            <dt>Results</dt>
            <dd>
              {CLAIM_RESULTS.filter((r) => preview.assessment.results[r] > 0)
                .map((r) => `${preview.assessment.results[r]} ${RESULT_LABELS[r].toLowerCase()}`)
                .join(' · ')}
            </dd>
            <dt>Evidence</dt>
            <dd>
              {preview.assessment.evidenceFiles} files
              {preview.assessment.evidenceWithheld > 0 ? `, ${preview.assessment.evidenceWithheld} withheld` : ''} ·{' '}
              {formatBytes(preview.file.size)}
            </dd>
          </dl>
          {preview.cleaned.length > 0 || preview.renamed.length > 0 ? (
            <Banner tone="warning" title="Some text in this pack is changed when it is imported.">
              <ul className="import-notes">
                {preview.cleaned.map((note) => (
                  <li key={note}>{note}</li>
                ))}
                {preview.renamed.map((r) => (
                  <li key={`${r.from}→${r.to}`}>
                    The evidence name <OutsideText text={r.from} /> is not a safe file name; it is kept as <OutsideText text={r.to} />.
                  </li>
                ))}
              </ul>
              <span>The pack file itself is not changed and its signature still covers what the sender signed.</span>
            </Banner>
          ) : null}
          {preview.alreadyImported ? (
            <Banner tone="warning" title="This pack was imported before.">
              <span>It is already among these assessments; importing it again is not needed.</span>
            </Banner>
          ) : null}
          {result ? (
            <Banner
              tone="success"
              title="Imported as a signed, read-only assessment."
              actions={
                <div className="button-row">
                  <OpenImportedButton assessmentId={result.assessment.id} />
                  <CarryForwardButton assessment={result.assessment} />
                </div>
              }
            >
              <span>
                {result.evidence.stored} evidence files stored, {result.evidence.alreadyHeld} already held, {result.evidence.withheld}{' '}
                listed by fingerprint only.
              </span>
            </Banner>
          ) : (
            <div className="button-row end">
              <button
                type="button"
                className="button primary"
                disabled={!preview.verification.valid || preview.alreadyImported !== null || busy !== null}
                onClick={startImport}
              >
                Import this pack
              </button>
            </div>
          )}
          {result && !result.preview.verification.trusted ? (
            <Banner tone="warning" title="Imported from an unverified signer.">
              <span>It is marked so in the list, in the workspace and when compared.</span>
            </Banner>
          ) : null}
        </div>
      ) : null}
      {confirming && preview ? (
        <UntrustedSignerDialog
          preview={preview}
          onCancel={() => setConfirming(false)}
          onAccept={(accepted) => {
            setConfirming(false);
            void attempt(() => importPack(accepted));
          }}
        />
      ) : null}
    </ImportCard>
  );
}
