import type { Command } from 'commander';
import { formatFingerprint } from '../../signing/fingerprint';
import type { CommandContext } from '../context';
import { IDENTITY_DB_OPTION_FLAGS, IDENTITY_DB_OPTION_HELP, withIdentityService } from './identity-db';
import {
  PASSPHRASE_FILE_FLAGS,
  PASSPHRASE_FILE_HELP,
  P12_PASSWORD_FILE_FLAGS,
  P12_PASSWORD_FILE_HELP,
  readP12Password,
  readSigningPassphrase,
} from './identity-secrets';

interface ImportOptions {
  db?: string;
  label: string;
  p12PasswordFile?: string;
  passphraseFile?: string;
}

export function registerIdentityImport(group: Command, ctx: CommandContext): void {
  group
    .command('import')
    .description(
      'Import a signing certificate and its key from a .p12/.pfx file (or restore a backup made with sscp identity export) into your key store, sealing the key with a passphrase.',
    )
    .argument('<file.p12>', 'the PKCS#12 file (certificate, private key and chain)')
    .option(IDENTITY_DB_OPTION_FLAGS, IDENTITY_DB_OPTION_HELP)
    .requiredOption('--label <label>', 'a name for this identity, unique in your key store')
    .option(P12_PASSWORD_FILE_FLAGS, P12_PASSWORD_FILE_HELP)
    .option(PASSPHRASE_FILE_FLAGS, PASSPHRASE_FILE_HELP)
    .action(async (file: string, opts: ImportOptions) => {
      const p12Password = readP12Password(ctx.io, opts.p12PasswordFile);
      const passphrase = readSigningPassphrase(ctx.io, opts.passphraseFile);
      const info = await withIdentityService(ctx.io, opts.db, (service) => service.importP12(file, p12Password, opts.label, passphrase));
      ctx.io.stdout.write(
        `Imported signing identity "${info.label}" (${info.kind}, ${info.algorithm}, ${info.chainLength} chain certificate(s)), valid until ${info.notAfter.slice(0, 10)}.\n`,
      );
      if (info.rootFingerprint)
        ctx.io.stdout.write(`Organisation root fingerprint (SHA-256): ${formatFingerprint(info.rootFingerprint, { colons: true })}\n`);
      ctx.io.stdout.write(`Certificate fingerprint (SHA-256): ${formatFingerprint(info.fingerprint, { colons: true })}\n`);
    });
}
