import { useCallback, useEffect, useState } from 'react';
import { listClaims, findCatalog } from '../../../shared/catalog/index';
import type {
  ClaimOwnerView,
  ContributionDecisionView,
  ContributionImportView,
  ContributionPreviewView,
  ContributionReviewView,
} from '../../../shared/ipc/views-contributions';
import { OutsideText } from '../../components/OutsideText';
import { PageHeader } from '../../components/PageHeader';
import { escapeUnsafe } from '../../../shared/domain/text-rules';
import { count } from '../../../shared/format/plural';
import { formatInstantDate } from '../../format/numbers';
import { call } from '../../ipc/client';
import { attempt, useAnnouncer } from '../../stores/announcer';
import { fileName } from '../../stores/session';
import { runTracked } from '../../stores/tracked-job';
import { useAssessment } from '../../stores/assessment';
import { Banner } from '../../components/Banner';
import { DataTable } from '../../components/DataTable';
import { ImportCard } from '../../components/ImportCard';
import './contributions.css';

const FIELD_LABELS = { result: 'Result', status: 'Work status', evidenceText: 'Evidence text', arguments: 'Arguments' } as const;
const FIELDS = ['result', 'status', 'evidenceText', 'arguments'] as const;

/** A contribution file: checked first (signature, every file, the signer), then imported as pending. */
function ImportContributionCard({ assessmentId, onImported }: { readonly assessmentId: string; readonly onImported: () => void }) {
  const [path, setPath] = useState<string | null>(null);
  const [preview, setPreview] = useState<ContributionPreviewView | null>(null);
  const [result, setResult] = useState<ContributionImportView | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const choose = async () => {
    const picked = await call('dialogs.chooseFile', { purpose: 'contribution' });
    if (!picked.path) return;
    setPath(picked.path);
    setPreview(null);
    setResult(null);
    setConfirmed(false);
    setBusy(true);
    try {
      setPreview(
        await runTracked(
          'contributions.previewImport',
          { path: picked.path },
          { label: 'Verifying the contribution', name: fileName(picked.path), cancellable: false },
        ),
      );
    } finally {
      setBusy(false);
    }
  };
  const importIt = async () => {
    if (!path || !preview) return;
    setBusy(true);
    try {
      // Into this assessment: the screen is the SRO's choice of where it goes.
      const imported = await runTracked(
        'contributions.import',
        {
          path,
          into: assessmentId,
          ...(preview.signerTrust === 'unknown' ? { confirmSigner: preview.signerFingerprint } : {}),
        },
        { label: 'Importing the contribution', name: fileName(path), cancellable: true },
      );
      setResult(imported);
      useAnnouncer
        .getState()
        .announce(`Imported ${escapeUnsafe(fileName(path), false)}: ${count(imported.claims.length, 'claim')} to review.`);
      onImported();
    } finally {
      setBusy(false);
    }
  };
  const needsConfirm = preview?.signerTrust === 'unknown';
  return (
    <ImportCard
      id="contribution-import"
      title="Import a contribution"
      chooseLabel="Choose a contribution…"
      primary
      disabled={busy}
      onChoose={() => void attempt(choose)}
    >
      <div className="card-body section">
        {!preview ? (
          <p className="muted">
            {busy
              ? 'Checking the signature and every file…'
              : 'A claim owner’s signed .sscp-contribution file. It is checked completely, then waits for your review: nothing in the assessment changes until you accept it.'}
          </p>
        ) : null}
        {preview ? (
          <>
            <dl className="facts">
              <dt>From</dt>
              <dd>
                <OutsideText text={preview.contributor.name} />
                {preview.contributor.email ? (
                  <>
                    {' '}
                    &lt;
                    <OutsideText text={preview.contributor.email} />
                    &gt;
                  </>
                ) : null}
                {preview.contributor.team ? (
                  <>
                    , <OutsideText text={preview.contributor.team} />
                  </>
                ) : null}
              </dd>
              <dt>Organisation</dt>
              <dd>
                <OutsideText text={preview.organisation} />
              </dd>
              <dt>Claims</dt>
              <dd>{preview.claims.map((c) => c.claimId).join(', ')}</dd>
              <dt>Certificate fingerprint</dt>
              <dd className="mono">{preview.signerFingerprint}</dd>
              <dt>Signer</dt>
              <dd>
                <OutsideText text={preview.trustMessage} />
              </dd>
            </dl>
            {needsConfirm && !result ? (
              <Banner tone="warning" title="A new contributor: confirm their fingerprint once.">
                <span>
                  Compare the fingerprint above with the one <OutsideText text={preview.contributor.name} /> gives you by another channel
                  (in person, a phone call). It is remembered, so their next contribution is recognised.
                </span>
                <label className="checkbox-row">
                  <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> The fingerprint matches the
                  one they gave me
                </label>
              </Banner>
            ) : null}
            {!result ? (
              <div className="button-row">
                <button
                  type="button"
                  className="button primary"
                  disabled={busy || (needsConfirm && !confirmed)}
                  onClick={() => void attempt(importIt)}
                >
                  Import for review
                </button>
              </div>
            ) : (
              <Banner tone="success" live="polite" title={`Imported as contribution ${result.contributionId}, waiting for your review.`}>
                {result.unassignedClaims.length ? (
                  <span>Flagged: the contributor does not own claim {result.unassignedClaims.join(', ')}.</span>
                ) : null}
              </Banner>
            )}
          </>
        ) : null}
      </div>
    </ImportCard>
  );
}

