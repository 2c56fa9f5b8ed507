import type { RegisterCommand } from '../context';
import { registerIdentityCreate } from './identity-create';
import { registerIdentityExport } from './identity-export';
import { registerIdentityExportCert } from './identity-export-cert';
import { registerIdentityImport } from './identity-import';
import { registerIdentityList } from './identity-list';
import { registerIdentityRenew } from './identity-renew';

/** `sscp identity …`: the SRO's signing identities. */
export const registerIdentity: RegisterCommand = (program, ctx) => {
  const group = program
    .command('identity')
    .description(
      "Manage the SRO's signing identities, kept in your own key store (not in a database): create, import or restore a .p12, list, export the certificate, back up, renew.",
    );
  registerIdentityCreate(group, ctx);
  registerIdentityImport(group, ctx);
  registerIdentityList(group, ctx);
  registerIdentityExportCert(group, ctx);
  registerIdentityExport(group, ctx);
  registerIdentityRenew(group, ctx);
};
