import { resolve } from 'node:path';
import { exportForm } from '../../form/import-form';
import type { RegisterCommand } from '../context';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, withWorkspace } from '../options';

export const registerExportForm: RegisterCommand = (program, ctx) => {
  program
    .command('export-form')
    .description('Write an assessment as the official Word self-assessment form (.docx); results and remedial actions go at the end of each Arguments cell.')
    .argument('<id>', 'the assessment id (see sscp list)')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .requiredOption('--out <file>', 'the .docx file to write (replaced if it exists)')
    .action(async (id: string, opts: { db: string; out: string }) => {
      const out = resolve(opts.out);
      await withWorkspace(opts.db, (ws) => exportForm(ws, id, out), { readOnly: true });
      ctx.io.stdout.write(`${out}\n`);
    });
};
