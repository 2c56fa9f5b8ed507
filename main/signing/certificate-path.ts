import * as x509 from './x509';

/** Most paths here are signer → root; a little headroom for an intermediate or two. */
const MAX_PATH_LENGTH = 6;

function sameBytes(a: ArrayBuffer, b: ArrayBuffer): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}

/** Whether `issuer` may sign certificates that sit `depthBelow` CA certificates above a leaf. */
function mayIssue(issuer: x509.X509Certificate, depthBelow: number): boolean {
  const constraints = issuer.getExtension(x509.BasicConstraintsExtension);
  if (!constraints?.ca) return false;
  if (constraints.pathLength !== undefined && constraints.pathLength < depthBelow) return false;
  const usage = issuer.getExtension(x509.KeyUsagesExtension);
  return !usage || (usage.usages & x509.KeyUsageFlags.keyCertSign) !== 0;
}

async function signedBy(subject: x509.X509Certificate, issuer: x509.X509Certificate): Promise<boolean> {
  if (subject.issuer !== issuer.subject) return false;
  try {
    return await subject.verify({ publicKey: issuer.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}

async function findIssuer(
  subject: x509.X509Certificate,
  candidates: readonly x509.X509Certificate[],
  depthBelow: number,
): Promise<x509.X509Certificate | null> {
  for (const candidate of candidates) {
    if (sameBytes(candidate.rawData, subject.rawData)) continue;
    if (mayIssue(candidate, depthBelow) && (await signedBy(subject, candidate))) return candidate;
  }
  return null;
}

async function isSelfSigned(certificate: x509.X509Certificate): Promise<boolean> {
  return signedBy(certificate, certificate);
}

/**
 * The chain of certificates from `leaf` upwards whose signatures verify, each issuer found
 * among `pool`. Stops at a self-signed certificate, a missing issuer, or the length limit.
 * Every certificate in the result is therefore vouched for by the one above it.
 */
export async function verifiedPathUpwards(
  leaf: x509.X509Certificate,
  pool: readonly x509.X509Certificate[],
): Promise<x509.X509Certificate[]> {
  const path = [leaf];
  let current = leaf;
  while (path.length < MAX_PATH_LENGTH && !(await isSelfSigned(current))) {
    const issuer = await findIssuer(current, pool, path.length - 1);
    if (!issuer || path.some((c) => sameBytes(c.rawData, issuer.rawData))) break;
    path.push(issuer);
    current = issuer;
  }
  return path;
}

/**
 * Whether `leaf` chains to one of `roots`: either a certificate on its verified path is a
 * root itself, or a root verifiably issued the top of the path.
 */
export async function chainsToRoot(
  leaf: x509.X509Certificate,
  intermediates: readonly x509.X509Certificate[],
  roots: readonly x509.X509Certificate[],
): Promise<x509.X509Certificate[] | null> {
  const path = await verifiedPathUpwards(leaf, intermediates);
  for (let i = 0; i < path.length; i += 1) {
    const certificate = path[i]!;
    if (roots.some((root) => sameBytes(root.rawData, certificate.rawData))) return path.slice(0, i + 1);
    const root = await findIssuer(certificate, roots, i);
    if (root) return [...path.slice(0, i + 1), root];
  }
  return null;
}
