/**
 * Detached CMS (CAdES / PAdES baseline B-B) signatures over the digest of a PDF's signed
 * byte ranges, and their verification. The PDF pack calls these two functions.
 */
export { signDigest } from './cms-sign';
export { verifyCms, type CmsTrustAnchors, type CmsTrustOutcome, type CmsVerification, type SigningCertificateCheck } from './cms-verify';
export type { CertificateSummary } from './certificate-summary';
export type { UnlockedIdentity } from './unlocked-identity';
