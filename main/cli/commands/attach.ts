import { basename } from 'node:path';
import { checksumLine } from '../../../shared/format/checksum-line';
import type { RegisterCommand } from '../context';
import { field } from '../io';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, dateOption, withWorkspace } from '../options';
import { liveLine, percentDone } from '../progress';

interface AttachOptions {
  db: string;
  description?: string;
  effective?: string;
  expires?: string;
  confidential?: boolean;
  withholdDetails?: boolean;
}

export const registerAttach: RegisterCommand = (program, ctx) => {
  program
    .command('attach')
    .description(
      'Attach evidence files to a claim. Prints "<sha256>  <file name>" per file, exactly as sha256sum does (so the lines check with sha256sum -c in the files\' folder). ' +
        'Control, bidirectional and invisible characters are taken out of the evidence name; a note on stderr gives the name kept.',
    )
    .argument('<id>', 'the assessment id (see sscp list)')
    .argument('<claim>', 'the claim number, e.g. 1.2.1 (see sscp catalog)')
    .argument('<file...>', 'the files to attach: ordinary files (a symbolic link is followed to one, and the note says where)')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--description <text>', 'what the evidence shows')
    .option('--effective <date>', 'when the evidence was true, YYYY-MM-DD')
    .option('--expires <date>', 'when the evidence stops being valid, YYYY-MM-DD')
    .option('--confidential', 'for certification bodies only: never put in a customer pack')
    .option('--withhold-details', 'with --confidential: a customer pack does not show the name or description either, only "Withheld file N (confidential)", the SHA-256 and size')
    .action(async (id: string, claimId: string, files: string[], opts: AttachOptions) => {
      const meta = {
        description: opts.description ?? '',
        effectiveDate: dateOption(opts.effective, 'The effective date') ?? null,
        expiryDate: dateOption(opts.expires, 'The expiry date') ?? null,
        confidential: opts.confidential ?? false,
        withholdDetails: opts.withholdDetails ?? false,
      };
      const live = liveLine(ctx.io);
      await withWorkspace(opts.db, async (ws) => {
        // One file at a time, each stored and recorded on its own: a failure part-way keeps
        // the files already attached, and says which one failed.
        for (const file of files) {
          const onProgress = live.enabled ? (done: number, total: number) => live.show(`Adding ${basename(file)}… ${percentDone(done, total)}%`) : undefined;
          // A link is followed only to an ordinary file, and never silently.
          const onFollowedLink = (target: string) => ctx.io.stderr.write(`Note: ${field(file)} is a symbolic link; attaching the file it points to, ${field(target)}.\n`);
          const item = await ws.attachEvidence(id, claimId, file, meta, { onProgress, onFollowedLink }).finally(live.clear);
          const onDisk = basename(file);
          ctx.io.stdout.write(`${checksumLine(item.sha256, onDisk)}\n`);
          if (item.fileName !== onDisk) ctx.io.stderr.write(`Note: ${field(onDisk)} is kept as evidence named "${field(item.fileName)}".\n`);
        }
      });
    });
};

