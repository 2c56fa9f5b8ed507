import { VerificationCard } from '../../components/VerificationCard';
import { RESULT_LABELS } from '../../format/labels';
import { formatBytes, formatPeriod } from '../../format/numbers';
import { CLAIM_RESULTS } from '../../../shared/domain/types';
import { attempt } from '../../stores/announcer';
import { useImports } from '../../stores/imports';
import { useNavigation } from '../../stores/navigation';
import { CarryForwardButton } from '../start/CarryForwardButton';
import { ImportProgress } from './ImportProgress';
import { OutsideText } from '../../components/OutsideText';

export function PackImportCard() {
  const { packPath, fingerprint, setFingerprint, packPreview: preview, packResult: result, busy, choosePack, importPack } = useImports();
  const go = useNavigation((s) => s.go);
  return (
    <section className="card" aria-labelledby="pack-import-heading">
      <div className="card-header">
        <h2 id="pack-import-heading">A signed evidence pack (PDF)</h2>
        <button type="button" className="button primary" disabled={busy !== null} onClick={() => void attempt(choosePack)}>
          Choose a pack…
        </button>
      </div>
      <div className="card-body section">
        <div className="field fingerprint-field">
          <label htmlFor="trust-fingerprint">Signer's published fingerprint (optional)</label>
          <input id="trust-fingerprint" className="input mono" value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} aria-describedby="trust-help" spellCheck={false} />
          <span className="field-help" id="trust-help">
            Paste the SHA-256 fingerprint the sender published, so the signer is checked as well as the signature.
          </span>
        </div>
        <ImportProgress kind="pack" idleStage="Reading the pack…" label="Import progress" />
        {!preview && !busy ? <p className="muted">{packPath ? 'Checking…' : 'No pack chosen yet.'}</p> : null}
      </div>
      {preview ? (
        <div className="card-body section import-preview">
          <VerificationCard verification={preview.verification} title={`Verification of ${preview.file.name}`} />
          <dl className="facts">
            <dt>Organisation</dt>
            <dd><OutsideText text={preview.assessment.organisation} /></dd>
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
              {preview.assessment.evidenceFiles} files{preview.assessment.evidenceWithheld > 0 ? `, ${preview.assessment.evidenceWithheld} withheld` : ''} · {formatBytes(preview.file.size)}
            </dd>
          </dl>
          {preview.cleaned.length > 0 || preview.renamed.length > 0 ? (
            <div className="banner warning" role="note">
              <div className="banner-body">
                <span className="banner-title">Some text in this pack is changed when it is imported.</span>
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
              </div>
            </div>
          ) : null}
          {preview.alreadyImported ? (
            <div className="banner warning">
              <div className="banner-body">
                <span className="banner-title">This pack was imported before.</span>
                <span>It is already in this database; importing it again is not needed.</span>
              </div>
            </div>
          ) : null}
          {result ? (
            <div className="banner success">
              <div className="banner-body">
                <span className="banner-title">Imported as a signed, read-only assessment.</span>
                <span>
                  {result.evidence.stored} evidence files stored, {result.evidence.alreadyHeld} already held, {result.evidence.withheld} listed by fingerprint only.
                </span>
              </div>
              <div className="button-row">
                <button type="button" className="button small" onClick={() => go({ name: 'workspace', assessmentId: result.assessment.id, claimId: null })}>
                  Open it
                </button>
                <CarryForwardButton assessment={result.assessment} />
              </div>
            </div>
          ) : (
            <div className="button-row end">
              <button type="button" className="button primary" disabled={!preview.verification.valid || preview.alreadyImported !== null || busy !== null} onClick={() => void attempt(importPack)}>
                Import this pack
              </button>
            </div>
          )}
        </div>
      ) : null}
    </section>
  );
}
