import { useEffect, useState } from 'react';
import { CURRENT_CATALOG, listClaims } from '../../../shared/catalog/index';
import { CLAIM_RESULTS, WORK_STATUSES, type ClaimResult, type WorkStatus } from '../../../shared/domain/types';
import type { ContributionWrittenView } from '../../../shared/ipc/views-contributions';
import { IdentityPassphraseFields } from '../../components/IdentityPassphraseFields';
import { OutsideText } from '../../components/OutsideText';
import { PageHeader } from '../../components/PageHeader';
import { RESULT_LABELS, STATUS_LABELS } from '../../format/labels';
import { count } from '../../../shared/format/plural';
import { call } from '../../ipc/client';
import { attempt, useAnnouncer } from '../../stores/announcer';
import { useAssessment } from '../../stores/assessment';
import { useIdentities } from '../../stores/identities';
import { fileName } from '../../stores/session';
import { runTracked } from '../../stores/tracked-job';
import { Banner } from '../../components/Banner';
import './contributions.css';

/**
 * A claim owner's side (docs/contributions.md): choose claims, write, attach, sign, and save one
 * contribution file for the SRO, who imports it and decides claim by claim.
 */
export function ContributeScreen() {
  const organisationNow = useAssessment((s) => s.detail?.assessment.organisation ?? '');
  const { items: identities, load } = useIdentities();
  const [organisation, setOrganisation] = useState(organisationNow);
  const [claimIds, setClaimIds] = useState<string[]>([]);
  const [result, setResult] = useState<ClaimResult | ''>('');
  const [status, setStatus] = useState<WorkStatus | ''>('');
  const [evidenceText, setEvidenceText] = useState('');
  const [args, setArgs] = useState('');
  const [files, setFiles] = useState<readonly string[]>([]);
  const [email, setEmail] = useState('');
  const [team, setTeam] = useState('');
  const [identity, setIdentity] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [written, setWritten] = useState<ContributionWrittenView | null>(null);
  useEffect(() => {
    void attempt(load);
  }, [load]);
  const chosenIdentity = identity || identities[0]?.label || '';
  const claims = listClaims(CURRENT_CATALOG);
  const attach = async () => {
    const picked = await call('dialogs.openEvidenceFiles', {});
    setFiles([...new Set([...files, ...picked.paths])]);
  };
  const sign = async () => {
    const out = await call('dialogs.saveFile', {
      purpose: 'contribution',
      suggestedName: `contribution ${claimIds.join(' ')}.sscp-contribution`,
    });
    if (!out.path) return;
    setBusy(true);
    try {
      const saved = await runTracked(
        'contributions.create',
        {
          organisation,
          claims: claimIds.map((claimId) => ({
            claimId,
            ...(result ? { result } : {}),
            ...(status ? { status } : {}),
            ...(evidenceText ? { evidenceText } : {}),
            ...(args ? { arguments: args } : {}),
          })),
          filePaths: [...files],
          identityLabel: chosenIdentity,
          passphrase,
          ...(email ? { email } : {}),
          ...(team ? { team } : {}),
          outPath: out.path,
        },
        { label: 'Signing and saving the contribution', name: fileName(out.path), cancellable: false },
      );
      setWritten(saved);
      setPassphrase('');
      useAnnouncer.getState().announce(`Contribution signed and saved to ${out.path}.`);
    } finally {
      setBusy(false);
    }
  };
  const nothing = !result && !status && !evidenceText && !args && files.length === 0;
  return (
    <div className="page-inner">
      <PageHeader
        title="Contribute"
        subtitle="Answer for the claims you own: your proposal is signed with your identity and saved as one file for the SRO, who accepts or rejects it claim by claim."
      />
      <section className="card" aria-labelledby="contribute-heading">
        <div className="card-header">
          <h2 id="contribute-heading">Your contribution</h2>
        </div>
        <div className="card-body section">
          <div className="field">
            <label htmlFor="contribute-org">Organisation</label>
            <input
              id="contribute-org"
              className="input"
              value={organisation}
              maxLength={200}
              onChange={(e) => setOrganisation(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="contribute-claims">Claims (what you write applies to each)</label>
            <select
              id="contribute-claims"
              className="select"
              multiple
              size={8}
              value={claimIds}
              onChange={(e) => setClaimIds([...e.target.selectedOptions].map((o) => o.value))}
            >
              {claims.map(({ claim }) => (
                <option key={claim.id} value={claim.id}>
                  {claim.id} {claim.title}
                </option>
              ))}
            </select>
          </div>
          <div className="form-row">
            <div className="field">
              <label htmlFor="contribute-result">Result</label>
              <select
                id="contribute-result"
                className="select"
                value={result}
                onChange={(e) => setResult(e.target.value as ClaimResult | '')}
              >
                <option value="">(not proposed)</option>
                {CLAIM_RESULTS.map((r) => (
                  <option key={r} value={r}>
                    {RESULT_LABELS[r]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="contribute-status">Work status</label>
              <select
                id="contribute-status"
                className="select"
                value={status}
                onChange={(e) => setStatus(e.target.value as WorkStatus | '')}
              >
                <option value="">(not proposed)</option>
                {WORK_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field">
            <label htmlFor="contribute-evidence">Evidence</label>
            <textarea
              id="contribute-evidence"
              className="textarea"
              rows={4}
              value={evidenceText}
              onChange={(e) => setEvidenceText(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="contribute-arguments">Arguments and assumptions</label>
            <textarea id="contribute-arguments" className="textarea" rows={3} value={args} onChange={(e) => setArgs(e.target.value)} />
          </div>
          <div className="field">
            <span className="field-label">Files</span>
            {files.length ? (
              <ul className="contribution-files">
                {files.map((f) => (
                  <li key={f}>
                    <OutsideText text={f} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No file attached.</p>
            )}
            <div className="button-row">
              <button type="button" className="button" onClick={() => void attempt(attach)}>
                Attach files…
              </button>
            </div>
          </div>
          <div className="form-row">
            <div className="field">
              <label htmlFor="contribute-email">Your email (the SRO matches it to the claim owner)</label>
              <input
                id="contribute-email"
                className="input"
                type="email"
                value={email}
                maxLength={254}
                onChange={(e) => setEmail(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="contribute-team">Your team</label>
              <input id="contribute-team" className="input" value={team} maxLength={100} onChange={(e) => setTeam(e.target.value)} />
            </div>
          </div>
          <div className="form-row">
            <IdentityPassphraseFields
              idPrefix="contribute"
              identityLabel="Sign as"
              identities={identities}
              identity={chosenIdentity}
              onIdentity={setIdentity}
              passphrase={passphrase}
              onPassphrase={setPassphrase}
            />
          </div>
          {identities.length === 0 ? <p className="muted">Create or import your signing identity under Settings first.</p> : null}
          <div className="button-row">
            <button
              type="button"
              className="button primary"
              disabled={busy || !organisation.trim() || claimIds.length === 0 || nothing || !chosenIdentity || !passphrase}
              onClick={() => void attempt(sign)}
            >
              Sign and save…
            </button>
          </div>
          {written ? (
            <Banner tone="success" live="polite" title="Signed contribution saved.">
              <span>
                <OutsideText text={written.path} /> · claims {written.claims.join(', ')} · {count(written.files, 'file')} · certificate
                fingerprint <span className="mono">{written.signerFingerprint}</span>. Send it to the SRO.
              </span>
            </Banner>
          ) : null}
        </div>
      </section>
    </div>
  );
}
