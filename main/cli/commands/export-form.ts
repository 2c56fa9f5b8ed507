import { exportForm } from '../../form/import-form';
import type { RegisterCommand } from '../context';
import { cancellableByInterrupt } from '../interrupt';
import { field } from '../io';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, FORCE_HINT, FORCE_OPTION_FLAGS, FORCE_OPTION_HELP, withWorkspace } from '../options';

export const registerExportForm: RegisterCommand = (program, ctx) => {
  program
    .command('export-form')
    .description(
      'Write an assessment as the official Word self-assessment form (.docx); results and remedial actions go at the end of each Arguments cell. ' +
        "With --template, your own copy of the official blank form is filled in: its cover fields and each claim's Evidence and Arguments cells, " +
        'with everything else of it (title page, logo, styles, wording, numbering) kept; claims it has no row for (2.1.6 and 4.3.1 on form v0.4) go in a table at its end. ' +
        'Without --template the form is generated, numbered as the APC v1.0 (45 claims); each Reference cell notes where form v0.4 differs (its 4.3.1 is claim 4.3.2).',
    )
    .argument('<id>', 'the assessment id (see sscp list)')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .requiredOption('--out <file>', 'the .docx file to write (an existing file only with --force)')
    .option('--template <form.docx>', 'your copy of the official blank self-assessment form (.docx) to fill in; it is only read')
    .option(FORCE_OPTION_FLAGS, FORCE_OPTION_HELP)
    .action(async (id: string, opts: { db: string; out: string; template?: string; force?: boolean }) => {
      const result = await cancellableByInterrupt(ctx.io, 'Word form export', (signal) =>
        withWorkspace(
          opts.db,
          (ws) =>
            exportForm(ws, id, opts.out, {
              replace: opts.force ?? false,
              existsHint: FORCE_HINT,
              templatePath: opts.template ?? null,
              signal,
            }),
          { readOnly: true },
        ),
      );
      if (result.appendedClaims.length > 0) {
        ctx.io.stderr.write(
          `The template has no rows for claims ${result.appendedClaims.join(', ')}: they are in a table at the end of the form.\n`,
        );
      }
      if (result.missingCoverFields.length > 0) {
        ctx.io.stderr.write(
          `The template has no place for ${result.missingCoverFields.join(', ')}: fill ${result.missingCoverFields.length === 1 ? 'it' : 'them'} in by hand.\n`,
        );
      }
      ctx.io.stdout.write(`${field(result.path)}\n`);
    });
};
