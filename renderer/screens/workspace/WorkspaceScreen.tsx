import { useEffect } from 'react';
import { findCatalog, listClaims } from '../../../shared/catalog/index';
import { isClaimInScope } from '../../../shared/domain/applicability';
import { attempt } from '../../stores/announcer';
import { UnverifiedSignerBanner } from '../../components/UnverifiedSignerBanner';
import { useAssessment } from '../../stores/assessment';
import { useAssessments } from '../../stores/assessments';
import { useNavigation } from '../../stores/navigation';
import { ClaimEditor } from './ClaimEditor';
import { Navigator } from './Navigator';

/** Step 3: the claims of one assessment, and the editor for the chosen claim. */
export function WorkspaceScreen({ assessmentId, claimId }: { readonly assessmentId: string; readonly claimId: string | null }) {
  const detail = useAssessment((s) => s.detail);
  const load = useAssessment((s) => s.load);
  const go = useNavigation((s) => s.go);
  const unverified = useAssessments((s) => s.items.find((i) => i.assessment.id === assessmentId)?.unverifiedSigner ?? null);
  const listLoaded = useAssessments((s) => s.loaded);

  useEffect(() => {
    void attempt(() => load(assessmentId));
  }, [assessmentId, load]);
  // The list says whether the assessment came from an unverified signer. Opened straight from a
  // menu, it may not be loaded yet; the start page reports a list that will not load.
  useEffect(() => {
    if (!listLoaded) useAssessments.getState().load().catch(() => undefined);
  }, [listLoaded]);

  if (!detail || detail.assessment.id !== assessmentId) return <p className="page muted">Loading the assessment…</p>;
  const catalog = findCatalog(detail.assessment.catalogId, detail.assessment.catalogVersion);
  if (!catalog) {
    return <p className="page">This assessment uses catalog version {detail.assessment.catalogVersion}, which this version of the app does not include. Update the app to open it.</p>;
  }
  const claims = listClaims(catalog);
  const selected = claims.find((c) => c.claim.id === claimId) ?? claims.find((c) => isClaimInScope(detail.assessment, c.claim.id)) ?? claims[0]!;
  return (
    <div className="workspace">
      {unverified ? <UnverifiedSignerBanner unverified={unverified} assessmentId={assessmentId} /> : null}
      <Navigator catalog={catalog} detail={detail} selectedClaimId={selected.claim.id} onSelect={(id) => go({ name: 'workspace', assessmentId, claimId: id })} />
      <ClaimEditor key={selected.claim.id} detail={detail} context={selected} />
    </div>
  );
}
