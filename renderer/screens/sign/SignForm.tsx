import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formatDate } from '../../format/numbers';
import type { AssessmentDetail, IsoDate } from '../../../shared/domain/types';
import type { PackProfileName } from '../../../shared/ipc/views-signing';
import { JobProgressAt } from '../../components/JobProgress';
import { IdentityPassphraseFields } from '../../components/IdentityPassphraseFields';
import { attestationText } from '../../../shared/domain/attestation';
import { attempt } from '../../stores/announcer';
import { useIdentities } from '../../stores/identities';
import { useNavigation } from '../../stores/navigation';
import { fileName } from '../../stores/session';
import { SIGN_FORM, useSigning } from '../../stores/signing';
import { signNeeds, signNeedsSentence } from './sign-needs';
import { Banner } from '../../components/Banner';

const PROFILES: readonly { value: PackProfileName; label: string; help: string }[] = [
  { value: 'customer', label: 'For customers', help: 'Confidential evidence is left out; the pack lists it by fingerprint only.' },
  { value: 'certification', label: 'For a certification body', help: 'Every evidence file goes in, confidential ones included.' },
];

export function SignForm(props: {
  readonly detail: AssessmentDetail;
  readonly catalogTitle: string;
  readonly blockers: readonly string[];
  readonly profile: PackProfileName;
  readonly onProfile: (p: PackProfileName) => void;
  readonly defaultIdentity: string | null;
  /** Why the assessment cannot be signed at all today (its period has not started), if so. */
  readonly unsignable?: string | null;
  /** The last day of a period that has not ended yet: signing needs the SRO's explicit confirmation. */
  readonly periodEnd?: IsoDate | null;
}) {
  const { assessment } = props.detail;
  const identities = useIdentities((s) => s.items);
  const { outPath, chooseOutPath, sign, busy: running } = useSigning();
  const go = useNavigation((s) => s.go);
  const [identity, setIdentity] = useState<string>(props.defaultIdentity ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [accept, setAccept] = useState(false);
  const [acceptEarly, setAcceptEarly] = useState(false);
  const periodEnd = props.periodEnd ?? null;
  const chosen = identities.find((i) => i.label === identity) ?? identities.find((i) => i.label === props.defaultIdentity) ?? identities[0];
  const needsAcceptance = props.blockers.length > 0;
  // Signing starts from a button at the foot of a long form: bring its progress and Cancel into view.
  const progressRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (running) progressRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [running]);
  const needs = signNeeds({
    hasIdentity: chosen !== undefined,
    hasPassphrase: passphrase.length > 0,
    hasOutPath: outPath !== null,
    mustAccept: needsAcceptance && !accept,
    mustConfirmEarly: periodEnd !== null && !acceptEarly,
    periodNotStarted: Boolean(props.unsignable),
  });
  const canSign = needs.length === 0 && !running;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!canSign || !chosen) return;
    await attempt(() =>
      sign({
        assessmentId: assessment.id,
        identityLabel: chosen.label,
        passphrase,
        profile: props.profile,
        acceptExceptions: needsAcceptance && accept,
        signBeforePeriodEnd: periodEnd !== null && acceptEarly,
      }),
    );
    setPassphrase('');
  };
  const suggested =
    `${assessment.organisation} SSCP evidence pack ${assessment.periodEnd ?? ''}`.trim().replace(/[^\w .-]+/g, '_') + '.pdf';

  return (
    <form className="card card-body sign-form" onSubmit={(e) => void submit(e)}>
      <div className="section">
        <fieldset disabled={running}>
          <legend className="section-legend">Who the pack is for</legend>
          <div className="radio-list">
            {PROFILES.map((p) => (
              <label key={p.value} className="checkbox-row">
                <input
                  type="radio"
                  name="profile"
                  value={p.value}
                  checked={props.profile === p.value}
                  onChange={() => props.onProfile(p.value)}
                />
                <span>
                  <strong>{p.label}</strong>
                  <br />
                  <span className="muted">{p.help}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="section">
        <fieldset disabled={running}>
          <legend className="section-legend">Signature</legend>
          {identities.length === 0 ? (
            <Banner
              tone="warning"
              title="You have no signing identity yet."
              actions={
                <button type="button" className="button small" onClick={() => go({ name: 'settings' })}>
                  Go to Settings
                </button>
              }
            >
              <span>Create one in Settings: it takes a minute and stays on this computer.</span>
            </Banner>
          ) : (
            <div className="form-grid">
              <IdentityPassphraseFields
                identityLabel="Signing identity"
                identities={identities}
                identity={chosen?.label ?? ''}
                onIdentity={setIdentity}
                passphrase={passphrase}
                onPassphrase={setPassphrase}
              />
            </div>
          )}
          <div className="field">
            <span className="field-label">Save the pack as</span>
            <div className="button-row">
              <button type="button" className="button" onClick={() => void attempt(() => chooseOutPath(suggested))}>
                Choose where to save…
              </button>
              <span className="muted" data-testid="out-path">
                {outPath ? fileName(outPath) : 'Not chosen yet'}
              </span>
            </div>
          </div>
        </fieldset>
      </div>
      <div className="section attestation">
        <h3>What you are signing</h3>
        <blockquote>{attestationText(assessment, props.catalogTitle)}</blockquote>
        {needsAcceptance ? (
          <label className="checkbox-row accept">
            <input type="checkbox" checked={accept} onChange={(e) => setAccept(e.target.checked)} disabled={running} />
            <span>
              I accept the {props.blockers.length} open {props.blockers.length === 1 ? 'issue' : 'issues'} listed under Readiness. The pack
              will list each one as an exception I accepted.
            </span>
          </label>
        ) : null}
        {periodEnd !== null ? (
          <label className="checkbox-row accept">
            <input type="checkbox" checked={acceptEarly} onChange={(e) => setAcceptEarly(e.target.checked)} disabled={running} />
            <span>
              I am signing before the assessment period ends on {formatDate(periodEnd)}. The pack will say on its cover and in the
              attestation that it was signed before the period ended.
            </span>
          </label>
        ) : null}
        {props.unsignable ? (
          <Banner tone="error" live="assertive" title="This assessment cannot be signed yet.">
            <span>{props.unsignable}</span>
          </Banner>
        ) : null}
      </div>
      {running ? (
        <div className="section" ref={progressRef}>
          <JobProgressAt place={SIGN_FORM} />
        </div>
      ) : null}
      <div className="button-row end">
        {/* A disabled button alone does not say why; this does. */}
        {needs.length > 0 && !running ? (
          <span className="muted" id="sign-needs">
            {signNeedsSentence(needs)}
          </span>
        ) : null}
        <button
          type="submit"
          className="button primary"
          disabled={!canSign}
          aria-describedby={needs.length > 0 && !running ? 'sign-needs' : undefined}
        >
          Sign and export
        </button>
      </div>
    </form>
  );
}
