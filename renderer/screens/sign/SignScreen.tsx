import { useEffect, useState } from 'react';
import { findCatalog } from '../../../shared/catalog/index';
import { localIsoDate } from '../../../shared/domain/dates';
import { frozenReason } from '../../../shared/domain/frozen';
import { appHintFor, reasonMessage } from '../../ipc/error-hints';
import { earlySigning, isReadyToSign, neverSignable, signoffBlockers } from '../../../shared/domain/signoff';
import type { PackProfileName } from '../../../shared/ipc/views-signing';
import { PageHeader } from '../../components/PageHeader';
import { attempt } from '../../stores/announcer';
import { useAssessment } from '../../stores/assessment';
import { holdsAllEvidence } from '../../stores/evidence-replies';
import { useIdentities } from '../../stores/identities';
import { useNavigation } from '../../stores/navigation';
import { useSession } from '../../stores/session';
import { useSigning } from '../../stores/signing';
import { BlockerList } from '../dashboard/BlockerList';
import { SignForm } from './SignForm';
import { RecipientPreview } from './RecipientPreview';
import { SignResult } from './SignResult';
import { Banner } from '../../components/Banner';
import './sign.css';

/** Step 6: check what stands in the way, choose how to sign, sign, and see the pack verified. */
export function SignScreen({ assessmentId }: { readonly assessmentId: string }) {
  const detail = useAssessment((s) => s.detail);
  const load = useAssessment((s) => s.load);
  const loadIdentities = useIdentities((s) => s.load);
  const result = useSigning((s) => s.result);
  const reset = useSigning((s) => s.reset);
  const go = useNavigation((s) => s.go);
  const [profile, setProfile] = useState<PackProfileName>('customer');

  useEffect(() => {
    reset();
    void attempt(() => load(assessmentId));
    void attempt(loadIdentities);
  }, [assessmentId, load, loadIdentities, reset]);
  const defaultIdentity = useSession((s) => s.settings?.defaultIdentityId ?? null);

  // Its blockers read every evidence record: not shown from an assessment still arriving.
  if (!detail || detail.assessment.id !== assessmentId || !holdsAllEvidence(detail))
    return <p className="muted">Loading the assessment…</p>;
  const catalog = findCatalog(detail.assessment.catalogId, detail.assessment.catalogVersion);
  if (!catalog) return <p>This assessment uses a catalog version this app does not include.</p>;
  const checks = signoffBlockers(detail, catalog, localIsoDate(new Date()));
  const blockers = checks.filter((c) => c.severity === 'blocker');
  // No accepted exception can sign a period that has not started; one not yet ended needs its own confirmation.
  const unsignable = neverSignable(checks)[0]?.message ?? null;
  const early = earlySigning(checks);
  const warnings = checks.filter((c) => c.severity === 'warning');
  const { assessment } = detail;
  const frozen = frozenReason(assessment, 'sign');

  return (
    <div className="page-inner">
      <PageHeader
        title="Sign and export"
        subtitle={`${assessment.organisation}: a signed PDF that anyone can check with ordinary tools.`}
      />
      {result ? (
        <SignResult result={result} onDone={() => go({ name: 'dashboard', assessmentId })} />
      ) : frozen ? (
        <Banner tone="neutral" title={reasonMessage(frozen)}>
          <span>{appHintFor(frozen)}</span>
        </Banner>
      ) : (
        <div className="sign-layout">
          <section className="card" aria-labelledby="readiness-heading">
            <div className="card-header">
              <h2 id="readiness-heading">Readiness</h2>
              <span className={`badge ${isReadyToSign(checks) ? 'signed' : 'danger'}`}>
                {isReadyToSign(checks) ? 'Ready to sign' : `${blockers.length} open ${blockers.length === 1 ? 'issue' : 'issues'}`}
              </span>
            </div>
            <BlockerList blockers={[...blockers, ...warnings]} assessmentId={assessmentId} />
          </section>
          <SignForm
            detail={detail}
            catalogTitle={catalog.title}
            blockers={blockers.filter((b) => b.needs !== 'never-signable').map((b) => b.message)}
            unsignable={unsignable}
            periodEnd={early ? assessment.periodEnd : null}
            profile={profile}
            onProfile={setProfile}
            defaultIdentity={defaultIdentity}
          />
          <RecipientPreview detail={detail} profile={profile} />
        </div>
      )}
    </div>
  );
}