function Value({ value }: { readonly value: string | null }) {
  if (value === null) return <span className="muted">(not proposed)</span>;
  if (value === '') return <span className="muted">(empty)</span>;
  return <OutsideText text={value} />;
}

/** One contributed claim beside the current answer, decided on its own. */
function ReviewItem({
  item,
  assessmentId,
  title,
  onDecided,
}: {
  readonly item: ContributionReviewView;
  readonly assessmentId: string;
  readonly title: string;
  readonly onDecided: (decision: ContributionDecisionView) => void;
}) {
  const [checkedUnassigned, setCheckedUnassigned] = useState(false);
  const [reason, setReason] = useState('');
  const heading = `contribution-${item.contributionId}-${item.claimId}`;
  const accept = async () => {
    const decision = await call('contributions.accept', {
      assessmentId,
      contributionId: item.contributionId,
      claimId: item.claimId,
      allowUnassigned: !item.assigned && checkedUnassigned,
    });
    onDecided(decision);
  };
  const reject = async () => {
    const decision = await call('contributions.reject', {
      assessmentId,
      contributionId: item.contributionId,
      claimId: item.claimId,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
    onDecided(decision);
  };
  return (
    <section className="card contribution-review" aria-labelledby={heading}>
      <div className="card-header">
        <h3 id={heading}>
          Claim {item.claimId} · {title}
        </h3>
      </div>
      <div className="card-body section">
        <p>
          From <OutsideText text={item.contributor.name} />
          {item.contributor.team ? (
            <>
              {' '}
              (<OutsideText text={item.contributor.team} />)
            </>
          ) : null}
          , made {formatInstantDate(item.createdAt)}, imported {formatInstantDate(item.importedAt)} · contribution {item.contributionId}
        </p>
        <p className="muted mono">
          Certificate {item.signerFingerprint} ({item.signerTrust === 'trusted' ? 'trusted' : 'fingerprint confirmed by you'})
        </p>
        {!item.assigned ? (
          <Banner tone="warning" title="Not assigned to this contributor.">
            <span>
              {item.owner ? (
                <>
                  This claim’s owner is <OutsideText text={item.owner.name} />.
                </>
              ) : (
                'This claim has no owner.'
              )}
            </span>
            <label className="checkbox-row">
              <input type="checkbox" checked={checkedUnassigned} onChange={(e) => setCheckedUnassigned(e.target.checked)} /> I have checked
              that they may answer for it
            </label>
          </Banner>
        ) : null}
        <DataTable columns={['Field', 'Now', 'Proposed']} className="contribution-diff">
          {FIELDS.map((f) => {
            const proposed = item.proposed[f];
            const changed = proposed !== null && proposed !== item.current[f];
            return (
              <tr key={f} className={changed ? 'changed' : undefined}>
                <th scope="row">{FIELD_LABELS[f]}</th>
                <td className="pre-wrap">
                  <Value value={item.current[f]} />
                </td>
                <td className="pre-wrap">
                  <Value value={proposed} />
                  {changed ? <span className="visually-hidden"> (changed)</span> : null}
                </td>
              </tr>
            );
          })}
        </DataTable>
        {item.files.length ? (
          <ul className="contribution-files">
            {item.files.map((f) => (
              <li key={f.sha256}>
                <OutsideText text={f.fileName} /> <span className="muted mono">{f.sha256.slice(0, 16)}…</span>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="field">
          <label htmlFor={`${heading}-reason`}>Reason, if you reject it</label>
          <input id={`${heading}-reason`} className="input" value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
        </div>
        <div className="button-row">
          <button
            type="button"
            className="button primary"
            disabled={!item.assigned && !checkedUnassigned}
            onClick={() => void attempt(accept)}
          >
            Accept claim {item.claimId}
          </button>
          <button type="button" className="button" onClick={() => void attempt(reject)}>
            Reject claim {item.claimId}
          </button>
        </div>
      </div>
    </section>
  );
}

/** Who owns which claim; assigning one is a click. */
function OwnersCard({
  assessmentId,
  claims,
  owners,
  onChanged,
}: {
  readonly assessmentId: string;
  readonly claims: readonly { id: string; title: string }[];
  readonly owners: readonly ClaimOwnerView[];
  readonly onChanged: () => void;
}) {
  const [claimId, setClaimId] = useState(claims[0]?.id ?? '');
  const [name, setName] = useState('');
  const [team, setTeam] = useState('');
  const [email, setEmail] = useState('');
  const assign = async () => {
    await call('owners.assign', { assessmentId, claimId, owner: { name, ...(team ? { team } : {}), ...(email ? { email } : {}) } });
    setName('');
    setTeam('');
    setEmail('');
    onChanged();
  };
  return (
    <section className="card" aria-labelledby="owners-heading">
      <div className="card-header">
        <h2 id="owners-heading">Claim owners</h2>
      </div>
      <div className="card-body section">
        {owners.length ? (
          <DataTable columns={['Claim', 'Owner', 'Team', 'Email']}>
            {owners.map((o) => (
              <tr key={o.claimId}>
                <td>{o.claimId}</td>
                <td>
                  <OutsideText text={o.name} />
                </td>
                <td>
                  <OutsideText text={o.team} />
                </td>
                <td>
                  <OutsideText text={o.email} />
                </td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="muted">No claim is assigned yet.</p>
        )}
        <div className="form-row">
          <div className="field">
            <label htmlFor="owner-claim">Claim</label>
            <select id="owner-claim" className="select" value={claimId} onChange={(e) => setClaimId(e.target.value)}>
              {claims.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.id} {c.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="owner-name">Owner’s name</label>
            <input id="owner-name" className="input" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="owner-team">Team</label>
            <input id="owner-team" className="input" value={team} maxLength={100} onChange={(e) => setTeam(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="owner-email">Email</label>
            <input
              id="owner-email"
              className="input"
              type="email"
              value={email}
              maxLength={254}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
        </div>
        <div className="button-row">
          <button type="button" className="button" disabled={!name.trim() || !claimId} onClick={() => void attempt(assign)}>
            Assign
          </button>
        </div>
      </div>
    </section>
  );
}

/** Claim owners and CI contribute; the SRO decides, claim by claim (docs/contributions.md). */
export function ContributionsScreen({ assessmentId }: { readonly assessmentId: string }) {
  const detail = useAssessment((s) => (s.detail?.assessment.id === assessmentId ? s.detail : null));
  const [pending, setPending] = useState<readonly ContributionReviewView[]>([]);
  const [owners, setOwners] = useState<readonly ClaimOwnerView[]>([]);
  const refresh = useCallback(async () => {
    setPending(await call('contributions.review', { assessmentId }));
    setOwners(await call('owners.list', { assessmentId }));
  }, [assessmentId]);
  useEffect(() => {
    void attempt(refresh);
  }, [refresh]);
  useEffect(() => {
    if (!detail) void attempt(() => useAssessment.getState().load(assessmentId));
  }, [detail, assessmentId]);
  const catalog = detail ? findCatalog(detail.assessment.catalogId, detail.assessment.catalogVersion) : undefined;
  const claims = catalog ? listClaims(catalog).map((c) => ({ id: c.claim.id, title: c.claim.title })) : [];
  const titleOf = (id: string) => claims.find((c) => c.id === id)?.title ?? '';
  const afterDecision = (decision: ContributionDecisionView) => {
    void attempt(refresh);
    // The accepted claims' answers and evidence come with the reply (a rejection changes nothing):
    // the open assessment takes them in place, without reading its thousands of items again.
    useAssessment.getState().applyAcceptedClaims(decision.claims);
  };
  return (
    <div className="page-inner">
      <PageHeader
        title="Contributions"
        subtitle="Claim owners and CI send signed contributions; nothing changes until you accept it, claim by claim."
      />
      <ImportContributionCard assessmentId={assessmentId} onImported={() => void attempt(refresh)} />
      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading">Waiting for your review ({pending.length})</h2>
        {pending.length === 0 ? <p className="muted">No contribution is waiting.</p> : null}
        {pending.map((item) => (
          <ReviewItem
            key={`${item.contributionId}-${item.claimId}`}
            item={item}
            assessmentId={assessmentId}
            title={titleOf(item.claimId)}
            onDecided={afterDecision}
          />
        ))}
      </section>
      {detail?.assessment.state === 'draft' ? (
        <OwnersCard assessmentId={assessmentId} claims={claims} owners={owners} onChanged={() => void attempt(refresh)} />
      ) : null}
    </div>
  );
}
