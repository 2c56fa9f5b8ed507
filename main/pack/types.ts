import type { Catalog } from '../../shared/catalog/types';
import type { AssessmentDetail, IsoInstant } from '../../shared/domain/types';
import type { PackProfile } from '../../shared/domain/pack-results';

export { PACK_PROFILES, type BuiltPack, type PackProfile } from '../../shared/domain/pack-results';

/** Signs the pack's content digest: main/signing's signDigest bound to an unlocked identity. */
export interface PackSigner {
  /** The signer's name as the certificate gives it. */
  readonly name: string;
  /** SHA-256 of the signing certificate (DER), lower-case hex: printed on the cover for pinning. */
  readonly certificateFingerprint: string;
  /** DER CMS (CAdES detached) over `contentDigest`, the SHA-256 of the signed byte ranges. */
  sign(contentDigest: Uint8Array, signingTime: Date): Promise<Uint8Array>;
}

export interface PackAuditEvent {
  readonly at: IsoInstant;
  readonly action: string;
  /** What happened, in the words the app's history uses. */
  readonly summary: string;
  /** Who made the change ("Priya Raman (CTO)"), or "not recorded" for entries from before names were kept. */
  readonly who: string;
}

/** One person who changed the assessment, and how many changes they made. */
export interface PackContributor {
  readonly who: string;
  readonly changes: number;
}

/** The audit log as the pack reports it: enough to match against the database's chain. */
export interface PackAuditSummary {
  readonly entries: number;
  readonly headSeq: number;
  readonly headHash: string;
  readonly keyEvents: readonly PackAuditEvent[];
  /** Everyone who changed this assessment, most changes first; changes from before names were kept are one "not recorded" line. */
  readonly contributors: readonly PackContributor[];
}

/** Everything a pack is made from. Plain data, so the pack does not depend on the store. */
export interface PackInput {
  readonly detail: AssessmentDetail;
  readonly catalog: Catalog;
  /** Where the evidence store keeps the bytes of a file with this SHA-256. */
  readonly evidencePath: (sha256: string) => string;
  readonly signer: PackSigner;
  readonly profile: PackProfile;
  /** Blocker messages the SRO accepted explicitly to sign anyway; printed in the attestation. */
  readonly acceptedExceptions: readonly string[];
  readonly audit: PackAuditSummary;
  /** Evidence accepted from a claim owner's contribution, by evidence id: shown as "contributed by NAME on DATE". */
  readonly contributedBy?: Readonly<Record<string, { readonly name: string; readonly acceptedAt: string }>>;
  /** Defaults to now; tests pin it. */
  readonly generatedAt?: Date;
  /** The SRO confirmed signing before the assessment period ends; the cover and attestation say so. */
  readonly signedBeforePeriodEnd?: boolean;
}

export type PackPhase = 'layout' | 'embed' | 'sign' | 'done';

export interface PackProgress {
  readonly phase: PackPhase;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly filesDone: number;
  readonly filesTotal: number;
}

export interface BuildPackOptions {
  readonly onProgress?: (progress: PackProgress) => void;
  readonly signal?: AbortSignal;
  /** Replace an existing file at the target (the default); false refuses one, even one that appears meanwhile. */
  readonly replace?: boolean;
  readonly existsHint?: string;
}

/** Mirrors pdfkit's own version line for the document info and the manifest's generator. */
export const GENERATOR_NAME = 'SSCP Evidence Pack';
