import type { Command } from 'commander';
import type { CommandContext } from '../context';
import { FORCE_HINT, FORCE_OPTION_FLAGS, FORCE_OPTION_HELP } from '../options';
import { IDENTITY_DB_OPTION_FLAGS, IDENTITY_DB_OPTION_HELP, withIdentityService } from './identity-db';
import {
  PASSPHRASE_FILE_FLAGS,
  PASSPHRASE_FILE_HELP,
  P12_PASSWORD_FILE_FLAGS,
  P12_PASSWORD_FILE_HELP,
  readP12Password,
  readSigningPassphrase,
} from './identity-secrets';

interface ExportOptions {
  db?: string;
  out: string;
  withRootKey?: boolean;
  force?: boolean;
  p12PasswordFile?: string;
  passphraseFile?: string;
}

export function registerIdentityExport(group: Command, ctx: CommandContext): void {
  group
    .command('export')
    .description(
      'Back up an identity as a standard PKCS#12 (.p12) file: its key, certificate and chain, encrypted with a password of its own. Restore it on any computer with sscp identity import.',
    )
    .argument('<label>', 'the identity')
    .requiredOption('--out <file.p12>', 'where to write the backup (an existing file is refused unless --force)')
    .option(
      '--with-root-key',
      "also the organisation root's key, which issues next year's certificate: needed to renew on another computer",
    )
    .option(FORCE_OPTION_FLAGS, FORCE_OPTION_HELP)
    .option(P12_PASSWORD_FILE_FLAGS, P12_PASSWORD_FILE_HELP)
    .option(PASSPHRASE_FILE_FLAGS, PASSPHRASE_FILE_HELP)
    .option(IDENTITY_DB_OPTION_FLAGS, IDENTITY_DB_OPTION_HELP)
    .action(async (label: string, opts: ExportOptions) => {
      const p12Password = readP12Password(ctx.io, opts.p12PasswordFile);
      const passphrase = readSigningPassphrase(ctx.io, opts.passphraseFile);
      const exported = await withIdentityService(ctx.io, opts.db, (service) =>
        service.exportBackup(label, {
          passphrase,
          p12Password,
          withRootKey: opts.withRootKey ?? false,
          outPath: opts.out,
          force: opts.force ?? false,
          existsHint: FORCE_HINT,
          ...(opts.db !== undefined ? { database: opts.db } : {}),
        }),
      );
      ctx.io.stdout.write(
        `Wrote a backup of signing identity "${exported.label}"${exported.withRootKey ? ' and its organisation root key' : ''} to ${exported.path}\n`,
      );
      ctx.io.stdout.write(
        'Keep the file and its password apart; anyone with both can sign as you. Restore it with: sscp identity import FILE.p12 --label LABEL\n',
      );
      for (const w of exported.warnings) ctx.io.stderr.write(`Warning: ${w} (--with-root-key)\n`);
    });
}
