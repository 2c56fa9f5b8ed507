import { useRef, type KeyboardEvent } from 'react';
import type { Catalog, ClaimInContext } from '../../../shared/catalog/index';
import { describeRole, isClaimInScope } from '../../../shared/domain/applicability';
import { completenessByTheme } from '../../../shared/domain/completeness';
import { claimResultOf, rollupAssessment } from '../../../shared/domain/rollup';
import type { AssessmentDetail } from '../../../shared/domain/types';
import { ProgressBar } from '../../components/ProgressBar';
import { StatusMark } from '../../components/StatusMark';
import { ROLLUP_LABELS } from '../../format/labels';
import { NARROW, useMediaQuery } from '../../hooks/useMediaQuery';
import { useClaimFilter } from '../../stores/claim-filter';
import { ClaimFinder } from './ClaimFinder';

interface NavigatorProps {
  readonly catalog: Catalog;
  readonly detail: AssessmentDetail;
  /** The claims to list, already filtered and in working order. */
  readonly shown: readonly ClaimInContext[];
  readonly total: number;
  readonly selectedClaimId: string;
  readonly onSelect: (claimId: string) => void;
  /** Claims with a contribution waiting for the SRO's review. */
  readonly pendingClaimIds?: ReadonlySet<string>;
}

/** Consecutive runs of claims that share a principle, so the list keeps its headings in any order. */
function groupByPrinciple(claims: readonly ClaimInContext[]): readonly (readonly ClaimInContext[])[] {
  const groups: ClaimInContext[][] = [];
  for (const c of claims) {
    const last = groups.at(-1);
    if (last && last[0]!.principle.id === c.principle.id) last.push(c);
    else groups.push([c]);
  }
  return groups;
}

/**
 * The claims to work through, each with its standing: a finder on top, the claims in scope
 * for the vendor's role first and those out of scope set apart at the end. The list is one
 * Tab stop; the arrow keys move within it.
 */
