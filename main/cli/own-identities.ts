import { ownCertificatesOf, type OwnCertificate } from '../signing/trust-policy';
import { withIdentityService } from './commands/identity-db';

/**
 * The certificates of the person's own signing identities, which the trust policy trusts
 * without a root or fingerprint: a pack they signed themselves needs no introduction.
 *
 * The one place the CLI finds them. For now they are the identities of the database given
 * with --db (none without one); when identities move to the per-user key store, only this
 * function changes. Which certificates of an identity count is ownCertificatesOf's rule.
 */
export async function ownIdentityCertificates(options: { readonly db?: string }): Promise<OwnCertificate[]> {
  if (options.db === undefined) return [];
  return withIdentityService(options.db, (service) => ownCertificatesOf(service));
}
