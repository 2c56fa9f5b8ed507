import type { OwnCertificate } from '../signing/trust-policy';
import * as x509 from '../signing/x509';
import { withIdentityService } from './commands/identity-db';

/**
 * The certificates of the person's own signing identities, which the trust policy trusts
 * without a root or fingerprint: a pack they signed themselves needs no introduction.
 *
 * The one place the CLI finds them. For now they are the identities of the database given
 * with --db (none without one); when identities move to the per-user key store, only this
 * function changes.
 *
 * Each identity contributes its signing certificate, and, when this app made it an
 * organisation root (so the person holds the root's key), that root too. A root inside an
 * imported .p12 is someone else's (a commercial CA, say) and is never counted as one's own.
 */
export async function ownIdentityCertificates(options: { readonly db?: string }): Promise<OwnCertificate[]> {
  if (options.db === undefined) return [];
  return withIdentityService(options.db, (service) =>
    service.list().flatMap((identity) => {
      const own: OwnCertificate[] = [];
      const [signing] = x509.PemConverter.decode(service.exportCertificatePem(identity.label));
      if (signing) own.push({ label: identity.label, certificateDer: new Uint8Array(signing) });
      if (identity.renewable && identity.rootFingerprint) {
        for (const root of x509.PemConverter.decode(service.exportCertificatePem(identity.label, { root: true }))) {
          own.push({ label: identity.label, certificateDer: new Uint8Array(root) });
        }
      }
      return own;
    }),
  );
}
