import { exportForm } from '../../form/import-form';
import type { RegisterCommand } from '../context';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, FORCE_HINT, FORCE_OPTION_FLAGS, FORCE_OPTION_HELP, withWorkspace } from '../options';

export const registerExportForm: RegisterCommand = (program, ctx) => {
  program
    .command('export-form')
    .description(
      'Write an assessment as the official Word self-assessment form (.docx); results and remedial actions go at the end of each Arguments cell. ' +
        'Claims are numbered as the APC v1.0 (45); each Reference cell notes where form v0.4 differs (its 4.3.1 is claim 4.3.2).',
    )
    .argument('<id>', 'the assessment id (see sscp list)')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .requiredOption('--out <file>', 'the .docx file to write (an existing file only with --force)')
    .option(FORCE_OPTION_FLAGS, FORCE_OPTION_HELP)
    .action(async (id: string, opts: { db: string; out: string; force?: boolean }) => {
      const out = await withWorkspace(opts.db, (ws) => exportForm(ws, id, opts.out, { replace: opts.force ?? false, existsHint: FORCE_HINT }), { readOnly: true });
      ctx.io.stdout.write(`${out}\n`);
    });
};
