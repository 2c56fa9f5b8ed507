import type { Command } from 'commander';
import { formatFingerprint } from '../../signing/fingerprint';
import type { CommandContext } from '../context';
import { IDENTITY_DB_OPTION_FLAGS, IDENTITY_DB_OPTION_HELP, withIdentityService } from './identity-db';
import { PASSPHRASE_FILE_FLAGS, PASSPHRASE_FILE_HELP, readSigningPassphrase } from './identity-secrets';

export function registerIdentityRenew(group: Command, ctx: CommandContext): void {
  group
    .command('renew')
    .description('Issue a new key and certificate for an identity: under the same organisation root, or self-signed again.')
    .argument('<label>', 'the identity')
    .option(IDENTITY_DB_OPTION_FLAGS, IDENTITY_DB_OPTION_HELP)
    .option(PASSPHRASE_FILE_FLAGS, PASSPHRASE_FILE_HELP)
    .action(async (label: string, opts: { db?: string; passphraseFile?: string }) => {
      const passphrase = readSigningPassphrase(ctx.io, opts.passphraseFile);
      const info = await withIdentityService(ctx.io, opts.db, (service) => service.renew(label, passphrase));
      ctx.io.stdout.write(`Renewed signing identity "${info.label}", valid until ${info.notAfter.slice(0, 10)}.\n`);
      ctx.io.stdout.write(`Certificate fingerprint (SHA-256): ${formatFingerprint(info.fingerprint, { colons: true })}\n`);
      if (info.rootFingerprint)
        ctx.io.stdout.write(`Organisation root fingerprint (unchanged): ${formatFingerprint(info.rootFingerprint, { colons: true })}\n`);
      else ctx.io.stdout.write('The certificate is self-signed, so its fingerprint has changed: publish the new one.\n');
    });
}
