import { useEffect } from 'react';
import { findCatalog } from '../../../shared/catalog/index';
import { diffAssessments } from '../../../shared/domain/diff';
import { PageHeader } from '../../components/PageHeader';
import { formatPeriod } from '../../format/numbers';
import { attempt } from '../../stores/announcer';
import { useAssessments } from '../../stores/assessments';
import { useCompare } from '../../stores/compare';
import { useNavigation } from '../../stores/navigation';
import { ClaimChanges } from './ClaimChanges';
import { ThemeSummary } from './ThemeSummary';

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
  const diff = from && to && catalog ? diffAssessments(from, to, catalog) : null;
  const label = (id: string) => {
    const a = items.find((i) => i.assessment.id === id)?.assessment;
    return a ? `${a.organisation} · ${formatPeriod(a.periodStart, a.periodEnd)} · ${a.state}` : id;
  };
  return (
    <div className="page-inner">
      <PageHeader title="Compare assessments" subtitle="See what changed from one period to the next: results, wording, evidence and actions." />
      <section className="card card-body compare-pickers">
        <div className="field">
          <label htmlFor="compare-from">Earlier assessment</label>
          <select id="compare-from" className="select" value={fromId ?? ''} onChange={(e) => void attempt(() => choose('from', e.target.value || null))}>
            <option value="">Choose…</option>
            {items.map((i) => (
              <option key={i.assessment.id} value={i.assessment.id}>
                {label(i.assessment.id)}
              </option>
            ))}
          </select>
        </div>
        <span className="compare-arrow" aria-hidden="true">
          →
        </span>
        <div className="field">
          <label htmlFor="compare-to">Later assessment</label>
          <select id="compare-to" className="select" value={toId ?? ''} onChange={(e) => void attempt(() => choose('to', e.target.value || null))}>
            <option value="">Choose…</option>
            {items.map((i) => (
              <option key={i.assessment.id} value={i.assessment.id}>
                {label(i.assessment.id)}
              </option>
            ))}
          </select>
        </div>
      </section>
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
