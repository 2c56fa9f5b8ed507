import type { Command } from 'commander';
import { saveUserFile } from '../../fs/write-file-atomic';
import { keyStorePath, sscpHome } from '../../signing/key-store';
import type { CommandContext } from '../context';
import { FORCE_HINT, FORCE_OPTION_FLAGS, FORCE_OPTION_HELP } from '../options';
import { IDENTITY_DB_OPTION_FLAGS, IDENTITY_DB_OPTION_HELP, withIdentityService } from './identity-db';

export function registerIdentityExportCert(group: Command, ctx: CommandContext): void {
  group
    .command('export-cert')
    .description('Write the public certificate and its chain (or, with --root, only the organisation root) as PEM.')
    .argument('<label>', 'the identity')
    .option(IDENTITY_DB_OPTION_FLAGS, IDENTITY_DB_OPTION_HELP)
    .requiredOption('--out <file.pem>', 'where to write the PEM file (an existing file only with --force)')
    .option('--root', 'only the organisation root certificate: what recipients trust')
    .option(FORCE_OPTION_FLAGS, FORCE_OPTION_HELP)
    .action(async (label: string, opts: { db?: string; out: string; root?: boolean; force?: boolean }) => {
      await withIdentityService(ctx.io, opts.db, async (service) => {
        const pem = service.exportCertificatePem(label, { root: opts.root ?? false });
        await saveUserFile(opts.out, pem, {
          what: 'certificate',
          ...(opts.db !== undefined ? { database: opts.db } : {}),
          protect: [keyStorePath(sscpHome(ctx.io.env))],
          replace: opts.force ?? false,
          existsHint: FORCE_HINT,
          exampleName: 'root.pem',
        });
      });
      ctx.io.stdout.write(`Wrote ${opts.root ? 'the organisation root certificate' : 'the certificate and its chain'} to ${opts.out}\n`);
    });
}
