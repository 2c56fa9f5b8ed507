import type { VerificationView } from '../../shared/ipc/views-signing';
import { formatInstant } from '../format/numbers';
import { OutsideText } from './OutsideText';
import { Banner } from './Banner';
import './VerificationCard.css';

function groupedHex(hex: string): string {
  return hex.match(/.{1,4}/g)?.join(' ') ?? hex;
}

const OUTCOME_TEXT = { pass: 'Passed', fail: 'Failed', warn: 'Warning' } as const;

/** The verifier's answer in words a recipient understands, with each check underneath. */
export function VerificationCard({ verification: v, title }: { readonly verification: VerificationView; readonly title: string }) {
  const tone = !v.valid ? 'error' : v.trusted ? 'success' : 'warning';
  const headline = !v.valid
    ? 'This pack does not verify.'
    : v.trusted
      ? 'Signature valid and signer trusted.'
      : 'Signature valid; the signer is not yet trusted.';
  return (
    <section className="card verification" aria-labelledby="verification-heading">
      <div className="card-header">
        <h2 id="verification-heading">{title}</h2>
      </div>
      <div className="card-body section">
        <Banner tone={tone} live="polite" title={headline}>
          <span>
            <OutsideText text={v.summary} />
          </span>
          {v.trusted && v.trust?.ownIdentity ? (
            <span>
              It was signed with your own signing identity "<OutsideText text={v.trust.ownIdentity} />
              ".
            </span>
          ) : null}
          {v.valid && !v.trusted ? (
            <span>
              Nothing establishes who signed it. Ask the organisation for the signer's certificate fingerprint by another channel (their
              website, a phone call, in person; not the message the pack came with), compare it with the one below, and give it to check the
              pack again.
            </span>
          ) : null}
        </Banner>
        {v.signer ? (
          <dl className="facts">
            <dt>Signed by</dt>
            <dd>
              {[v.signer.commonName, v.signer.title, v.signer.organisation]
                .filter((x): x is string => Boolean(x))
                .map((x, i) => (
                  <span key={i}>
                    {i > 0 ? ', ' : ''}
                    <OutsideText text={x} />
                  </span>
                ))}
            </dd>
            {v.signedAt ? (
              <>
                <dt>Signed at</dt>
                <dd>{formatInstant(v.signedAt)}</dd>
              </>
            ) : null}
            {v.certification ? (
              <>
                <dt>Certified</dt>
                <dd>
                  {v.certification.certified
                    ? `Yes: ${v.certification.meaning} after signing (level ${v.certification.permission})`
                    : `No: ${v.certification.meaning}`}
                </dd>
              </>
            ) : null}
            <dt>Certificate fingerprint</dt>
            <dd className="mono fingerprint">SHA-256 {groupedHex(v.signer.fingerprint)}</dd>
            {v.profile ? (
              <>
                <dt>Pack type</dt>
                <dd>{v.profile === 'certification' ? 'Certification body (all evidence)' : 'Customer (confidential evidence withheld)'}</dd>
              </>
            ) : null}
            <dt>Files</dt>
            <dd>
              {v.files.filter((f) => f.status === 'ok').length} embedded and matching
              {v.files.some((f) => f.status === 'withheld')
                ? `, ${v.files.filter((f) => f.status === 'withheld').length} withheld (listed by fingerprint only)`
                : ''}
            </dd>
          </dl>
        ) : null}
        <details>
          <summary>Every check ({v.checks.length})</summary>
          <ul className="check-list">
            {v.checks.map((c) => (
              <li key={c.id} className={`check check-${c.outcome}`}>
                <span className={`badge ${c.outcome === 'pass' ? 'signed' : c.outcome === 'warn' ? 'warning' : 'danger'}`}>
                  {OUTCOME_TEXT[c.outcome]}
                </span>
                <span>
                  <OutsideText text={c.message} />
                </span>
              </li>
            ))}
          </ul>
        </details>
        {v.problems.length > 0 ? (
          <ul className="problem-list">
            {v.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}
