import { useEffect } from 'react';
import { findCatalog } from '../../../shared/catalog/index';
import { completeness } from '../../../shared/domain/completeness';
import { localIsoDate } from '../../../shared/domain/dates';
import { rollupAssessment } from '../../../shared/domain/rollup';
import { isReadyToSign, signoffBlockers } from '../../../shared/domain/signoff';
import { PageHeader } from '../../components/PageHeader';
import { formatPeriod } from '../../format/numbers';
import { attempt } from '../../stores/announcer';
import { useAssessment } from '../../stores/assessment';
import { holdsAllEvidence } from '../../stores/evidence-replies';
import { ActionsByOwner } from './ActionsByOwner';
import { DashboardActions } from './DashboardActions';
import { HistoryCard } from './HistoryCard';
import { OwnersCard } from './OwnersCard';
import { BlockerList } from './BlockerList';
import { ResultsChart } from './ResultsChart';
import { SignedCard } from './SignedCard';
import { SummaryTiles } from './SummaryTiles';
import './dashboard.css';

/** Step 4: where the assessment stands, what stops signing, and what is due. */
export function DashboardScreen({ assessmentId }: { readonly assessmentId: string }) {
  const detail = useAssessment((s) => s.detail);
  const load = useAssessment((s) => s.load);
  useEffect(() => {
    void attempt(() => load(assessmentId));
  }, [assessmentId, load]);
  // Its blockers read every evidence record: not shown from an assessment still arriving.
  if (!detail || detail.assessment.id !== assessmentId || !holdsAllEvidence(detail))
    return <p className="muted">Loading the assessment…</p>;
  const catalog = findCatalog(detail.assessment.catalogId, detail.assessment.catalogVersion);
  if (!catalog) return <p>This assessment uses a catalog version this app does not include.</p>;

  const today = localIsoDate(new Date());
  const rollup = rollupAssessment(detail, catalog);
  const progress = completeness(detail, catalog);
  const blockers = signoffBlockers(detail, catalog, today);
  const expiring = blockers.filter((b) => b.kind === 'evidence-expiring' || b.kind === 'evidence-expired');
  const { assessment } = detail;
  // Signed (and perhaps archived since): readiness to sign no longer applies.
  const signed = assessment.signedAt !== null;
  return (
    <div className="page-inner">
      <PageHeader
        title="Dashboard"
        subtitle={`${assessment.organisation} · ${formatPeriod(assessment.periodStart, assessment.periodEnd)}`}
        actions={<DashboardActions assessment={assessment} />}
      />
      <SummaryTiles
        progress={progress}
        counts={rollup.counts}
        blockers={blockers}
        openActions={detail.actions.filter((a) => a.state === 'open').length}
        ready={isReadyToSign(blockers)}
        signedAt={assessment.signedAt}
      />
      {signed ? <SignedCard assessment={assessment} /> : null}
      <section className="card" aria-labelledby="results-heading">
        <div className="card-header">
          <h2 id="results-heading">Results by theme and principle</h2>
        </div>
        <div className="card-body">
          <ResultsChart catalog={catalog} rollup={rollup} assessmentId={assessment.id} />
        </div>
      </section>
      <div className="dashboard-columns">
        {signed ? null : (
          <section className="card" aria-labelledby="blockers-heading">
            <div className="card-header">
              <h2 id="blockers-heading">Before you can sign</h2>
              <span className={`badge ${isReadyToSign(blockers) ? 'signed' : 'danger'}`}>
                {isReadyToSign(blockers) ? 'Ready to sign' : `${blockers.filter((b) => b.severity === 'blocker').length} to resolve`}
              </span>
            </div>
            <BlockerList blockers={blockers.filter((b) => b.kind !== 'evidence-expiring')} assessmentId={assessment.id} />
          </section>
        )}
        <div className="dashboard-stack">
          <section className="card" aria-labelledby="expiring-heading">
            <div className="card-header">
              <h2 id="expiring-heading">Evidence expiring soon</h2>
            </div>
            <BlockerList blockers={expiring} assessmentId={assessment.id} empty="No linked evidence expires in the next 30 days." />
          </section>
          <section className="card" aria-labelledby="actions-heading">
            <div className="card-header">
              <h2 id="actions-heading">Open remedial actions</h2>
            </div>
            <ActionsByOwner actions={detail.actions} today={today} assessmentId={assessment.id} />
          </section>
          <OwnersCard detail={detail} />
          <HistoryCard assessmentId={assessment.id} updatedAt={assessment.updatedAt} />
        </div>
      </div>
    </div>
  );
}
