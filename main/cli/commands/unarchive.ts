import type { RegisterCommand } from '../context';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, withWorkspace } from '../options';
import { describeArchiveChange } from './archive';

export const registerUnarchive: RegisterCommand = (program, ctx) => {
  program
    .command('unarchive')
    .description('Bring an archived assessment back: signed if it was signed, otherwise an editable draft.')
    .argument('<id>', 'the archived assessment')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .action(async (id: string, opts: { db: string }) => {
      const [before, after] = await withWorkspace(opts.db, (ws) => [ws.getAssessment(id).assessment, ws.unarchiveAssessment(id)] as const);
      ctx.io.stdout.write(`${describeArchiveChange(before, after)}\n`);
    });
};
