import { createHash } from 'node:crypto';
import { ATTESTATION_NAME } from '../pack/attachment-names';
import type { ManifestDataFile } from '../pack/manifest';
import { GENERATOR_NAME, type PackInput } from '../pack/types';
import { APP_VERSION } from '../version';
import { ATTESTATION_MEDIA_TYPE, buildAttestation, serializeAttestation } from './cyclonedx';

/**
 * The attestation a pack embeds as attestation.cdx.json, with its manifest entry: affirmed at
 * the pack's date, by the signature of the pack that carries it (the pack's own hash cannot be
 * inside it). The same pack input gives the same bytes.
 */
export function packAttestation(
  input: PackInput,
  packId: string,
  generatedAt: Date,
): { readonly bytes: Buffer; readonly entry: ManifestDataFile } {
  const document = buildAttestation({
    detail: input.detail,
    catalog: input.catalog,
    at: generatedAt.toISOString(),
    signature: { kind: 'embedded', packId, signerFingerprint: input.signer.certificateFingerprint },
    generator: { name: GENERATOR_NAME, version: APP_VERSION },
  });
  const bytes = serializeAttestation(document);
  return {
    bytes,
    entry: {
      name: ATTESTATION_NAME,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      mediaType: ATTESTATION_MEDIA_TYPE,
      description: 'The assessment as a CycloneDX 1.6 attestation, for supplier-risk tools',
    },
  };
}
