import { useEffect } from 'react';
import { findCatalog } from '../../../shared/catalog/index';
import { diffAssessments } from '../../../shared/domain/diff';
import { PageHeader } from '../../components/PageHeader';
import { UnverifiedSignerBanner } from '../../components/UnverifiedSignerBanner';
import { attempt } from '../../stores/announcer';
import { useAssessments } from '../../stores/assessments';
import { useCompare } from '../../stores/compare';
import { useNavigation } from '../../stores/navigation';
import { AssessmentPicker } from './AssessmentPicker';
import { ClaimChanges } from './ClaimChanges';
import { ThemeSummary } from './ThemeSummary';
import './compare.css';

/** Step 7b: what changed between two assessments, year on year, claim by claim. */
export function CompareScreen() {
  const { items, load } = useAssessments();
  const { fromId, toId, from, to, choose } = useCompare();
  const current = useNavigation((s) => s.currentAssessmentId);

  useEffect(() => {
    void attempt(load);
  }, [load]);
  // Start from the assessment in hand and the one it was carried forward from.
  useEffect(() => {
    if (toId || !current) return;
    const mine = items.find((i) => i.assessment.id === current)?.assessment;
    if (!mine) return;
    void attempt(() => choose('to', mine.id));
    if (mine.previousId && !fromId) void attempt(() => choose('from', mine.previousId));
  }, [items, current, toId, fromId, choose]);

  const catalog = to ? findCatalog(to.assessment.catalogId, to.assessment.catalogVersion) : undefined;
  const fromCatalog = from ? findCatalog(from.assessment.catalogId, from.assessment.catalogVersion) : undefined;
  const diff = from && to && catalog ? diffAssessments(from, to, catalog, fromCatalog) : null;
  return (
    <div className="page-inner">
      <PageHeader
        title="Compare assessments"
        subtitle="See what changed from one period to the next: results, wording, evidence and actions."
      />
      <section className="card card-body compare-pickers">
        <AssessmentPicker
          id="compare-from"
          label="Earlier assessment"
          items={items}
          value={fromId}
          onChoose={(id) => void attempt(() => choose('from', id))}
        />
        <span className="compare-arrow" aria-hidden="true">
          →
        </span>
        <AssessmentPicker
          id="compare-to"
          label="Later assessment"
          items={items}
          value={toId}
          onChoose={(id) => void attempt(() => choose('to', id))}
        />
      </section>
      {(['from', 'to'] as const).map((side) => {
        const id = side === 'from' ? fromId : toId;
        const unverified = items.find((i) => i.assessment.id === id)?.unverifiedSigner;
        return id && unverified ? (
          <UnverifiedSignerBanner
            key={side}
            unverified={unverified}
            assessmentId={id}
            label={side === 'from' ? 'The earlier assessment' : 'The later assessment'}
          />
        ) : null;
      })}
      {diff ? (
        <>
          <ThemeSummary diff={diff} />
          <ClaimChanges diff={diff} />
        </>
      ) : (
        <p className="empty">Choose two assessments to compare.</p>
      )}
    </div>
  );
}
