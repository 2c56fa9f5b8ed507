/**
 * Results of the signing services as every surface sees them: `sscp identity list --json`,
 * `sscp verify`, and the app through the IPC contract (shared/ipc/views-signing.ts names these
 * types, it does not redeclare them). Pure types; the work is in main/signing.
 */

/** How an identity came to be: made here alone, made here under an organisation root, or imported. */
export type IdentityKind = 'self-signed' | 'org-issued' | 'imported';

/**
 * Key types an identity may hold: the ones created here, plus what an imported .p12 commonly
 * carries (P-384, RSA of 2048 bits or more). Stored as these words in the database.
 */
export type SigningAlgorithm = 'p256' | 'p384' | `rsa${number}`;

/** What the UI and `sscp identity list --json` show about an identity: never key material. */
export interface IdentityInfo {
  readonly label: string;
  readonly kind: IdentityKind;
  readonly algorithm: SigningAlgorithm;
  /** SHA-256 of the signing certificate, lower-case hex without colons. */
  readonly fingerprint: string;
  readonly subject: { readonly commonName: string; readonly title: string; readonly organisation: string };
  readonly issuer: string;
  readonly notBefore: string;
  readonly notAfter: string;
  /** The fingerprint a vendor publishes when an organisation root issues the SRO certificate. */
  readonly rootFingerprint: string | null;
  readonly chainLength: number;
  /** Whether this app can issue a renewed certificate (it holds the root's or its own key). */
  readonly renewable: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When it was last exported as a .p12 backup; null if never, or not since it was renewed. */
  readonly backedUpAt: string | null;
  /** When the app reminded the SRO that it has no backup (the app reminds once). */
  readonly backupRemindedAt: string | null;
}

/** A .p12 backup written: where, and what it cannot do. */
export interface ExportedBackup {
  readonly path: string;
  readonly label: string;
  readonly withRootKey: boolean;
  /** What the backup cannot do, in plain words (an org-issued identity backed up without its root key). */
  readonly warnings: readonly string[];
}

/** Who a certificate names, in the words a recipient checks. */
export interface CertificateSummary {
  readonly commonName: string | null;
  readonly title: string | null;
  readonly organisation: string | null;
  /** The whole subject, RFC 4514 style. */
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  /** SHA-256 of the DER certificate, lower-case hex without colons. */
  readonly fingerprint: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly isCertificateAuthority: boolean;
}

/** What established trust in a signer (main/signing/trust-policy.ts is the rule). */
export type TrustBasis = 'trusted-root' | 'pinned-fingerprint' | 'own-identity';

/** One anchor checked against the signer. */
export interface TrustCheck {
  readonly basis: TrustBasis;
  /** The anchor in words: the root's name, the fingerprint, the identity's label. */
  readonly anchor: string;
  readonly held: boolean;
}

/**
 * - `trusted`: every given anchor held, or (none given) the signer is one of the person's own;
 * - `unknown`: nothing given and not the person's own: who signed is not established;
 * - `mismatch`: an anchor was given and the signer does not satisfy it.
 */
export type TrustStatus = 'trusted' | 'unknown' | 'mismatch';

export interface TrustDecision {
  readonly status: TrustStatus;
  /** What established trust (empty unless trusted). */
  readonly trustedBy: readonly TrustBasis[];
  /** Every given anchor with whether it held, then the own identity that matched, if one did. */
  readonly checks: readonly TrustCheck[];
  /** The label of the person's own identity that signed, if one did. */
  readonly ownIdentity: string | null;
  /** One sentence for a person, worded for the CLI and the app alike. */
  readonly message: string;
}
