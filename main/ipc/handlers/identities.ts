import { saveUserFile } from '../../fs/write-file-atomic';
import { keyStorePath } from '../../signing/key-store';
import type { HandlerTable } from '../dispatch';
import type { WorkspaceSession } from '../session';
import type { HandlerContext } from './context';

type Channels =
  | 'identities.list'
  | 'identities.create'
  | 'identities.importP12'
  | 'identities.exportCertificate'
  | 'identities.exportBackup'
  | 'identities.backupReminded';

export function identityHandlers({ session, identities }: HandlerContext): Pick<HandlerTable, Channels> {
  return {
    'identities.list': async () => identities().list(),
    'identities.create': async (options) => identities().create(options),
    'identities.importP12': async ({ filePath, p12Password, label, passphrase }) =>
      identities().importP12(filePath, p12Password, label, passphrase),
    'identities.exportCertificate': async ({ label, root, outPath }) => {
      const pem = identities().exportCertificatePem(label, { root });
      // The save dialog asked before replacing a file; the open database, its evidence and the key store stay refused.
      return {
        path: await saveUserFile(outPath, pem, {
          what: 'certificate',
          ...openDatabase(session),
          protect: [keyStorePath(session.keyStoreHome)],
          replace: true,
        }),
      };
    },
    // The save dialog has already asked before replacing a file, so replacing is what the user chose.
    'identities.exportBackup': async ({ label, passphrase, p12Password, withRootKey, outPath }) =>
      identities().exportBackup(label, { passphrase, p12Password, withRootKey, outPath, force: true, ...openDatabase(session) }),
    'identities.backupReminded': async ({ label }) => identities().markBackupReminded(label),
  };
}

/** The database the window has open, if any: identities work without one, but never write over it. */
function openDatabase(session: WorkspaceSession): { database?: string } {
  const ws = session.peek();
  return ws ? { database: ws.dbPath } : {};
}
