import { basename } from 'node:path';
import { checksumLine } from '../../../shared/format/checksum-line';
import { SscpError } from '../../../shared/errors';
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
  link?: string;
  date?: string;
  owner?: string;
}

export const registerAttach: RegisterCommand = (program, ctx) => {
  program
    .command('attach')
    .description(
      'Attach evidence files to a claim. Prints "<sha256>  <file name>" per file, exactly as sha256sum does (so the lines check with sha256sum -c in the files\' folder). ' +
        'For evidence that is not a file (a system setting, a ticket, an interview), give --link with a web address or a location in words, and --description: it counts for sign-off like a file, and prints "<evidence id>  reference: <location>". Web addresses are only recorded, never opened or fetched. ' +
        'Control, bidirectional and invisible characters are taken out of the evidence name; a note on stderr gives the name kept.',
    )
    .argument('<id>', 'the assessment id (see sscp list)')
    .argument('<claim>', 'the claim number, e.g. 1.2.1 (see sscp catalog)')
    .argument(
      '[file...]',
      'the files to attach: ordinary files (a symbolic link is followed to one, and the note says where); none with --link',
    )
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--description <text>', 'what the evidence shows')
    .option('--effective <date>', 'when the evidence was true, YYYY-MM-DD')
    .option('--expires <date>', 'when the evidence stops being valid, YYYY-MM-DD')
    .option('--confidential', 'for certification bodies only: never put in a customer pack')
    .option(
      '--link <url-or-location>',
      'add a reference instead of files: an http(s) address, or where the evidence is in words ("Jira SEC-142", "MFA policy in the Azure portal")',
    )
    .option('--date <date>', 'with --link: when the evidence was true (setting checked, interview held), YYYY-MM-DD; same as --effective')
    .option('--owner <name>', 'with --link: who holds or answers for the evidence')
    .option(
      '--withhold-details',
      'with --confidential: a customer pack does not show the name or description either, only "Withheld file N (confidential)", the SHA-256 and size',
    )
    .action(async (id: string, claimId: string, files: string[], opts: AttachOptions) => {
      if (opts.link !== undefined) {
        await addReference(ctx, id, claimId, files, opts);
        return;
      }
      if (files.length === 0) {
        throw new SscpError(
          'invalid-input',
          'Nothing to attach.',
          'Give one or more files, or --link with a web address or location for evidence that is not a file.',
        );
      }
      for (const [flag, value] of [
        ['--date', opts.date],
        ['--owner', opts.owner],
      ] as const) {
        if (value !== undefined)
          throw new SscpError(
            'invalid-input',
            `${flag} is for a reference (--link); a file is described by --description, --effective and --expires.`,
            `Leave out ${flag}, or give --link instead of files.`,
          );
      }
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
          const onProgress = live.enabled
            ? (done: number, total: number) => live.show(`Adding ${basename(file)}… ${percentDone(done, total)}%`)
            : undefined;
          // A link is followed only to an ordinary file, and never silently.
          const onFollowedLink = (target: string) =>
            ctx.io.stderr.write(`Note: ${field(file)} is a symbolic link; attaching the file it points to, ${field(target)}.\n`);
          const item = await ws.attachEvidence(id, claimId, file, meta, { onProgress, onFollowedLink }).finally(live.clear);
          const onDisk = basename(file);
          ctx.io.stdout.write(`${checksumLine(item.sha256, onDisk)}\n`);
          if (item.fileName !== onDisk)
            ctx.io.stderr.write(`Note: ${field(onDisk)} is kept as evidence named "${field(item.fileName)}".\n`);
        }
      });
    });
};

async function addReference(
  ctx: Parameters<RegisterCommand>[1],
  id: string,
  claimId: string,
  files: readonly string[],
  opts: AttachOptions,
): Promise<void> {
  if (files.length > 0) {
    throw new SscpError(
      'invalid-input',
      'Give either files or --link, not both: a reference is evidence that is not a file.',
      'Attach the files with one command and add the reference with another.',
    );
  }
  if (opts.withholdDetails) {
    throw new SscpError(
      'invalid-input',
      '--withhold-details is for files: a confidential reference is withheld from customer packs altogether (location, description and owner).',
      'Use --confidential alone.',
    );
  }
  if (opts.date !== undefined && opts.effective !== undefined && opts.date !== opts.effective) {
    throw new SscpError('invalid-input', '--date and --effective give two different dates for the reference.', 'Give one of them.');
  }
  const item = await withWorkspace(opts.db, (ws) =>
    ws.addReference(id, claimId, {
      location: opts.link ?? '',
      description: opts.description ?? '',
      effectiveDate: dateOption(opts.date ?? opts.effective, 'The date of the reference') ?? null,
      expiryDate: dateOption(opts.expires, 'The expiry date') ?? null,
      owner: opts.owner ?? '',
      confidential: opts.confidential ?? false,
    }),
  );
  ctx.io.stdout.write(`${item.id}  reference: ${field(item.fileName)}\n`);
}