export function Navigator(props: NavigatorProps) {
  const { catalog, detail, shown } = props;
  const listRef = useRef<HTMLDivElement>(null);
  const rollup = rollupAssessment(detail, catalog);
  const progress = completenessByTheme(detail, catalog);
  const inScope = shown.filter((c) => isClaimInScope(detail.assessment, c.claim.id));
  const outOfScope = shown.filter((c) => !isClaimInScope(detail.assessment, c.claim.id));
  const narrow = useMediaQuery(NARROW);
  const listOpen = useClaimFilter((s) => s.listOpen);
  const setListOpen = useClaimFilter((s) => s.setListOpen);
  const folded = narrow && !listOpen;
  const tabStop = shown.some((c) => c.claim.id === props.selectedClaimId) ? props.selectedClaimId : shown[0]?.claim.id;

  const onKeyDown = (e: KeyboardEvent) => {
    const keys: Readonly<Record<string, number>> = { ArrowDown: 1, ArrowUp: -1 };
    const buttons = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button.nav-claim') ?? []);
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    let next: number | null = null;
    if (e.key in keys) next = Math.max(0, Math.min(buttons.length - 1, at + keys[e.key]!));
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = buttons.length - 1;
    if (next === null) return;
    e.preventDefault();
    buttons[next]!.focus();
  };

  const claimButton = (c: ClaimInContext) => {
    const status = isClaimInScope(detail.assessment, c.claim.id) ? claimResultOf(detail, c.claim.id) : 'out-of-scope';
    return (
      <li key={c.claim.id}>
        <button
          type="button"
          className="nav-claim"
          tabIndex={c.claim.id === tabStop ? 0 : -1}
          aria-current={c.claim.id === props.selectedClaimId ? 'true' : undefined}
          onClick={() => {
            if (narrow) setListOpen(false);
            props.onSelect(c.claim.id);
          }}
        >
          <StatusMark status={status} decorative />
          <span className="nav-claim-id">{c.claim.id}</span>{' '}
          <span className="nav-claim-title">
            {props.pendingClaimIds?.has(c.claim.id) ? (
              <span className="badge warning nav-pending" aria-hidden="true">
                Pending
              </span>
            ) : null}
            {c.claim.title}
            <span className="visually-hidden">, {ROLLUP_LABELS[status]}</span>
            {props.pendingClaimIds?.has(c.claim.id) ? (
              <span className="visually-hidden">, a contribution waits for your review</span>
            ) : null}
          </span>
        </button>
      </li>
    );
  };

  const themeHead = (themeId: string) => {
    const ti = catalog.themes.findIndex((t) => t.id === themeId);
    const theme = catalog.themes[ti]!;
    const themeProgress = progress[ti]!;
    return (
      <div className="nav-theme-head-block">
        <div className="nav-theme-head">
          <span className="nav-theme-title">
            {theme.id}. {theme.title}
          </span>
          <StatusMark status={rollup.themes[ti]!.status} showLabel={false} />
        </div>
        {rollup.themes[ti]!.status !== 'out-of-scope' ? (
          <div className="nav-theme-progress">
            <ProgressBar done={themeProgress.assessed} total={themeProgress.inScope} label={`Theme ${theme.id}: claims assessed`} />
            <span className="muted">
              {themeProgress.assessed}/{themeProgress.inScope}
            </span>
          </div>
        ) : null}
      </div>
    );
  };

  const renderClaims = (claims: readonly ClaimInContext[]) => {
    const groups = groupByPrinciple(claims);
    return (
      <ol className="nav-principles">
        {groups.map((group, gi) => {
          const { theme, principle } = group[0]!;
          const newTheme = gi === 0 || groups[gi - 1]![0]!.theme.id !== theme.id;
          const ti = catalog.themes.findIndex((t) => t.id === theme.id);
          const pi = theme.principles.findIndex((p) => p.id === principle.id);
          return (
            <li key={principle.id} className={newTheme ? 'nav-new-theme' : undefined}>
              {newTheme ? themeHead(theme.id) : null}
              <div className="nav-principle-head">
                <span>
                  {principle.id} {principle.title}
                </span>
                <StatusMark status={rollup.themes[ti]!.principles[pi]!.status} showLabel={false} />
              </div>
              <ol className="nav-claims">{group.map(claimButton)}</ol>
            </li>
          );
        })}
      </ol>
    );
  };

  return (
    <nav className="navigator" aria-label="Claims">
      <div className="navigator-head">
        <h1 id="page-title" tabIndex={-1}>
          {detail.assessment.organisation}
        </h1>
        {narrow ? (
          <button
            type="button"
            className="button small nav-fold"
            aria-expanded={!folded}
            aria-controls="claim-list"
            onClick={() => setListOpen(folded)}
          >
            {folded ? `Show the claim list (${props.total} claims)` : 'Hide the claim list'}
          </button>
        ) : null}
        {folded ? null : <ClaimFinder detail={detail} shown={shown.length} total={props.total} />}
      </div>
      {/* Arrow keys, Home and End move between the claim buttons inside (one Tab stop): the keys
          come from those buttons, so the list itself needs no role of its own. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div className="nav-list" id="claim-list" ref={listRef} onKeyDown={onKeyDown} hidden={folded}>
        {shown.length === 0 ? <p className="muted nav-empty">No claim matches. Clear the search or a filter to see more.</p> : null}
        {inScope.length > 0 ? renderClaims(inScope) : null}
        {outOfScope.length > 0 ? (
          <section className="nav-out-of-scope" aria-labelledby="out-of-scope-heading">
            <h2 id="out-of-scope-heading" className="nav-out-of-scope-title">
              Out of scope for the role “{describeRole(detail.assessment.role).label}”
            </h2>
            <p className="muted nav-note">Shown for reference. They need no answer.</p>
            {renderClaims(outOfScope)}
          </section>
        ) : null}
      </div>
    </nav>
  );
}
