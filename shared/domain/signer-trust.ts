/**
 * An assessment whose content came from an evidence pack whose signer nobody vouched for: it
 * was imported with the signer accepted unverified, or was carried forward (at any distance)
 * from one that was. Shown wherever the assessment is, so it is never mistaken for a
 * verified one.
 */
export interface UnverifiedSigner {
  /** The assessment imported from that pack: this one, or the one it was carried forward from. */
  readonly importedAssessmentId: string;
  /** SHA-256 of the signer's certificate, as accepted at import. */
  readonly signerFingerprint: string;
  readonly importedAt: string;
}

/** How an imported pack's signer was established, kept with the import record. */
export type ImportSignerTrust = 'trusted' | 'unverified';
