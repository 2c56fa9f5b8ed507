import type { UnverifiedSigner } from '../../shared/domain/signer-trust';
import { Banner } from './Banner';

function groupedHex(hex: string): string {
  return hex.match(/.{1,4}/g)?.join(' ') ?? hex;
}

/**
 * Says, wherever an assessment is shown, that its content came from a pack whose signer
 * nothing established: imported after the user accepted an unknown signer, or carried
 * forward from one that was.
 */
export function UnverifiedSignerBanner({
  unverified,
  assessmentId,
  label,
}: {
  readonly unverified: UnverifiedSigner;
  readonly assessmentId: string;
  readonly label?: string;
}) {
  const direct = unverified.importedAssessmentId === assessmentId;
  return (
    <Banner tone="warning" title={label ? `${label}: from an unverified signer.` : 'From an unverified signer.'}>
      <span>
        {direct ? 'This assessment was imported from a pack' : 'This assessment was carried forward from one imported from a pack'} whose
        signer nothing established: its certificate could have been made by anyone. Treat what it says as unconfirmed until the organisation
        confirms the signer's fingerprint, SHA-256 <span className="mono">{groupedHex(unverified.signerFingerprint)}</span>.
      </span>
    </Banner>
  );
}
