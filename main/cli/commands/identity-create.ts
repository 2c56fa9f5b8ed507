import type { Command } from 'commander';
import { parseCreatableAlgorithm } from '../../signing/algorithms';
import { formatFingerprint } from '../../signing/fingerprint';
import type { CommandContext } from '../context';
import { shellWord } from '../io';
import { IDENTITY_DB_OPTION_FLAGS, IDENTITY_DB_OPTION_HELP, withIdentityService } from './identity-db';
import { PASSPHRASE_FILE_FLAGS, PASSPHRASE_FILE_HELP, readSigningPassphrase } from './identity-secrets';

interface CreateOptions {
  db?: string;
  label: string;
  sro: string;
  sroRole: string;
  org: string;
  algorithm: string;
  withRoot?: boolean;
  passphraseFile?: string;
}

export function registerIdentityCreate(group: Command, ctx: CommandContext): void {
  group
    .command('create')
    .description('Create a signing identity for the SRO in your key store: a key pair and certificate, sealed with a passphrase.')
    .option(IDENTITY_DB_OPTION_FLAGS, IDENTITY_DB_OPTION_HELP)
    .requiredOption('--label <label>', 'a name for this identity, unique in your key store')
    .requiredOption('--sro <name>', "the Senior Responsible Owner's name (the certificate's common name)")
    .requiredOption('--sro-role <role>', "the SRO's role or title")
    .requiredOption('--org <name>', 'the organisation')
    .option('--algorithm <type>', 'key type: p256 or rsa3072', 'p256')
    .option('--with-root', 'also create an organisation root that issues (and can renew) the SRO certificate')
    .option(PASSPHRASE_FILE_FLAGS, PASSPHRASE_FILE_HELP)
    .action(async (opts: CreateOptions) => {
      const algorithm = parseCreatableAlgorithm(opts.algorithm);
      const passphrase = readSigningPassphrase(ctx.io, opts.passphraseFile);
      const info = await withIdentityService(ctx.io, opts.db, (service) =>
        service.create({
          label: opts.label,
          sroName: opts.sro,
          sroRole: opts.sroRole,
          organisation: opts.org,
          algorithm,
          withRoot: opts.withRoot ?? false,
          passphrase,
        }),
      );
      const out = ctx.io.stdout;
      out.write(`Created signing identity "${info.label}" (${info.kind}, ${info.algorithm}), valid until ${info.notAfter.slice(0, 10)}.\n`);
      out.write(`Certificate fingerprint (SHA-256): ${formatFingerprint(info.fingerprint, { colons: true })}\n`);
      if (info.rootFingerprint) {
        out.write(`Organisation root fingerprint (SHA-256): ${formatFingerprint(info.rootFingerprint, { colons: true })}\n`);
        out.write(
          'Publish the root fingerprint: recipients check packs against it, and it stays the same when the SRO certificate is renewed.\n',
        );
      }
      out.write(
        `Back it up now (your key store is on this computer only): sscp identity export ${shellWord(info.label)} --out FILE.p12${info.rootFingerprint ? ' --with-root-key' : ''}\n`,
      );
    });
}
