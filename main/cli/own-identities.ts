import { existsSync } from 'node:fs';
import { keyStorePath, sscpHome } from '../signing/key-store';
import { ownCertificatesOf, type OwnCertificate } from '../signing/trust-policy';
import { withIdentityService } from './commands/identity-db';
import type { CliIo } from './io';

/**
 * The certificates of the person's own signing identities, which the trust policy trusts
 * without a root or fingerprint: a pack they signed themselves needs no introduction.
 *
 * The one place the CLI finds them: the per-user key store (SSCP_HOME or the app's folder;
 * docs/key-store.md), which the app reads too. A `db` an older version kept identities in has
 * them moved into the store first, as identity commands do. Without one, a home that has no key
 * store yet (a recipient who never signed anything) has none, and none is created. Which
 * certificates of an identity count is ownCertificatesOf's rule: a root inside an imported .p12
 * is someone else's, never one's own.
 */
export async function ownIdentityCertificates(io: CliIo, options: { readonly db?: string } = {}): Promise<OwnCertificate[]> {
  const db = options.db !== undefined && existsSync(options.db) ? options.db : undefined;
  if (db === undefined && !existsSync(keyStorePath(sscpHome(io.env)))) return [];
  return withIdentityService(io, db, (service) => ownCertificatesOf(service));
}
