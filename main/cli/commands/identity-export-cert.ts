import type { Command } from 'commander';
import { SscpError } from '../../../shared/errors';
import { writeFileAtomic } from '../../fs/write-file-atomic';
import type { CommandContext } from '../context';
import { IDENTITY_DB_OPTION_FLAGS, IDENTITY_DB_OPTION_HELP, withIdentityService } from './identity-db';

export function registerIdentityExportCert(group: Command, ctx: CommandContext): void {
  group
    .command('export-cert')
    .description('Write the public certificate and its chain (or, with --root, only the organisation root) as PEM.')
    .argument('<label>', 'the identity')
    .option(IDENTITY_DB_OPTION_FLAGS, IDENTITY_DB_OPTION_HELP)
    .requiredOption('--out <file.pem>', 'where to write the PEM file')
    .option('--root', 'only the organisation root certificate: what recipients trust')
    .action(async (label: string, opts: { db?: string; out: string; root?: boolean }) => {
      const pem = await withIdentityService(ctx.io, opts.db, (service) => service.exportCertificatePem(label, { root: opts.root ?? false }));
      await writeFileAtomic(opts.out, pem).catch((e: unknown) => {
        const code = (e as NodeJS.ErrnoException).code;
        throw new SscpError(
          code === 'ENOENT' ? 'not-found' : 'unreadable',
          `The certificate cannot be written to ${opts.out}${code === 'ENOENT' ? ': that folder does not exist' : ` (${code ?? (e as Error).message})`}.`,
          'Give --out a file in an existing folder you may write to.',
        );
      });
      ctx.io.stdout.write(`Wrote ${opts.root ? 'the organisation root certificate' : 'the certificate and its chain'} to ${opts.out}\n`);
    });
}
