import { createHash } from 'node:crypto';
import { findCatalog } from '../../shared/catalog/index';
import { SscpError } from '../../shared/errors';
import { saveUserFile } from '../fs/write-file-atomic';
import { GENERATOR_NAME } from '../pack/types';
import type { Workspace } from '../services/workspace';
import { APP_VERSION } from '../version';
import { buildAttestation, serializeAttestation, type AttestationSignature } from './cyclonedx';

export interface ExportAttestationOptions {
  /** The person agreed to replace an existing file (the save dialog asked, or --force). */
  readonly replace: boolean;
  readonly existsHint?: string;
  /** Files that must never be overwritten besides the database: the key store. */
  readonly protect?: readonly string[];
  /** Stops the export before the file is put in place (see writeFileAtomic). */
  readonly signal?: AbortSignal;
}

export interface ExportedAttestation {
  readonly path: string;
  /** Signed by the SRO: the document carries the affirmation and names the signed pack. */
  readonly signed: boolean;
  readonly serialNumber: string;
  readonly sha256: string;
  readonly size: number;
}

/**
 * The CycloneDX attestation of one assessment, as bytes: for a signed assessment, affirmed at
 * its signing and naming the pack that carries the signature; for one not signed yet, as of its
 * last change, without an affirmation. The same assessment always gives the same bytes.
 */
export function attestationBytes(ws: Workspace, assessmentId: string): { bytes: Buffer; signed: boolean; serialNumber: string } {
  const detail = ws.getAssessment(assessmentId);
  const { assessment } = detail;
  const catalog = findCatalog(assessment.catalogId, assessment.catalogVersion);
  if (!catalog) {
    throw SscpError.because({ code: 'attestation-catalog-unknown', catalogId: assessment.catalogId, version: assessment.catalogVersion });
  }
  const pack = assessment.signedAt !== null ? ws.signedPack(assessmentId) : undefined;
  const signature: AttestationSignature | null = pack
    ? { kind: 'signed-pack', packId: pack.packId, packSha256: pack.packSha256, signerFingerprint: pack.signerFingerprint }
    : null;
  const document = buildAttestation({
    detail,
    catalog,
    at: pack ? pack.signedAt : assessment.updatedAt,
    signature,
    generator: { name: GENERATOR_NAME, version: APP_VERSION },
  });
  return { bytes: serializeAttestation(document), signed: signature !== null, serialNumber: String(document.serialNumber) };
}

/**
 * Writes the assessment's CycloneDX attestation to `outPath` (never the database, its
 * companions, its evidence or the key store; an existing file only with `replace`), atomically.
 */
export async function exportAttestation(
  ws: Workspace,
  assessmentId: string,
  outPath: string,
  options: ExportAttestationOptions,
): Promise<ExportedAttestation> {
  const { bytes, signed, serialNumber } = attestationBytes(ws, assessmentId);
  const path = await saveUserFile(outPath, bytes, {
    what: 'attestation',
    database: ws.dbPath,
    replace: options.replace,
    ...(options.existsHint !== undefined ? { existsHint: options.existsHint } : {}),
    ...(options.protect ? { protect: options.protect } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    exampleName: 'attestation.cdx.json',
  });
  return { path, signed, serialNumber, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
}
