import type { TrustCheck, TrustDecision } from '../../shared/domain/signing';
import { SscpError } from '../../shared/errors';
import type { IdentityService } from './identity-service';
import { summariseCertificate } from './certificate-summary';
import { chainsToRoot, verifiedPathUpwards } from './certificate-path';
import { certificateFingerprint, normaliseFingerprint } from './fingerprint';
import * as x509 from './x509';

/**
 * The one rule for whom a signature is trusted, used by `verify`, pack import and the app:
 *
 * - Every trust anchor the person gave (each trusted root, each pinned fingerprint) is checked
 *   on its own, and every one must hold: a right fingerprint never excuses a wrong root.
 * - With no anchor given, a signer is trusted only when it is one of the person's own signing
 *   identities (its certificate, or the organisation root this app made for it, is on the
 *   signer's verified chain).
 * - Otherwise the signer is unknown: the signature may be intact, but nothing says who made
 *   it, and a self-made certificate can carry any name.
 */

/** A certificate of one of the person's own signing identities. */
export interface OwnCertificate {
  /** The identity's label, to say which one matched. */
  readonly label: string;
  readonly certificateDer: Uint8Array;
}

export interface TrustPolicyInputs {
  /** PEM text of trusted organisation roots; each entry is one anchor that must hold. */
  readonly rootsPem?: readonly string[];
  /** SHA-256 fingerprints of the signer or a certificate on its chain; each must hold. */
  readonly fingerprints?: readonly string[];
  /** The person's own identities' certificates: trusted when no anchor is given. */
  readonly own?: readonly OwnCertificate[];
}

export type { TrustBasis, TrustCheck, TrustDecision, TrustStatus } from '../../shared/domain/signing';

/** What to do when nobody said whom to trust; shown by the CLI and the app. */
export const ESTABLISH_TRUST_HINT =
  "Get the organisation's root certificate, or the signer's certificate fingerprint, from the organisation by another channel " +
  '(their website, a phone call, in person; not the email the pack came with), then check the pack again with it.';

interface ParsedRoot {
  readonly certificates: readonly x509.X509Certificate[];
  readonly name: string;
}

export interface ParsedTrust {
  readonly roots: readonly ParsedRoot[];
  readonly fingerprints: readonly string[];
  readonly own: readonly { readonly label: string; readonly fingerprint: string }[];
}

/**
 * Reads and checks the anchors: an unreadable root or a malformed fingerprint is the
 * caller's mistake and throws SscpError('invalid-input') before any pack is read.
 */
export function parseTrustInputs(inputs: TrustPolicyInputs): ParsedTrust {
  const roots = (inputs.rootsPem ?? []).map((pem): ParsedRoot => {
    let certificates: x509.X509Certificate[];
    try {
      certificates = x509.PemConverter.decode(pem).map((der) => new x509.X509Certificate(der));
    } catch {
      certificates = [];
    }
    if (certificates.length === 0) {
      throw SscpError.because({ code: 'trusted-root-unreadable' });
    }
    const names = certificates.map((c) => printableName(summariseCertificate(c).commonName ?? c.subject)!);
    return { certificates, name: names.join(', ') };
  });
  const fingerprints = [...new Set((inputs.fingerprints ?? []).map(normaliseFingerprint))];
  const own = (inputs.own ?? []).map((o) => ({ label: o.label, fingerprint: certificateFingerprint(o.certificateDer) }));
  return { roots, fingerprints, own };
}

export function hasAnchors(trust: ParsedTrust): boolean {
  return trust.roots.length > 0 || trust.fingerprints.length > 0;
}

/**
 * Decides whether the signer is trusted. `others` are the other certificates the signature
 * carries; the chain is only ever followed through verified certificate signatures. Returns
 * the decision and the signer's certificate path (for validity-period checks).
 */
