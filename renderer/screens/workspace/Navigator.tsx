import type { Catalog } from '../../../shared/catalog/index';
import { isClaimInScope } from '../../../shared/domain/applicability';
import { completenessByTheme } from '../../../shared/domain/completeness';
import { claimResultOf, rollupAssessment } from '../../../shared/domain/rollup';
import type { AssessmentDetail } from '../../../shared/domain/types';
import { ProgressBar } from '../../components/ProgressBar';
import { StatusMark } from '../../components/StatusMark';
import { ROLLUP_LABELS } from '../../format/labels';

/** Themes → principles → claims, each with its standing, so the SRO sees what is left at a glance. */
export function Navigator(props: { readonly catalog: Catalog; readonly detail: AssessmentDetail; readonly selectedClaimId: string; readonly onSelect: (claimId: string) => void }) {
  const { catalog, detail } = props;
  const rollup = rollupAssessment(detail, catalog);
  const progress = completenessByTheme(detail, catalog);
  return (
    <nav className="navigator" aria-label="Claims">
      <div className="navigator-head">
        <h1 id="page-title" tabIndex={-1}>
          {detail.assessment.organisation}
        </h1>
        <p className="muted">Choose a claim to record your answer and evidence.</p>
      </div>
      <ol className="nav-themes">
        {catalog.themes.map((theme, ti) => {
          const themeRollup = rollup.themes[ti]!;
          const themeProgress = progress[ti]!;
          const inScope = themeRollup.status !== 'out-of-scope';
          return (
            <li key={theme.id} className={`nav-theme ${inScope ? '' : 'out-of-scope'}`}>
              <div className="nav-theme-head">
                <span className="nav-theme-title">
                  {theme.id}. {theme.title}
                </span>
                <StatusMark status={themeRollup.status} showLabel={false} />
              </div>
              {inScope ? (
                <div className="nav-theme-progress">
                  <ProgressBar done={themeProgress.assessed} total={themeProgress.inScope} label={`Theme ${theme.id}: claims assessed`} />
                  <span className="muted">
                    {themeProgress.assessed}/{themeProgress.inScope}
                  </span>
                </div>
              ) : (
                <span className="muted nav-note">Out of scope for this role</span>
              )}
              <ol className="nav-principles">
                {theme.principles.map((principle, pi) => (
                  <li key={principle.id}>
                    <div className="nav-principle-head">
                      <span>
                        {principle.id} {principle.title}
                      </span>
                      <StatusMark status={themeRollup.principles[pi]!.status} showLabel={false} />
                    </div>
                    <ol className="nav-claims">
                      {principle.claims.map((claim) => {
                        const status = isClaimInScope(detail.assessment, claim.id) ? claimResultOf(detail, claim.id) : 'out-of-scope';
                        return (
                          <li key={claim.id}>
                            <button
                              type="button"
                              className="nav-claim"
                              aria-current={claim.id === props.selectedClaimId ? 'true' : undefined}
                              onClick={() => props.onSelect(claim.id)}
                            >
                              <StatusMark status={status} decorative />
                              <span className="nav-claim-id">{claim.id}</span>{' '}
                              <span className="nav-claim-title">
                                {claim.title}
                                <span className="visually-hidden">, {ROLLUP_LABELS[status]}</span>
                              </span>
                            </button>
                          </li>
                        );
                      })}
                    </ol>
                  </li>
                ))}
              </ol>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
