import { writeFileAtomic } from '../../fs/write-file-atomic';
import type { HandlerTable } from '../dispatch';
import type { HandlerContext } from './context';

type Channels = 'identities.list' | 'identities.create' | 'identities.importP12' | 'identities.exportCertificate' | 'identities.exportBackup' | 'identities.backupReminded';

export function identityHandlers({ identities }: HandlerContext): Pick<HandlerTable, Channels> {
  return {
    'identities.list': async () => identities().list(),
    'identities.create': async (options) => identities().create(options),
    'identities.importP12': async ({ filePath, p12Password, label, passphrase }) => identities().importP12(filePath, p12Password, label, passphrase),
    'identities.exportCertificate': async ({ label, root, outPath }) => {
      await writeFileAtomic(outPath, identities().exportCertificatePem(label, { root }));
      return { path: outPath };
    },
    // The save dialog has already asked before replacing a file, so replacing is what the user chose.
    'identities.exportBackup': async ({ label, passphrase, p12Password, withRootKey, outPath }) =>
      identities().exportBackup(label, { passphrase, p12Password, withRootKey, outPath, force: true }),
    'identities.backupReminded': async ({ label }) => identities().markBackupReminded(label),
  };
}
