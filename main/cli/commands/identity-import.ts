import type { Command } from 'commander';
import { formatFingerprint } from '../../signing/fingerprint';
import type { CommandContext } from '../context';
import { DB_OPTION_FLAGS, DB_OPTION_HELP } from '../options';
import { withIdentityService } from './identity-db';
import { PASSPHRASE_FILE_FLAGS, PASSPHRASE_FILE_HELP, readP12Password, readSigningPassphrase } from './identity-secrets';

interface ImportOptions {
  db: string;
  label: string;
  p12PasswordFile?: string;
  passphraseFile?: string;
}

export function registerIdentityImport(group: Command, ctx: CommandContext): void {
  group
    .command('import')
    .description('Import a signing certificate and its key from a .p12/.pfx file, sealing the key with a new passphrase.')
    .argument('<file.p12>', 'the PKCS#12 file (certificate, private key and chain)')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .requiredOption('--label <label>', 'a name for this identity, unique in the database')
    .option('--p12-password-file <file>', "file holding the .p12 file's password (or set SSCP_P12_PASSWORD)")
    .option(PASSPHRASE_FILE_FLAGS, PASSPHRASE_FILE_HELP)
    .action(async (file: string, opts: ImportOptions) => {
      const p12Password = readP12Password(ctx.io, opts.p12PasswordFile);
      const passphrase = readSigningPassphrase(ctx.io, opts.passphraseFile);
      const info = await withIdentityService(opts.db, (service) => service.importP12(file, p12Password, opts.label, passphrase), { create: true });
      ctx.io.stdout.write(`Imported signing identity "${info.label}" (${info.algorithm}, ${info.chainLength} chain certificate(s)), valid until ${info.notAfter.slice(0, 10)}.\n`);
      ctx.io.stdout.write(`Certificate fingerprint (SHA-256): ${formatFingerprint(info.fingerprint, { colons: true })}\n`);
    });
}