export async function decideTrust(
  signer: x509.X509Certificate,
  others: readonly x509.X509Certificate[],
  trust: ParsedTrust,
): Promise<{ decision: TrustDecision; path: x509.X509Certificate[] }> {
  const embeddedPath = await verifiedPathUpwards(signer, others);
  const onPath = new Set(embeddedPath.map((c) => certificateFingerprint(new Uint8Array(c.rawData))));
  const checks: TrustCheck[] = [];
  let path = embeddedPath;
  for (const root of trust.roots) {
    const rooted = await chainsToRoot(signer, others, root.certificates);
    if (rooted && path === embeddedPath) path = rooted;
    checks.push({ basis: 'trusted-root', anchor: root.name, held: rooted !== null });
  }
  for (const fingerprint of trust.fingerprints)
    checks.push({ basis: 'pinned-fingerprint', anchor: fingerprint, held: onPath.has(fingerprint) });
  const own = trust.own.find((o) => onPath.has(o.fingerprint)) ?? null;
  if (own) checks.push({ basis: 'own-identity', anchor: own.label, held: true });

  const who = printableName(summariseCertificate(signer).commonName) ?? 'the signer';
  const anchors = checks.filter((c) => c.basis !== 'own-identity');
  let decision: TrustDecision;
  if (anchors.length > 0) {
    const failed = anchors.filter((c) => !c.held);
    decision =
      failed.length === 0
        ? {
            status: 'trusted',
            trustedBy: [...new Set(anchors.map((c) => c.basis))],
            checks,
            ownIdentity: own?.label ?? null,
            message: trustedMessage(who, anchors),
          }
        : {
            status: 'mismatch',
            trustedBy: [],
            checks,
            ownIdentity: own?.label ?? null,
            message: mismatchMessage(who, failed, anchors.length),
          };
  } else if (own) {
    decision = {
      status: 'trusted',
      trustedBy: ['own-identity'],
      checks,
      ownIdentity: own.label,
      message: `The signer, ${who}, is your own signing identity "${own.label}".`,
    };
  } else {
    decision = {
      status: 'unknown',
      trustedBy: [],
      checks,
      ownIdentity: null,
      message: `Nothing establishes who the signer is: the certificate says ${who}, but anyone can make a certificate with any name.`,
    };
  }
  return { decision, path };
}

/**
 * A certificate name as it may appear in a message: whoever made the certificate chose it, so
 * control and bidirectional-override characters (a carriage return that redraws a terminal
 * line as "VALID", say) are shown as U+FFFD instead.
 */
export function printableName(name: string | null): string | null {
  return name === null ? null : name.replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '\uFFFD');
}

function describeAnchor(c: TrustCheck): string {
  return c.basis === 'trusted-root' ? `the trusted root ${c.anchor}` : `the fingerprint ${c.anchor.slice(0, 16)}…`;
}

function trustedMessage(who: string, anchors: readonly TrustCheck[]): string {
  return `The signer, ${who}, matches ${anchors.map(describeAnchor).join(' and ')}.`;
}

function mismatchMessage(who: string, failed: readonly TrustCheck[], given: number): string {
  const which = failed.map(describeAnchor).join(' and ');
  const all = given > 1 ? ' Every trusted root and fingerprint given must match.' : '';
  return `The signer, ${who}, is not who you expected: the certificate does not match ${which}.${all}`;
}

/**
 * The certificates of a set of signing identities that count as the user's own: each one's
 * signing certificate, and, when this app made it an organisation root (so the user holds the
 * root's key), that root too. A root inside an imported .p12 is someone else's (a commercial
 * CA, say) and is never counted as one's own.
 */
export function ownCertificatesOf(service: Pick<IdentityService, 'list' | 'exportCertificatePem'>): OwnCertificate[] {
  return service.list().flatMap((identity) => {
    const own: OwnCertificate[] = [];
    const [signing] = x509.PemConverter.decode(service.exportCertificatePem(identity.label));
    if (signing) own.push({ label: identity.label, certificateDer: new Uint8Array(signing) });
    if (identity.renewable && identity.rootFingerprint) {
      for (const root of x509.PemConverter.decode(service.exportCertificatePem(identity.label, { root: true }))) {
        own.push({ label: identity.label, certificateDer: new Uint8Array(root) });
      }
    }
    return own;
  });
}
