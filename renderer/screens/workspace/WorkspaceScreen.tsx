import { useEffect, useRef } from 'react';
import { findCatalog, listClaims, type ClaimInContext } from '../../../shared/catalog/index';
import { claimToShow, claimsInWorkingOrder, filterClaims } from '../../../shared/domain/claim-filter';
import { localIsoDate } from '../../../shared/domain/dates';
import { attempt } from '../../stores/announcer';
import { UnverifiedSignerBanner } from '../../components/UnverifiedSignerBanner';
import { useAssessment } from '../../stores/assessment';
import { useAssessments } from '../../stores/assessments';
import { filterFor, useClaimFilter } from '../../stores/claim-filter';
import { useClaimCommands } from '../../stores/claim-commands';
import { useNavigation } from '../../stores/navigation';
import { useClaimOwnership } from '../contributions/use-claim-ownership';
import { ClaimEditor } from './ClaimEditor';
import { claimCommandHandler } from './claim-commands';
import { Navigator } from './Navigator';
import './workspace.css';

/** Step 3: the claims of one assessment, and the editor for the chosen claim. */
export function WorkspaceScreen({ assessmentId, claimId }: { readonly assessmentId: string; readonly claimId: string | null }) {
  const detail = useAssessment((s) => s.detail);
  const load = useAssessment((s) => s.load);
  const go = useNavigation((s) => s.go);
  const unverified = useAssessments((s) => s.items.find((i) => i.assessment.id === assessmentId)?.unverifiedSigner ?? null);
  const listLoaded = useAssessments((s) => s.loaded);
  const filter = useClaimFilter((s) => filterFor(s, assessmentId));
  const register = useClaimCommands((s) => s.register);
  // Owners change on the Contributions screen; leaving for it and coming back reads them again.
  // They are asked for once the assessment is here: main answers the claim the person waits for first.
  const ownership = useClaimOwnership(assessmentId, undefined, detail !== null && detail.assessment.id === assessmentId);
  // Set when a shortcut moved to another claim, so focus follows to its heading.
  const focusHeading = useRef(false);

  // The claim asked for when the assessment is opened: main sends its evidence first (moving
  // between claims later reads nothing).
  const askedClaim = useRef(claimId);
  useEffect(() => {
    askedClaim.current = claimId;
  }, [claimId]);
  useEffect(() => {
    void attempt(() => load(assessmentId, { claimId: askedClaim.current }));
  }, [assessmentId, load]);
  // The list says whether the assessment came from an unverified signer. Opened straight from a
  // menu, it may not be loaded yet; the start page reports a list that will not load.
  useEffect(() => {
    if (!listLoaded)
      useAssessments
        .getState()
        .load()
        .catch(() => undefined);
  }, [listLoaded]);

  const ready = detail !== null && detail.assessment.id === assessmentId;
  const catalog = ready ? findCatalog(detail.assessment.catalogId, detail.assessment.catalogVersion) : undefined;
  const ordered: readonly ClaimInContext[] = ready && catalog ? claimsInWorkingOrder(listClaims(catalog), detail) : [];
  const shown = ready ? filterClaims(ordered, detail, filter, localIsoDate(new Date())) : [];
  const selected = ready ? claimToShow(ordered, detail.assessment, claimId) : undefined;

  const latest = useRef({ shown, selected, detail });
  // The menu and shortcut handler reads what was last shown; it is kept current after each render.
  useEffect(() => {
    latest.current = { shown, selected, detail };
  });
  useEffect(() => {
    register(
      claimCommandHandler(
        () => latest.current,
        (id) => {
          focusHeading.current = true;
          go({ name: 'workspace', assessmentId, claimId: id });
        },
      ),
    );
    return () => register(null);
  }, [assessmentId, go, register]);

  useEffect(() => {
    if (!focusHeading.current) return;
    focusHeading.current = false;
    document.getElementById('claim-heading')?.focus({ preventScroll: false });
  }, [selected?.claim.id]);

  if (!ready) return <p className="page muted">Loading the assessment…</p>;
  if (!catalog) {
    return (
      <p className="page">
        This assessment uses catalog version {detail.assessment.catalogVersion}, which this version of the app does not include. Update the
        app to open it.
      </p>
    );
  }
  return (
    <div className="workspace">
      {unverified ? <UnverifiedSignerBanner unverified={unverified} assessmentId={assessmentId} /> : null}
      <Navigator
        catalog={catalog}
        detail={detail}
        shown={shown}
        total={ordered.length}
        selectedClaimId={selected!.claim.id}
        onSelect={(id) => go({ name: 'workspace', assessmentId, claimId: id })}
        pendingClaimIds={ownership.state === 'ready' ? new Set(ownership.pending.map((p) => p.claimId)) : undefined}
      />
      <ClaimEditor key={selected!.claim.id} detail={detail} context={selected!} ownership={ownership} />
    </div>
  );
}
