import { saveUserFile } from '../../fs/write-file-atomic';
import type { HandlerTable } from '../dispatch';
import type { HandlerContext } from './context';

type Channels = 'identities.list' | 'identities.create' | 'identities.importP12' | 'identities.exportCertificate';

export function identityHandlers({ ws, identities }: HandlerContext): Pick<HandlerTable, Channels> {
  return {
    'identities.list': async () => identities().list(),
    'identities.create': async (options) => identities().create(options),
    'identities.importP12': async ({ filePath, p12Password, label, passphrase }) => identities().importP12(filePath, p12Password, label, passphrase),
    'identities.exportCertificate': async ({ label, root, outPath }) => {
      const pem = identities().exportCertificatePem(label, { root });
      // The save dialog asked before replacing a file; the database and its evidence stay refused.
      return { path: await saveUserFile(outPath, pem, { what: 'certificate', database: ws().dbPath, replace: true }) };
    },
  };
}
